import Crypto
public import WiecCore

/// Checks a log entry by entry, as it streams past: sequence without gaps, each entry's hash,
/// the chain of `prev` hashes, one person one vote (``Edition/oneVoteViolation(_:_:)``); it folds
/// the events, keeps the Merkle roots at every checkpoint's size, and at the end checks the
/// checkpoints (each phase change must have its own) and re-tallies every closed pool.
public struct LedgerVerifier {
    private var expected: Int64 = 1
    private var previousHash = LedgerEntry.genesisHash
    private var hashBeforePrevious = LedgerEntry.genesisHash
    private var frontier = MerkleFrontier()
    private let checkpointSizes: Set<Int64>
    private var roots: [Int64: [UInt8]] = [:]
    private var editions: [EditionID: EditionState] = [:]
    private var editionOrder: [EditionID] = []
    private var resultSequences: [String: Int64] = [:]
    /// The sequence numbers of the phase changes: the writer checkpoints each where it happens.
    private var phaseChanges: [Int64] = []
    private var announcementSequences: [EditionID: Int64] = [:]

    /// Starts a verification that will check checkpoints of these tree sizes.
    public init(checkpointSizes: Set<Int64>) {
        self.checkpointSizes = checkpointSizes
        if checkpointSizes.contains(0) { roots[0] = Merkle.emptyRoot }
    }

    /// Checks the next entry.
    ///
    /// - Parameters:
    ///   - entry: The entry as stored or exported.
    ///   - statedPrevious: The `prev` hash the entry states (exported entries), or `nil`.
    ///   - statedHash: The hash stored or exported with the entry.
    /// - Throws: ``VerificationFailure`` naming this entry's (or a missing entry's) sequence number.
    public mutating func add(
        _ entry: LedgerEntry, statedPrevious: [UInt8]?, statedHash: [UInt8]
    ) throws(VerificationFailure) {
        if entry.sequence != expected {
            if entry.sequence > expected {
                throw .entry(expected, "missing (the next entry present is \(entry.sequence))")
            }
            throw .entry(expected, "out of order: found entry \(entry.sequence) where \(expected) belongs")
        }
        let bytes = entry.canonicalBytes(previousHash: previousHash)
        let hash = Array(SHA256.hash(data: bytes))
        if hash != statedHash {
            if entry.sequence > 1, statedHash == previousHash {
                throw .entry(entry.sequence, "duplicate: a copy of entry \(entry.sequence - 1)")
            }
            if entry.sequence > 1,
                Array(SHA256.hash(data: entry.canonicalBytes(sequence: entry.sequence - 1, previousHash: hashBeforePrevious)))
                    == statedHash
            {
                throw .entry(entry.sequence - 1, "inserted: entry \(entry.sequence) was recorded as \(entry.sequence - 1)")
            }
            throw .entry(entry.sequence, "content does not match its hash (body, fields or position changed)")
        }
        if let statedPrevious, statedPrevious != previousHash {
            throw .entry(entry.sequence, "prev does not match the hash of entry \(entry.sequence - 1)")
        }
        let event: Event
        do {
            event = try EventCoding.decode(type: entry.type, body: entry.body)
        } catch {
            throw .entry(entry.sequence, "\(error.message)")
        }
        hashBeforePrevious = previousHash
        previousHash = hash
        frontier.append(leafHash: Merkle.leafHash(bytes))
        if checkpointSizes.contains(entry.sequence) { roots[entry.sequence] = frontier.root }
        if editions[entry.edition] == nil { editionOrder.append(entry.edition) }
        if let violation = Edition.oneVoteViolation(editions[entry.edition] ?? EditionState(id: entry.edition), event) {
            throw .entry(entry.sequence, violation)
        }
        var state = editions.removeValue(forKey: entry.edition) ?? EditionState(id: entry.edition)
        Edition.evolve(&state, event)
        editions[entry.edition] = state
        if case .resultPublished(let pool, _) = event { resultSequences["\(entry.edition)/\(pool)"] = entry.sequence }
        if case .phaseChanged = event { phaseChanges.append(entry.sequence) }
        if case .villageFund(.fundAmountsAnnounced) = event { announcementSequences[entry.edition] = entry.sequence }
        expected += 1
    }

    /// Checks every checkpoint (signature, size, root) and re-tallies every pool of every closed
    /// edition, comparing with the results published in the log.
    ///
    /// - Parameters:
    ///   - checkpoints: The signed notes.
    ///   - verifier: The log's verifier key.
    /// - Throws: ``VerificationFailure`` naming the checkpoint or the result entry at fault.
    public func finish(checkpoints: [String], verifier: CheckpointVerifier) throws(VerificationFailure) -> VerificationReport {
        let size = expected - 1
        var verified: Set<Int64> = []
        for note in checkpoints.sorted(by: { (Self.claimedSize($0) ?? -1) < (Self.claimedSize($1) ?? -1) }) {
            let claimed = Self.claimedSize(note) ?? -1
            let checkpoint: Checkpoint
            do {
                checkpoint = try verifier.verify(note: note)
            } catch {
                throw .checkpoint(claimed, error.message)
            }
            guard checkpoint.size <= size else {
                throw .entry(size + 1, "missing: the log ends at entry \(size), but the checkpoint at tree size \(checkpoint.size) covers \(checkpoint.size) entries")
            }
            guard let root = roots[checkpoint.size], root == checkpoint.root else {
                let good = verified.max() ?? 0
                throw .checkpoint(
                    checkpoint.size,
                    "root does not match entries 1...\(checkpoint.size): an entry in \(good + 1)...\(checkpoint.size) was changed since it was signed")
            }
            verified.insert(checkpoint.size)
        }
        // Every phase change is signed where it happens, so a checkpoint removed or replaced shows.
        if let unsigned = phaseChanges.first(where: { !verified.contains($0) }) {
            throw .entry(unsigned, "a phase change without its checkpoint at tree size \(unsigned) (removed or replaced)")
        }
        var tallies: [PoolTally] = []
        for id in editionOrder {
            let state = editions[id]!
            guard state.phase >= .closed else { continue }
            for pool in state.poolOrder {
                let published = state.results[pool]
                do {
                    let result = try state.tally(pool)
                    if let published, published != result {
                        throw VerificationFailure.entry(
                            resultSequences["\(id)/\(pool)"] ?? size,
                            "published result of \(id)/\(pool) differs from the re-tally (published \(published.selected), re-tallied \(result.selected))")
                    }
                    tallies.append(PoolTally(edition: id, pool: pool, result: result, problem: nil, published: published != nil))
                } catch let refusal as Refusal {
                    if published != nil {
                        throw .entry(resultSequences["\(id)/\(pool)"] ?? size, "published result of \(id)/\(pool) cannot be re-tallied: \(refusal.detail)")
                    }
                    tallies.append(PoolTally(edition: id, pool: pool, result: nil, problem: refusal.detail, published: false))
                } catch let failure as VerificationFailure {
                    throw failure
                } catch {
                    throw .bundle("\(error)")
                }
            }
        }
        var funds: [EditionID] = []
        for id in editionOrder {
            guard let fund = editions[id]!.villageFund, let announcement = fund.announcement else { continue }
            try Self.recompute(announcement, rules: fund.rules, of: id, at: announcementSequences[id] ?? size)
            funds.append(id)
        }
        return VerificationReport(
            entries: size, checkpoints: checkpoints.count, root: Hex.encode(frontier.root), tallies: tallies, villageFunds: funds)
    }

    /// Applies the formula of art. 3 ust. 1 again to a fund's announced inputs and compares every amount.
    private static func recompute(
        _ announcement: FundAnnouncement, rules: VillageFundRules, of id: EditionID, at sequence: Int64
    ) throws(VerificationFailure) {
        let calculation: VillageFundCalculation
        do {
            calculation = try VillageFundFormula.calculate(
                revenue: announcement.revenue, residents: announcement.residents,
                solectwa: announcement.shares.map { ($0.solectwo, $0.residents) }, rounding: rules.rounding)
        } catch {
            throw .entry(sequence, "the amounts of village fund \(id) cannot be recomputed: \(error.detail)")
        }
        guard calculation.baseAmount == announcement.baseAmount, calculation.cap == announcement.cap,
            calculation.amounts.map(\.amount) == announcement.shares.map(\.formulaAmount)
        else { throw .entry(sequence, "the amounts of village fund \(id) differ from the formula of art. 3 ust. 1 applied to its inputs") }
    }

    /// The editions as folded from the verified entries.
    public var states: [EditionState] { editionOrder.map { editions[$0]! } }

    /// Checks that a note is stored where it belongs: in the row (or file) of the tree size it claims.
    ///
    /// - Throws: ``VerificationFailure`` naming the tree size it was stored as.
    static func checkFiled(_ note: String, as size: Int64) throws(VerificationFailure) {
        let claimed = claimedSize(note)
        guard claimed == size else {
            throw .checkpoint(size, "the note stored for tree size \(size) is of tree size \(claimed.map(String.init) ?? "unreadable") (replaced)")
        }
    }

    /// The tree size a note claims, read without checking the signature.
    static func claimedSize(_ note: String) -> Int64? {
        let lines = note.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        return lines.count > 1 ? Int64(lines[1]) : nil
    }
}
