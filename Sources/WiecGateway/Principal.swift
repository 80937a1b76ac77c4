public import WiecCore

/// Who is calling, as established from the bearer token.
public enum Principal: Sendable, Hashable {
    /// A staff account.
    case staff(StaffAccount)
    /// A resident registered in one edition, known by their resident id (never their voting
    /// pseudonym, which the ledger holds apart).
    case resident(edition: EditionID, resident: ResidentID)

    /// The id idempotency keys are namespaced with.
    public var keyPrefix: String {
        switch self {
        case .staff(let account): "staff:\(account.id)"
        case .resident(let edition, let resident): "resident:\(edition):\(resident)"
        }
    }
}
