/// The first thing `verify` found wrong: the entry (by sequence number) or the checkpoint (by
/// tree size) at fault, and what is wrong with it.
public struct VerificationFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The first bad entry's sequence number, when an entry is at fault.
    public var sequence: Int64?
    /// The tree size of the bad checkpoint, when a checkpoint is at fault.
    public var checkpointSize: Int64?
    /// What is wrong.
    public var message: String

    /// A failure of an entry.
    static func entry(_ sequence: Int64, _ message: String) -> VerificationFailure {
        VerificationFailure(sequence: sequence, checkpointSize: nil, message: message)
    }

    /// A failure of a checkpoint.
    static func checkpoint(_ size: Int64, _ message: String) -> VerificationFailure {
        VerificationFailure(sequence: nil, checkpointSize: size, message: message)
    }

    /// A failure of the bundle as a whole.
    static func bundle(_ message: String) -> VerificationFailure {
        VerificationFailure(sequence: nil, checkpointSize: nil, message: message)
    }

    public var description: String {
        if let sequence { return "entry \(sequence): \(message)" }
        if let checkpointSize { return "checkpoint at tree size \(checkpointSize): \(message)" }
        return message
    }
}
