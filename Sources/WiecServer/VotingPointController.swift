import Foundation
import Hummingbird
import WiecCore
import WiecGateway
import WiecLedger

/// Voting points (punkty do głosowania) over the API, as the staff pages run them: an official
/// adds a point, enters paper batches from it (`POST …/paper-ballots` with `point`), and closes it
/// with its protocol; anyone reads the points with their counts and protocols.
struct VotingPointController: Sendable {
    let gateway: CommandGateway
    let auth: Authenticator
    let body: JSONBody

    var endpoints: RouteCollection<WiecRequestContext> {
        let routes = RouteCollection(context: WiecRequestContext.self)
        routes.get("editions/{edition}/voting-points", use: list)
        routes.post("editions/{edition}/voting-points", use: add)
        routes.post("editions/{edition}/voting-points/{point}/protocol", use: recordProtocol)
        return routes
    }

    struct NewVotingPoint: Codable {
        var id: String
        var name: String
        var address: String?
    }

    struct NewProtocol: Codable {
        var cardsReceived: Int
        var cardsIssued: Int

        enum CodingKeys: String, CodingKey { case cardsReceived = "cards_received", cardsIssued = "cards_issued" }
    }

    /// A point as the API shows it: the cards entered from it and, once recorded, its protocol.
    struct PointView: Codable {
        struct ProtocolView: Codable {
            var cardsReceived: Int
            var cardsIssued: Int
            var valid: Int
            var invalid: Int
            var official: String

            enum CodingKeys: String, CodingKey { case cardsReceived = "cards_received", cardsIssued = "cards_issued", valid, invalid, official }
        }

        var id: String
        var name: String
        var address: String
        var paperBallots: Int
        var invalidCards: Int
        var paperProtocol: ProtocolView?

        enum CodingKeys: String, CodingKey {
            case id, name, address, paperBallots = "paper_ballots", invalidCards = "invalid_cards", paperProtocol = "protocol"
        }

        init(_ point: VotingPointState) {
            id = point.point.id
            name = point.point.name
            address = point.point.address
            paperBallots = point.ballots.count
            invalidCards = point.invalidCards
            paperProtocol = point.paperProtocol.map {
                ProtocolView(cardsReceived: $0.cardsReceived, cardsIssued: $0.cardsIssued, valid: $0.valid, invalid: $0.invalid, official: $0.official)
            }
        }
    }

    struct Changed: Codable {
        var point: PointView
        var receipt: ReceiptView
    }

    @Sendable func list(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let state = try gateway.existing(try context.parameters.require("edition"))
        return try Reply.json(state.votingPointOrder.compactMap { state.votingPoints[$0] }.map(PointView.init))
    }

    @Sendable func add(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let edition = try context.parameters.require("edition")
        let (actor, _) = try auth.actor(request, on: edition, as: .official)
        let input = try await body.decode(NewVotingPoint.self, from: request)
        let point = VotingPoint(
            id: try TextRules.id(input.id, "id"), name: try TextRules.line(input.name, "name"),
            address: try TextRules.optionalLine(input.address, "address") ?? "")
        let receipt = try await gateway.execute(.addVotingPoint(point), on: edition, by: actor, request: request)
        return try changed(edition, point.id, receipt)
    }

    @Sendable func recordProtocol(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let edition = try context.parameters.require("edition")
        let (actor, _) = try auth.actor(request, on: edition, as: .official)
        let point = try context.parameters.require("point")
        let input = try await body.decode(NewProtocol.self, from: request)
        let command = Command.recordPaperProtocol(point: point, cardsReceived: input.cardsReceived, cardsIssued: input.cardsIssued)
        return try changed(edition, point, try await gateway.execute(command, on: edition, by: actor, request: request))
    }

    private func changed(_ edition: EditionID, _ point: VotingPointID, _ receipt: Receipt) throws -> Response {
        let state = try gateway.existing(edition)
        guard let stored = state.votingPoints[point] else { throw Refusal(.unknownVotingPoint, "no voting point \(point)") }
        return try Reply.json(Changed(point: PointView(stored), receipt: ReceiptView(receipt)), status: .created)
    }
}
