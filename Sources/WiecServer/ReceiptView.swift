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

    /// Writes the receipt as ``Reply/json(_:status:)`` encodes it (keys sorted, no field for a
    /// missing leaf hash), without the generic encoder: every ballot's reply holds one.
    func writeJSON(to out: inout [UInt8]) {
        out.append(contentsOf: #"{"checkpoint":"#.utf8)
        JSONValue.writeString(checkpoint, to: &out)
        out.append(contentsOf: #","entry_hash":"#.utf8)
        JSONValue.writeString(entryHash, to: &out)
        out.append(contentsOf: #","first_sequence":"#.utf8)
        out.append(contentsOf: String(firstSequence).utf8)
        if let leafHash {
            out.append(contentsOf: #","leaf_hash":"#.utf8)
            JSONValue.writeString(leafHash, to: &out)
        }
        out.append(contentsOf: #","proof":"#.utf8)
        JSONValue.writeString(proof, to: &out)
        out.append(contentsOf: #","sequence":"#.utf8)
        out.append(contentsOf: String(sequence).utf8)
        out.append(UInt8(ascii: "}"))
    }
}
