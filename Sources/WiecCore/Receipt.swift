/// What a store returns for an accepted command: where its events landed in the log.
public struct Receipt: Sendable, Hashable, Codable {
    /// The edition the command acted on.
    public var edition: EditionID
    /// The sequence number of the command's first entry.
    public var firstSequence: Int64
    /// The sequence number of the command's last entry.
    public var lastSequence: Int64
    /// The hash (hex) of the last entry, which commits to every entry before it.
    public var lastHash: String
    /// The RFC 6962 leaf hash (hex) of the last entry, where its inclusion proof starts; `nil` in
    /// receipts remembered before stores kept it.
    public var lastLeafHash: String?

    /// Creates a receipt.
    public init(edition: EditionID, firstSequence: Int64, lastSequence: Int64, lastHash: String, lastLeafHash: String? = nil) {
        self.edition = edition
        self.firstSequence = firstSequence
        self.lastSequence = lastSequence
        self.lastHash = lastHash
        self.lastLeafHash = lastLeafHash
    }
}
