import Crypto
import Foundation
public import WiecCore
import WiecLedger

/// One paper card as an official typed it: whose it is, the pool and the choices on it.
public struct PaperCard: Sendable, Hashable {
    /// The resident the card was handed to (their ballot carries their voting pseudonym).
    public var resident: ResidentID
    /// The pool the card is for.
    public var pool: PoolID
    /// The projects marked, in the order written.
    public var projects: [ProposalID]
    /// Points parallel to ``projects`` on cumulative cards.
    public var points: [Int64]

    /// Creates a card.
    public init(resident: ResidentID, pool: PoolID, projects: [ProposalID], points: [Int64] = []) {
        self.resident = resident
        self.pool = pool
        self.projects = projects
        self.points = points
    }
}

/// A paper batch was refused: every card the core refused, by its position (from 0), each with
/// the refusal an online ballot would meet; the batch itself (when no card is at fault) as
/// `card == nil`. Nothing of the batch is stored.
public struct PaperBatchRefused: Error, Sendable {
    /// The refusals, in the order of the cards.
    public var refusals: [(card: Int?, refusal: Refusal)]
}

extension CommandGateway {
    /// The most cards one paper batch may hold.
    public static let maxPaperBatch = 1_000

    /// Enters a batch of paper cards from one voting point, all or nothing: each card is checked
    /// exactly as an online ballot is, against the edition and the cards before it in the batch
    /// (so a resident who voted online or on an earlier card is refused), and only a batch with
    /// no refused card is appended, in the next group commit, closed by the point's batch record.
    ///
    /// - Parameters:
    ///   - cards: The valid-looking cards, one ballot each.
    ///   - invalidCards: Cards found invalid at the point, counted but not cast.
    ///   - ledgerKey: The form's one-time key: a resubmitted batch appends once, and its ballots
    ///     get the same ids.
    /// - Returns: The ballot ids, in the order of the cards, and the receipt.
    /// - Throws: ``PaperBatchRefused`` naming every refused card; the transaction's error.
    public func enterPaperBatch(
        _ cards: [PaperCard], invalidCards: Int, at point: VotingPointID, on edition: EditionID, by actor: Actor, ledgerKey: String
    ) async throws -> (ballots: [BallotID], receipt: Receipt) {
        guard cards.count <= Self.maxPaperBatch else {
            throw PaperBatchRefused(refusals: [(nil, Refusal(.invalidValue, "a batch holds at most \(Self.maxPaperBatch) cards"))])
        }
        let time = Date()
        var refusals: [(card: Int?, refusal: Refusal)] = []
        var ids: [BallotID] = []
        var batch: [LedgerCommand] = []
        var positions: [Int] = []
        let voters = try await pseudonyms(ofResidents: cards.map(\.resident), in: edition)
        for (index, (card, voter)) in zip(cards, voters).enumerated() {
            let id = Self.paperBallotID(ledgerKey, index)
            switch voter {
            case .success(let voter):
                batch.append(LedgerCommand(
                    .castBallot(ballot: id, voter: voter, pool: card.pool, projects: card.projects, points: card.points, method: .paper),
                    on: edition, by: actor))
                ids.append(id)
                positions.append(index)
            case .failure(let refusal):
                refusals.append((index, refusal))
            }
        }
        batch.append(LedgerCommand(.enterPaperBatch(point: point, ballots: ids, invalidCards: invalidCards), on: edition, by: actor))
        // A resubmitted form: its ballots (named after its key) are stored; the ledger replays the receipt.
        let stored = try store.state(of: edition)
        let replayed = !ids.isEmpty && stored.ballotPools[ids[0]] != nil
        if !replayed {
            for (index, refusal) in try store.checkEach(batch, at: time) {
                if index < positions.count {
                    refusals.append((positions[index], refusal))
                } else if refusals.isEmpty {
                    // The batch's own record, judged only when every card passed (it names their ballots).
                    refusals.append((nil, refusal))
                }
            }
        }
        guard refusals.isEmpty else { throw PaperBatchRefused(refusals: refusals.sorted { ($0.card ?? Int.max) < ($1.card ?? Int.max) }) }
        let receipt = try await committer.execute(LedgerWrite(batch, idempotencyKey: ledgerKey))
        count(receipt, ballots: ids.count)
        return (ids, receipt)
    }

    /// The id of a batch's card, derived from the batch's key and the card's place.
    static func paperBallotID(_ ledgerKey: String, _ index: Int) -> BallotID {
        let digest = SHA256.hash(data: Array("paper\n\(ledgerKey)\n\(index)".utf8))
        return "b-p-" + Hex.encode(digest.prefix(8))
    }
}
