import Foundation
import Hummingbird
import WiecCore
import WiecGateway
import WiecLedger

/// Voter registration, online ballots and paper ballots entered by staff.
struct VotingController: Sendable {
    let gateway: CommandGateway
    let auth: Authenticator
    let body: JSONBody
    let registrations: RateLimiter
    let ballotLimit: RateLimiter

    var endpoints: RouteCollection<WiecRequestContext> {
        let routes = RouteCollection(context: WiecRequestContext.self)
        routes.post("editions/{edition}/voters", use: register)
        routes.post("editions/{edition}/ballots", use: cast)
        routes.post("editions/{edition}/paper-ballots", use: castPaper)
        return routes
    }

    struct Registration: Codable {
        var name: String
        var pesel: String
        var contact: String?
    }

    struct Registered: Codable {
        var edition: String
        /// The id of the resident's public acts; their ballots carry a voting pseudonym that is never shown.
        var residentID: String
        var token: String
        var receipt: ReceiptView

        enum CodingKeys: String, CodingKey {
            case edition, residentID = "resident_id", token, receipt
        }

        /// The reply as ``Reply/json(_:status:)`` encodes it, written directly: it is sent for every registration.
        func json() -> [UInt8] {
            var json = JSONObjectWriter(capacity: 512)
            json.string("edition", edition)
            json.json("receipt", receipt.json())
            json.string("resident_id", residentID)
            json.string("token", token)
            return json.finish()
        }
    }

    struct NewBallot: Codable {
        var id: String?
        var pool: String
        var projects: [String]
        var points: [Int64]?
    }

    struct Cast: Codable {
        var ballot: String
        var pool: String
        var receipt: ReceiptView

        /// The reply as ``Reply/json(_:status:)`` encodes it, written directly: it is sent for every ballot.
        func json() -> [UInt8] {
            var json = JSONObjectWriter(capacity: 400)
            json.string("ballot", ballot)
            json.string("pool", pool)
            json.json("receipt", receipt.json())
            return json.finish()
        }
    }

    struct PaperBatch: Codable {
        var ballots: [PaperBallot]
        /// The voting point the cards come from; its batch record is appended with them.
        var point: String?
        /// Cards found invalid at the point, counted in its batch record (with `point` only).
        var invalidCards: Int?

        enum CodingKeys: String, CodingKey { case ballots, point, invalidCards = "invalid_cards" }
    }

    struct PaperBallot: Codable {
        var id: String?
        /// The resident id the voter was registered with; the ledger turns it into their voting pseudonym.
        var resident: String
        var pool: String
        var projects: [String]
        var points: [Int64]?
    }

    struct PaperCast: Codable {
        var ballots: [String]
        var receipt: ReceiptView
    }

    /// The most ballots one paper batch may hold.
    static let maxPaperBatch = 1_000

    @Sendable func register(_ request: Request, context: WiecRequestContext) async throws -> Response {
        try registrations.take(context.clientAddress)
        let edition = try context.parameters.require("edition")
        let input = try await body.decode(Registration.self, from: request)
        let person = PersonalData(
            pesel: try Pesel(input.pesel), name: try TextRules.line(input.name, "name"),
            contact: try TextRules.optionalLine(input.contact, "contact"))
        _ = try gateway.existing(edition)
        // Without a client's key the resident id is made from a random one, which nobody can send
        // again: nothing is remembered under it.
        let clientKey = try CommandGateway.idempotencyKey(request)
        let resident = auth.access.residentID(edition: edition, idempotencyKey: clientKey ?? UUID().uuidString)
        let receipt = try await gateway.register(
            person, as: resident, on: edition, by: CommandGateway.registrationDesk, ledgerKey: clientKey.map { "http:registration:\(edition):\($0)" })
        let token = auth.access.residentToken(edition: edition, resident: resident)
        return Reply.json(bytes: Registered(edition: edition, residentID: resident, token: token, receipt: ReceiptView(receipt)).json(), status: .created)
    }

    @Sendable func cast(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let edition = try context.parameters.require("edition")
        let (actor, _) = try auth.actor(request, on: edition, as: .resident)
        try ballotLimit.take("\(actor.role.rawValue):\(actor.id)")
        let input = try await body.decode(NewBallot.self, from: request)
        let (id, receipt) = try await gateway.castBallot(
            id: input.id, pool: input.pool, projects: input.projects, points: input.points ?? [], as: actor, on: edition, request: request)
        let leaf = try receipt.lastLeafHash ?? Hex.encode(gateway.store.leafHash(of: receipt.lastSequence))
        return Reply.json(bytes: Cast(ballot: id, pool: input.pool, receipt: ReceiptView(receipt, leafHash: leaf)).json(), status: .created)
    }

    /// Paper ballots in bulk, all or nothing; with `point`, closed by that voting point's batch
    /// record, as the staff pages enter them.
    @Sendable func castPaper(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let edition = try context.parameters.require("edition")
        let (actor, _) = try auth.actor(request, on: edition, as: .official)
        let input = try await body.decode(PaperBatch.self, from: request)
        guard !input.ballots.isEmpty, input.ballots.count <= Self.maxPaperBatch else {
            throw Problem(Refusal(.invalidValue, "a batch holds 1 to \(Self.maxPaperBatch) paper ballots"))
        }
        var ids: [String] = []
        var batch: [LedgerCommand] = []
        let voters = try await gateway.pseudonyms(ofResidents: input.ballots.map { try TextRules.id($0.resident, "resident") }, in: edition)
        for (index, (ballot, voter)) in zip(input.ballots, voters).enumerated() {
            let id = try CommandGateway.newID(ballot.id, kind: "b~\(index)", request: request, actor: actor)
            ids.append(id)
            batch.append(LedgerCommand(
                .castBallot(
                    ballot: id, voter: try voter.get(), pool: ballot.pool, projects: ballot.projects,
                    points: ballot.points ?? [], method: .paper),
                on: edition, by: actor))
        }
        if let point = input.point {
            batch.append(LedgerCommand(.enterPaperBatch(point: point, ballots: ids, invalidCards: input.invalidCards ?? 0), on: edition, by: actor))
        } else if input.invalidCards != nil {
            throw Problem(Refusal(.invalidValue, "invalid_cards are counted at a voting point: give point"))
        }
        let receipt = try await gateway.execute(batch: batch, actor: actor, request: request)
        return try Reply.json(PaperCast(ballots: ids, receipt: ReceiptView(receipt)), status: .created)
    }
}
