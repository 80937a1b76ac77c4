/// A resident initiative (inicjatywa mieszkańców), possibly written at a workshop.
public struct Initiative: Sendable, Hashable {
    /// The initiative's id.
    public var id: InitiativeID
    /// The workshop it was written at, if any.
    public var workshop: WorkshopID?
    /// Its title.
    public var title: String
    /// What it proposes.
    public var description: String
    /// The submitter's opaque id.
    public var submitter: String
    /// The proposals that grew out of it.
    public var proposals: [ProposalID]
}
