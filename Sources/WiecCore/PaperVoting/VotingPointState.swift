/// A voting point as its events left it: the paper ballots entered from it, the invalid cards,
/// and its protocol once recorded (after which nothing more is entered from it).
public struct VotingPointState: Sendable, Hashable {
    /// The point.
    public var point: VotingPoint
    /// The paper ballots entered from it, in the order entered.
    public var ballots: [BallotID] = []
    /// Cards entered from it as invalid.
    public var invalidCards = 0
    /// Its protocol, once recorded.
    public var paperProtocol: PaperProtocol?

    /// Creates the state of a point with nothing entered yet.
    public init(point: VotingPoint) {
        self.point = point
    }
}
