/// What an edition does when a submitter changes a proposal whose review has begun (a first
/// stage reviewed): the changed text must never reach the ballot unreviewed.
public enum AmendmentPolicy: String, Sendable, Hashable, Codable, CaseIterable {
    /// Changes are refused once the first stage is reviewed (the default).
    case refuse
    /// A change sets the reviews done so far aside and sends the proposal back to review from
    /// the formal stage; the set-aside reviews stay in its history.
    case reviewAgain = "review_again"
}
