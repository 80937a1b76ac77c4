/// What went wrong in the ledger: a malformed input, a missing thing, a key problem, a storage
/// failure, or a store that cannot write now. Refused commands are thrown as `Refusal`, not as this.
public struct LedgerError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Kind: String, Sendable, Hashable {
        case malformed, notFound = "not found", key, storage, unavailable
    }

    private let kind: Kind
    /// What exactly is wrong.
    public let message: String

    private init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// Input that cannot be read (JSON, a note, a file of the bundle).
    public static func malformed(_ message: String) -> LedgerError { LedgerError(.malformed, message) }
    /// Something asked for that does not exist.
    public static func notFound(_ message: String) -> LedgerError { LedgerError(.notFound, message) }
    /// A signing or verifier key that cannot be used.
    public static func key(_ message: String) -> LedgerError { LedgerError(.key, message) }
    /// The database refused or failed.
    public static func storage(_ message: String) -> LedgerError { LedgerError(.storage, message) }

    /// The store cannot write now (disk full, an I/O error, locked too long); the write was
    /// rolled back whole, so it may be retried with the same idempotency key.
    public static func unavailable(_ message: String) -> LedgerError { LedgerError(.unavailable, message) }

    /// Whether something asked for does not exist (an entry, a file), as opposed to a failure.
    public var isNotFound: Bool { kind == .notFound }

    /// Whether the store could not write now and nothing of the write was kept.
    public var isUnavailable: Bool { kind == .unavailable }

    public var description: String { "\(kind.rawValue): \(message)" }
}
