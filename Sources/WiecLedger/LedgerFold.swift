import Crypto
import WiecCore

/// The log folded up to its head: the head's sequence number and hash, the Merkle frontier, and
/// the state of every edition. Appending and catching up both advance it one entry at a time.
struct LedgerFold: Sendable {
    /// The sequence number of the last folded entry.
    var head: Int64 = 0
    /// The hash of the last folded entry.
    var headHash = LedgerEntry.genesisHash
    /// The right edge of the Merkle tree over the folded entries.
    var frontier = MerkleFrontier()
    /// Every edition's state.
    var editions: [EditionID: EditionState] = [:]

    /// Takes in an entry whose canonical bytes and hash are known; its event is folded by the caller.
    ///
    /// - Returns: The entry's RFC 6962 leaf hash.
    @discardableResult
    mutating func advance(sequence: Int64, bytes: [UInt8], hash: [UInt8]) -> [UInt8] {
        head = sequence
        headHash = hash
        let leaf = Merkle.leafHash(bytes)
        frontier.append(leafHash: leaf)
        return leaf
    }

    /// Folds the entries appended since ``head`` (by this process or another). An entry whose
    /// stored hash does not match its content, or a gap, stops everything; so does a store that
    /// holds fewer entries than were folded (restored from an old copy, or a standby that lagged
    /// behind): appending to it would give two entries one sequence number.
    ///
    /// - Throws: ``LedgerError`` naming the entry; the engine's errors.
    mutating func catchUp(_ reading: any LedgerReading) throws {
        let last = try reading.lastSequence()
        guard last >= head else {
            throw LedgerError.storage("the store holds \(last) entries, fewer than the \(head) already read from it; run wiec verify")
        }
        guard last > head else { return }
        try reading.forEachEntry(in: (head + 1)...last) { entry, stored in
            guard entry.sequence == head + 1 else { throw LedgerError.storage("entry \(head + 1) is missing; run wiec verify") }
            let bytes = entry.canonicalBytes(previousHash: headHash)
            let hash = Array(SHA256.hash(data: bytes))
            guard hash == stored else { throw LedgerError.storage("entry \(entry.sequence) does not match its hash; run wiec verify") }
            let event = try EventCoding.decode(type: entry.type, body: entry.body)
            advance(sequence: entry.sequence, bytes: bytes, hash: hash)
            Edition.evolve(&editions[entry.edition, default: EditionState(id: entry.edition)], event)
        }
        guard head == last else { throw LedgerError.storage("entry \(head + 1) is missing; run wiec verify") }
    }
}
