import WiecCore
import WiecLedger

/// Where an accepted command landed in the log, as the API shows it.
struct ReceiptView: Codable, Sendable {
    /// The sequence number of the first entry appended.
    var firstSequence: Int64
    /// The sequence number of the last entry appended.
    var sequence: Int64
    /// SHA-256 (hex) of the last entry, which commits to every entry before it.
    var entryHash: String
    /// The last entry's RFC 6962 leaf hash (hex), where its inclusion proof starts; given for ballots.
    var leafHash: String?
    /// Where to fetch the inclusion proof against a signed checkpoint.
    var proof: String
    /// Where the latest signed checkpoint is; the entry's proof is checked against one that covers it.
    var checkpoint: String

    init(_ receipt: Receipt, leafHash: String? = nil) {
        firstSequence = receipt.firstSequence
        sequence = receipt.lastSequence
        entryHash = receipt.lastHash
        self.leafHash = leafHash
        proof = "/api/v1/audit/proof/\(receipt.lastSequence)"
        checkpoint = "/api/v1/audit/checkpoint"
    }

    enum CodingKeys: String, CodingKey {
        case firstSequence = "first_sequence", sequence, entryHash = "entry_hash", leafHash = "leaf_hash", proof, checkpoint
    }

    /// The receipt as ``Reply/json(_:status:)`` encodes it (keys sorted, no field for a
    /// missing leaf hash), without the generic encoder: every ballot's reply holds one.
    func json() -> [UInt8] {
        var json = JSONObjectWriter(capacity: 256)
        json.string("checkpoint", checkpoint)
        json.string("entry_hash", entryHash)
        json.integer("first_sequence", firstSequence)
        if let leafHash { json.string("leaf_hash", leafHash) }
        json.string("proof", proof)
        json.integer("sequence", sequence)
        return json.finish()
    }
}
