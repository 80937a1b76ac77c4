import Crypto
import Foundation
public import Hummingbird
import Metrics
public import WiecCore
public import WiecLedger

/// The one path from a request to the ledger: it reads the request's `Idempotency-Key`,
/// namespaces it by the actor, executes the command and counts appends and ballots.
public struct CommandGateway: Sendable {
    public let store: LedgerStore
    let committer: GroupCommitter
    private let appends = Counter(label: "wiec_ledger_appends_total")
    private let ballots = Counter(label: "wiec_ballots_total")

    public init(store: LedgerStore) {
        self.store = store
        self.committer = GroupCommitter(store: store)
    }

    /// The request's idempotency key, checked, or `nil` when it has none.
    ///
    /// - Throws: ``Problem`` 400 when the key is empty, too long or not printable ASCII.
    public static func idempotencyKey(_ request: Request) throws -> String? {
        guard let key = request.headers[.idempotencyKey] else { return nil }
        guard !key.isEmpty, key.utf8.count <= 200, key.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw Problem(
                .badRequest, code: "invalid_idempotency_key", title: "Invalid Idempotency-Key", titlePL: "Nieprawidłowy klucz idempotencji",
                detail: "an Idempotency-Key is 1 to 200 printable ASCII characters")
        }
        return key
    }

    /// The ledger key for a request: the client's key under the actor's namespace, or `nil` when
    /// the client sent none (then nothing is remembered: a retry is another request).
    public static func ledgerKey(_ request: Request, actor: Actor) throws -> String? {
        ledgerKey(try idempotencyKey(request), actor: actor)
    }

    /// The ledger key for a client's idempotency key (checked), or `nil` for none.
    static func ledgerKey(_ key: String?, actor: Actor) -> String? {
        key.map { "http:\(actor.role.rawValue):\(actor.id):\($0)" }
    }

    /// An id for something a request creates: the one the client chose, else one derived from
    /// its idempotency key (so a retry names the same thing), else a random one.
    ///
    /// A made id is `KIND~` and twelve hex digits (`b~3f09a1c2d4e5`; a paper batch's ballots
    /// `b~INDEX~...`): the `~` is never in an id a client may choose (``TextRules/id(_:_:)``), so
    /// nobody can take in advance the id a request of someone else's will get.
    public static func newID(_ chosen: String?, kind: String, request: Request, actor: Actor) throws -> String {
        if let chosen { return try TextRules.id(chosen, "id") }
        return newID(kind: kind, key: try idempotencyKey(request), actor: actor)
    }

    /// A made id (``newID(_:kind:request:actor:)``) for a client's idempotency key (checked), or
    /// a random one for none.
    static func newID(kind: String, key: String?, actor: Actor) -> String {
        let prefix = kind + "~"
        guard let key else { return prefix + UUID().uuidString.lowercased().prefix(12) }
        let digest = SHA256.hash(data: Array("\(actor.role.rawValue)\n\(actor.id)\n\(key)\n\(kind)".utf8))
        return prefix + Hex.encode(digest.prefix(6))
    }

    /// Executes one command in the next group commit; it is durable when this returns.
    ///
    /// - Throws: `Refusal` or ``Problem``; the error middleware maps both.
    public func execute(_ command: Command, on edition: EditionID, by actor: Actor, request: Request) async throws -> Receipt {
        let receipt = try await committer.execute(
            LedgerWrite(LedgerCommand(command, on: edition, by: actor), idempotencyKey: try Self.ledgerKey(request, actor: actor)))
        count(receipt, ballots: command.isBallot ? 1 : 0)
        return receipt
    }

    /// Casts a ballot online in the next group commit; it is durable when this returns. A
    /// resident casts as their voting pseudonym, which the write transaction looks up, so that
    /// the ballot's id (when the client chose none) and its ledger key derive from the
    /// pseudonym as for any actor; any other actor casts as itself, for the core to judge.
    ///
    /// - Parameter chosen: The ballot's id as the client chose it, if it did.
    /// - Returns: The ballot's id and the receipt.
    /// - Throws: `Refusal` `not_registered` when the resident holds no voting pseudonym (not
    ///   registered, erased, or the edition is published), the core's refusals, or ``Problem``.
    public func castBallot(
        id chosen: String?, pool: PoolID, projects: [ProposalID], points: [Int64], as actor: Actor, on edition: EditionID,
        request: Request
    ) async throws -> (ballot: BallotID, receipt: Receipt) {
        let chosen = try chosen.map { try TextRules.id($0, "id") }
        let key = try Self.idempotencyKey(request)
        // Without a client's key the id is random: drawn here, not in the writer.
        let randomID = chosen == nil && key == nil ? Self.newID(kind: "b", key: nil, actor: actor) : nil
        let make: @Sendable (Actor) -> LedgerWrite = { voter in
            let id = chosen ?? randomID ?? Self.newID(kind: "b", key: key, actor: voter)
            let command = Command.castBallot(
                ballot: id, voter: voter.id, pool: pool, projects: projects, points: points, method: .internet)
            return LedgerWrite(LedgerCommand(command, on: edition, by: voter), idempotencyKey: Self.ledgerKey(key, actor: voter))
        }
        let (write, receipt) = try await committer.execute(actor.role == .resident ? .asVoter(actor.id, in: edition, make: make) : .write(make(actor)))
        count(receipt, ballots: 1)
        guard case .castBallot(let id, _, _, _, _, _) = write.commands[0].command else { preconditionFailure("a ballot's write casts it") }
        return (id, receipt)
    }

    /// Executes commands on one edition in the next group commit, all or nothing; they are
    /// durable when this returns.
    public func execute(batch: [LedgerCommand], actor: Actor, request: Request) async throws -> Receipt {
        let receipt = try await committer.execute(LedgerWrite(batch, idempotencyKey: try Self.ledgerKey(request, actor: actor)))
        count(receipt, ballots: batch.count { $0.command.isBallot })
        return receipt
    }

    /// Counts what a receipt appended.
    public func count(_ receipt: Receipt, ballots cast: Int) {
        appends.increment(by: Int(receipt.lastSequence - receipt.firstSequence + 1))
        if cast > 0 { ballots.increment(by: cast) }
    }

    /// An edition that exists.
    ///
    /// - Throws: `Refusal` `unknown_edition` (404).
    public func existing(_ edition: EditionID) throws -> EditionState {
        let state = try store.state(of: edition)
        guard state.exists else { throw Refusal(.unknownEdition, "no edition \(edition)") }
        return state
    }

    /// The actor a resident casts ballots as: their voting pseudonym, which only the ledger's
    /// erasable personal data links to their resident id. Any other actor is returned as it is,
    /// for the core to judge.
    ///
    /// - Throws: `Refusal` `not_registered` when the resident's data was erased or the edition
    ///   is published.
    public func voter(of actor: Actor, in edition: EditionID) throws -> Actor {
        guard actor.role == .resident else { return actor }
        return Actor(role: .voter, id: try pseudonym(ofResident: actor.id, in: edition))
    }

    /// The voting pseudonyms of the residents paper cards name, in their order, read in one
    /// transaction on a thread of its own: a batch of a thousand cards holds no thread of Swift's
    /// cooperative pool while it reads.
    ///
    /// - Returns: Each card's pseudonym, or the `not_registered` refusal ``pseudonym(ofResident:in:)`` gives.
    public func pseudonyms(ofResidents residents: [ResidentID], in edition: EditionID) async throws -> [Result<VoterID, Refusal>] {
        let store = store
        let found = try await withCheckedThrowingContinuation { continuation in
            Self.readers.async { continuation.resume(with: Result { try store.votingPseudonyms(of: residents, in: edition) }) }
        }
        return zip(residents, found).map { resident, pseudonym in
            pseudonym.map { .success($0) } ?? .failure(Self.notRegistered(resident, in: edition))
        }
    }

    /// Where the gateway's long reads run, beside the cooperative pool.
    private static let readers = DispatchQueue(label: "wiec.gateway.readers", attributes: .concurrent)

    /// The refusal for a resident who holds no voting pseudonym.
    private static func notRegistered(_ resident: ResidentID, in edition: EditionID) -> Refusal {
        Refusal(.notRegistered, "resident \(resident) holds no voting pseudonym in \(edition) (not registered, erased, or the edition is published)")
    }

    /// The voting pseudonym of a resident (the one casting online, or the one a paper ballot names).
    ///
    /// - Throws: `Refusal` `not_registered` when there is no such resident, their data was
    ///   erased, or the edition is published.
    public func pseudonym(ofResident resident: ResidentID, in edition: EditionID) throws -> VoterID {
        guard let pseudonym = try store.votingPseudonym(of: resident, in: edition) else { throw Self.notRegistered(resident, in: edition) }
        return pseudonym
    }
}

extension Command {
    /// Whether the command casts a ballot.
    public var isBallot: Bool {
        if case .castBallot = self { return true }
        return false
    }
}
