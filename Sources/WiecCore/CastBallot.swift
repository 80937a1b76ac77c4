/// One ballot as cast.
public struct CastBallot: Sendable, Hashable {
    /// The ballot's id.
    public var id: BallotID
    /// The voter's random id.
    public var voter: VoterID
    /// The proposals in the order written (preference order on ordinal ballots).
    public var projects: [ProposalID]
    /// Points parallel to ``projects`` on cumulative and scoring ballots.
    public var points: [Int64]
    /// Online or on paper.
    public var method: VotingMethod
    /// Why it was voided, if it was.
    public var voided: String?
}
