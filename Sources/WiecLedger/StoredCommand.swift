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
        var out: [UInt8] = []
        out.reserveCapacity(200)
        out.append(contentsOf: #"{"edition":"#.utf8)
        JSONValue.writeString(receipt.edition, to: &out)
        out.append(contentsOf: #","firstSequence":"#.utf8)
        out.append(contentsOf: String(receipt.firstSequence).utf8)
        out.append(contentsOf: #","lastHash":"#.utf8)
        JSONValue.writeString(receipt.lastHash, to: &out)
        if let leaf = receipt.lastLeafHash {
            out.append(contentsOf: #","lastLeafHash":"#.utf8)
            JSONValue.writeString(leaf, to: &out)
        }
        out.append(contentsOf: #","lastSequence":"#.utf8)
        out.append(contentsOf: String(receipt.lastSequence).utf8)
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }
}
