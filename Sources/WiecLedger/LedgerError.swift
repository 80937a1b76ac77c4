/// What went wrong in the ledger: a malformed input, a missing thing, a key problem, or a
/// storage failure. Refused commands are thrown as `Refusal`, not as this.
public struct LedgerError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Kind: String, Sendable, Hashable {
        case malformed, notFound = "not found", key, storage
    }

    private let kind: Kind
    /// What exactly is wrong.
    public let message: String

    private init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// Input that cannot be read (JSON, a note, a file of the bundle).
    static func malformed(_ message: String) -> LedgerError { LedgerError(.malformed, message) }
    /// Something asked for that does not exist.
    static func notFound(_ message: String) -> LedgerError { LedgerError(.notFound, message) }
    /// A signing or verifier key that cannot be used.
    static func key(_ message: String) -> LedgerError { LedgerError(.key, message) }
    /// The database refused or failed.
    static func storage(_ message: String) -> LedgerError { LedgerError(.storage, message) }

    /// Whether something asked for does not exist (an entry, a file), as opposed to a failure.
    public var isNotFound: Bool { kind == .notFound }

    public var description: String { "\(kind.rawValue): \(message)" }
}
