/// A voting point's protocol (protokół głosowania): the cards it received and handed out,
/// and the valid and invalid cards entered from it, as the official closing it recorded them.
/// The official appears by their opaque actor id; their name is shown from the staff account
/// and never written in the log.
public struct PaperProtocol: Sendable, Hashable, Codable {
    /// Blank cards the point received.
    public var cardsReceived: Int
    /// Cards handed out to voters.
    public var cardsIssued: Int
    /// Cards entered as ballots and not voided.
    public var valid: Int
    /// Cards entered as invalid (nieważne).
    public var invalid: Int
    /// The actor id of the official who recorded the protocol.
    public var official: String

    /// Creates a protocol record.
    public init(cardsReceived: Int, cardsIssued: Int, valid: Int, invalid: Int, official: String) {
        self.cardsReceived = cardsReceived
        self.cardsIssued = cardsIssued
        self.valid = valid
        self.invalid = invalid
        self.official = official
    }
}
