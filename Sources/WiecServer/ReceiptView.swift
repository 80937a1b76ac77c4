import WiecCore

/// Where an accepted command landed in the log, as the API shows it.
struct ReceiptView: Codable, Sendable {
    /// The sequence number of the first entry appended.
    var firstSequence: Int64
    /// The sequence number of the last entry appended.
    var sequence: Int64
    /// SHA-256 (hex) of the last entry, which commits to every entry before it.
    var entryHash: String
    /// Where to fetch the inclusion proof against a signed checkpoint.
    var proof: String

    init(_ receipt: Receipt) {
        firstSequence = receipt.firstSequence
        sequence = receipt.lastSequence
        entryHash = receipt.lastHash
        proof = "/api/v1/audit/proof/\(receipt.lastSequence)"
    }

    enum CodingKeys: String, CodingKey {
        case firstSequence = "first_sequence", sequence, entryHash = "entry_hash", proof
    }
}
