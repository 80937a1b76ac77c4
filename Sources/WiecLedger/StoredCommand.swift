public import WiecCore

/// A command as the ledger remembers it under its idempotency key: a fingerprint of what was
/// asked, so that a reused key with another request is refused, and the receipt it got.
public struct StoredCommand: Sendable, Hashable {
    /// SHA-256 over what the command asked (``Appender/fingerprint(_:)``).
    public var fingerprint: [UInt8]
    /// Where its events landed.
    public var receipt: Receipt

    /// Pairs a fingerprint with its receipt.
    public init(fingerprint: [UInt8], receipt: Receipt) {
        self.fingerprint = fingerprint
        self.receipt = receipt
    }

    /// Reads a stored command back from its fingerprint and its receipt's JSON text.
    ///
    /// - Throws: ``LedgerError`` when the text is not a receipt.
    public init(fingerprint: [UInt8], receiptJSON: String) throws {
        self.fingerprint = fingerprint
        do {
            receipt = try JSONValueDecoder.decode(Receipt.self, from: try JSONParser.parse(Array(receiptJSON.utf8)))
        } catch {
            throw LedgerError.storage("a remembered receipt does not read back: \(error)")
        }
    }

    /// The receipt as engines keep it: its JSON text (RFC 8785), written directly because every
    /// request stores one; the bytes are those of the generic encoder (a test holds them equal).
    public func receiptJSON() -> String {
        var json = JSONObjectWriter(capacity: 200)
        json.string("edition", receipt.edition)
        json.integer("firstSequence", receipt.firstSequence)
        json.string("lastHash", receipt.lastHash)
        if let leaf = receipt.lastLeafHash { json.string("lastLeafHash", leaf) }
        json.integer("lastSequence", receipt.lastSequence)
        return String(decoding: json.finish(), as: UTF8.self)
    }
}
