/// The id of a voting point (punkt do głosowania), e.g. `urzad` or `biblioteka-1`.
public typealias VotingPointID = String

/// A voting point (punkt do głosowania): a place where residents vote on paper cards handed out
/// by officials, who then enter the cards in batches and close the point with its protocol.
public struct VotingPoint: Sendable, Hashable, Codable {
    /// The point's id.
    public var id: VotingPointID
    /// Its name, e.g. "Urząd Miejski, sala 12".
    public var name: String
    /// Where it is, as residents are told.
    public var address: String

    /// Creates a voting point.
    public init(id: VotingPointID, name: String, address: String) {
        self.id = id
        self.name = name
        self.address = address
    }
}
