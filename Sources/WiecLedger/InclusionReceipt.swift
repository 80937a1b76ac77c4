import Crypto

/// Proof that one entry is in the log: the entry's canonical bytes, an RFC 6962 inclusion
/// proof and the signed checkpoint it leads to. Anyone holding the log's verifier key can check
/// it offline.
public struct InclusionReceipt: Sendable, Hashable, Codable {
    /// The entry's canonical JSON (RFC 8785), exactly the bytes of its Merkle leaf.
    public var entry: String
    /// The entry's sequence number (its leaf index is one less).
    public var sequence: Int64
    /// The size of the tree the proof is for.
    public var treeSize: Int64
    /// The audit path, hex hashes from the leaf up.
    public var proof: [String]
    /// The signed checkpoint of that tree size.
    public var checkpoint: String

    /// Creates a receipt.
    public init(entry: String, sequence: Int64, treeSize: Int64, proof: [String], checkpoint: String) {
        self.entry = entry
        self.sequence = sequence
        self.treeSize = treeSize
        self.proof = proof
        self.checkpoint = checkpoint
    }

    /// Checks the receipt: the checkpoint's signature, the entry's sequence number, and that
    /// the proof leads from the entry's leaf to the checkpoint's root.
    ///
    /// - Returns: The checkpoint the entry is included in.
    /// - Throws: ``LedgerError`` naming what does not hold.
    public func verify(with verifier: CheckpointVerifier) throws(LedgerError) -> Checkpoint {
        let head = try verifier.verify(note: checkpoint)
        guard head.size == treeSize else { throw .malformed("the receipt's tree size \(treeSize) is not the checkpoint's \(head.size)") }
        let parsed = try LedgerEntry(json: try JSONParser.parse(Array(entry.utf8)))
        guard parsed.sequence == sequence else { throw .malformed("the entry is number \(parsed.sequence), not \(sequence)") }
        var path: [[UInt8]] = []
        for hex in proof {
            guard let hash = Hex.decode(hex), hash.count == 32 else { throw .malformed("proof hash '\(hex)' is not a SHA-256 hash") }
            path.append(hash)
        }
        let leaf = Merkle.leafHash(Array(entry.utf8))
        guard Merkle.verifyInclusion(leafHash: leaf, index: sequence - 1, treeSize: treeSize, proof: path, root: head.root) else {
            throw .malformed("entry \(sequence) is not included in the checkpoint of size \(treeSize): the proof does not lead to its root")
        }
        return head
    }
}
