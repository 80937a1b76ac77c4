import Crypto
public import Foundation

extension LedgerStore {
    /// An inclusion receipt for an entry against the latest checkpoint, writing a new
    /// checkpoint first when the latest one does not cover the entry.
    ///
    /// - Throws: ``LedgerError`` when there is no such entry.
    public func inclusionReceipt(for sequence: Int64, at time: Date) throws -> InclusionReceipt {
        let size = try head().size
        guard sequence >= 1, sequence <= size else { throw LedgerError.notFound("no entry \(sequence) (the log has \(size))") }
        var note = try checkpoints().last
        if note.flatMap(LedgerVerifier.claimedSize).map({ $0 < sequence }) ?? true {
            note = try checkpoint(at: time)
        }
        let treeSize = LedgerVerifier.claimedSize(note!)!
        return try engine.read { reading in
            var leaves: [[UInt8]] = []
            leaves.reserveCapacity(Int(treeSize))
            var previous = LedgerEntry.genesisHash
            var entryText = ""
            try reading.forEachEntry(in: 1...treeSize) { entry, _ in
                let bytes = entry.canonicalBytes(previousHash: previous)
                if entry.sequence == sequence { entryText = String(decoding: bytes, as: UTF8.self) }
                previous = Array(SHA256.hash(data: bytes))
                leaves.append(Merkle.leafHash(bytes))
            }
            let proof = Merkle.inclusionProof(index: Int(sequence - 1), leaves: leaves[...])
            return InclusionReceipt(
                entry: entryText, sequence: sequence, treeSize: treeSize, proof: proof.map(Hex.encode), checkpoint: note!)
        }
    }
}
