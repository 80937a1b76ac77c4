/// Why a command was refused; nothing was appended.
public struct Refusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The machine-readable reason.
    public var reason: RefusalReason
    /// What exactly was wrong, for people.
    public var detail: String

    /// Creates a refusal.
    public init(_ reason: RefusalReason, _ detail: String) {
        self.reason = reason
        self.detail = detail
    }

    public var description: String { "\(reason.rawValue): \(detail)" }
}
