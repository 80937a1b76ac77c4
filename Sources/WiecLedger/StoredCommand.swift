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
}
