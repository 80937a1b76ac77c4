public import WiecCore

/// Who is calling, as established from the bearer token.
public enum Principal: Sendable, Hashable {
    /// A staff account.
    case staff(StaffAccount)
    /// A resident registered in one edition, known by their voter id.
    case resident(edition: EditionID, voter: VoterID)

    /// The id idempotency keys are namespaced with.
    public var keyPrefix: String {
        switch self {
        case .staff(let account): "staff:\(account.id)"
        case .resident(let edition, let voter): "resident:\(edition):\(voter)"
        }
    }
}
