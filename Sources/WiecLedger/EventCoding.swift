import WiecCore

/// Turns events into an entry's `type` and canonical `body`, and back.
enum EventCoding {
    /// The entry type and the canonical JSON body of an event.
    static func encode(_ event: Event) throws(LedgerError) -> (type: String, body: String) {
        let value: JSONValue
        do {
            value = try JSONValueEncoder.encode(event)
        } catch {
            throw .malformed("event cannot be encoded: \(error)")
        }
        guard case .object(let members) = value, members.count == 1, let (type, body) = members.first else {
            throw .malformed("an event encodes as one type key")
        }
        return (type, body.canonicalString)
    }

    /// The event of an entry.
    ///
    /// - Throws: ``LedgerError`` naming the type and what does not fit.
    static func decode(type: String, body: String) throws(LedgerError) -> Event {
        let value = try JSONParser.parse(Array(body.utf8))
        do {
            return try JSONValueDecoder.decode(Event.self, from: .object([type: value]))
        } catch {
            throw .malformed("body is not a valid \(type) event: \(error)")
        }
    }

    /// The canonical JSON of any encodable value (commands, for idempotency fingerprints).
    static func canonical(_ value: some Encodable) throws(LedgerError) -> [UInt8] {
        do {
            return try JSONValueEncoder.encode(value).canonicalBytes
        } catch {
            throw .malformed("value cannot be encoded: \(error)")
        }
    }
}
