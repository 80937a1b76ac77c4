import Crypto
import Foundation

extension LedgerStore {
    /// The entries `from...through` as lines of the audit bundle's `entries.jsonl`:
    /// `{"entry":{...},"hash":"..."}`, where `entry` is the entry's canonical JSON with `prev`
    /// (exactly the bytes of its Merkle leaf) and `hash` their SHA-256.
    ///
    /// - Throws: ``LedgerError`` when the range is outside the log.
    public func entryLines(from: Int64, through: Int64) throws -> [String] {
        try canonicalEntries(from: from, through: through).map { bytes in
            #"{"entry":"# + String(decoding: bytes, as: UTF8.self) + #","hash":""# + Hex.encode(Array(SHA256.hash(data: bytes))) + "\"}"
        }
    }

    /// The RFC 6962 leaf hash of an entry, SHA-256(0x00 || canonical bytes): what its inclusion
    /// proof starts from.
    ///
    /// - Throws: ``LedgerError`` when there is no such entry.
    public func leafHash(of sequence: Int64) throws -> [UInt8] {
        // Read straight from the store, without waiting for a writer.
        try engine.read { reading in
            let previous = sequence > 1 ? try reading.storedHash(of: sequence - 1) : LedgerEntry.genesisHash
            var leaf: [UInt8]?
            if let previous, sequence >= 1 {
                try reading.forEachEntry(in: sequence...sequence) { entry, _ in
                    leaf = Merkle.leafHash(entry.canonicalBytes(previousHash: previous))
                }
            }
            guard let leaf else { throw LedgerError.notFound("no entry \(sequence)") }
            return leaf
        }
    }

    /// An RFC 6962 consistency proof from the tree of `from` entries to the tree of `to` entries.
    ///
    /// - Throws: ``LedgerError`` when `from` or `to` is outside the log.
    public func consistencyProof(from: Int64, to: Int64) throws -> [[UInt8]] {
        let size = try head().size
        guard from >= 1, from <= to, to <= size else {
            throw LedgerError.notFound("no consistency proof from \(from) to \(to) (the log has \(size))")
        }
        let leaves = try canonicalEntries(from: 1, through: to).map(Merkle.leafHash)
        return Merkle.consistencyProof(from: Int(from), leaves: leaves[...])
    }

    /// The canonical bytes of the entries `from...through`, chained to the entry before.
    private func canonicalEntries(from: Int64, through: Int64) throws -> [[UInt8]] {
        let size = try head().size
        guard from >= 1, from <= through, through <= size else {
            throw LedgerError.notFound("no entries \(from)...\(through) (the log has \(size))")
        }
        return try engine.read { reading in
            var previous = from > 1 ? try reading.storedHash(of: from - 1) ?? LedgerEntry.genesisHash : LedgerEntry.genesisHash
            var entries: [[UInt8]] = []
            entries.reserveCapacity(Int(through - from + 1))
            try reading.forEachEntry(in: from...through) { entry, _ in
                let bytes = entry.canonicalBytes(previousHash: previous)
                previous = Array(SHA256.hash(data: bytes))
                entries.append(bytes)
            }
            return entries
        }
    }
}
