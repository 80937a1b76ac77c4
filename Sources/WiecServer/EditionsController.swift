import Foundation
import Hummingbird
import WiecCore
import WiecGateway
import WiecLedger

/// Editions, their pools, phases, workshops and initiatives.
struct EditionsController: Sendable {
    let gateway: CommandGateway
    let auth: Authenticator
    let body: JSONBody

    var endpoints: RouteCollection<WiecRequestContext> {
        let routes = RouteCollection(context: WiecRequestContext.self)
        routes.post("editions", use: create)
        routes.get("editions", use: list)
        routes.get("editions/{edition}", use: show)
        routes.post("editions/{edition}/pools", use: addPool)
        routes.post("editions/{edition}/phase", use: advance)
        routes.post("editions/{edition}/voter-age-limit", use: setVoterAgeLimit)
        routes.post("editions/{edition}/amendment-policy", use: setAmendmentPolicy)
        routes.post("editions/{edition}/timetable", use: setTimetable)
        routes.post("editions/{edition}/workshops", use: recordWorkshop)
        routes.post("editions/{edition}/initiatives", use: submitInitiative)
        return routes
    }

    struct NewEdition: Codable {
        var id: String
        var name: String
        /// When given, the edition is created with this minimum voter age in the same transaction.
        var minimumVoterAge: Int?
        /// When given, the edition is created with this amendment policy in the same transaction.
        var amendmentPolicy: AmendmentPolicy?

        enum CodingKeys: String, CodingKey {
            case id, name, minimumVoterAge = "minimum_voter_age", amendmentPolicy = "amendment_policy"
        }
    }

    /// What a change of a proposal under review does.
    struct AmendmentPolicyChange: Codable {
        var policy: AmendmentPolicy
    }

    /// The days the phases are planned to begin, `YYYY-MM-DD` each; a phase left out is not dated.
    struct TimetableChange: Codable {
        var submission: String?
        var review: String?
        var appeals: String?
        var voting: String?
        var closed: String?
        var published: String?

        /// The timetable, or a refusal naming a day the calendar does not have.
        func timetable() throws -> Timetable {
            let days: [(Phase, String?)] = [(.submission, submission), (.review, review), (.appeals, appeals), (.voting, voting), (.closed, closed), (.published, published)]
            var starts: [Phase: CalendarDay] = [:]
            for case let (phase, text?) in days {
                guard let day = CalendarDay(iso: text) else { throw Refusal(.invalidValue, "\(phase.rawValue): \(text) is not a day of the calendar") }
                starts[phase] = day
            }
            return Timetable(starts: starts)
        }
    }

    /// A new voter age limit; `null` removes it, and the field must be there either way.
    struct VoterAgeLimit: Codable {
        var minimumAge: Int?

        enum CodingKeys: String, CodingKey {
            case minimumAge = "minimum_age"
        }

        init(from decoder: any Decoder) throws {
            minimumAge = try decoder.container(keyedBy: CodingKeys.self).decode(Int?.self, forKey: .minimumAge)
        }
    }

    struct PhaseChange: Codable {
        var to: Phase
    }

    struct PhaseChanged: Codable {
        var edition: String
        var phase: Phase
        var receipt: ReceiptView
        var checkpoint: String?
    }

    struct NewWorkshop: Codable {
        var id: String?
        var theme: String
        var date: String
        var place: String
        var facilitator: String
        var participants: Int
    }

    struct NewInitiative: Codable {
        var id: String?
        var workshop: String?
        var title: String
        var description: String
    }

    struct Created: Codable {
        var id: String
        var receipt: ReceiptView
    }

    @Sendable func create(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let actor = try auth.creator(request)
        let input = try await body.decode(NewEdition.self, from: request)
        let id = try TextRules.id(input.id, "id")
        var commands = [Command.createEdition(name: try TextRules.line(input.name, "name"))]
        if let minimumAge = input.minimumVoterAge { commands.append(.setVoterAgeLimit(minimumAge: minimumAge)) }
        if let policy = input.amendmentPolicy { commands.append(.setAmendmentPolicy(policy)) }
        if commands.count > 1 {
            _ = try await gateway.execute(batch: commands.map { LedgerCommand($0, on: id, by: actor) }, actor: actor, request: request)
        } else {
            _ = try await gateway.execute(commands[0], on: id, by: actor, request: request)
        }
        return try Reply.json(EditionView(try gateway.existing(id)), status: .created)
    }

    @Sendable func setVoterAgeLimit(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let edition = try context.parameters.require("edition")
        let (actor, _) = try auth.actor(request, on: edition, as: .official)
        let input = try await body.decode(VoterAgeLimit.self, from: request)
        _ = try await gateway.execute(.setVoterAgeLimit(minimumAge: input.minimumAge), on: edition, by: actor, request: request)
        return try Reply.json(EditionView(try gateway.existing(edition)))
    }

    @Sendable func setAmendmentPolicy(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let edition = try context.parameters.require("edition")
        let (actor, _) = try auth.actor(request, on: edition, as: .official)
        let input = try await body.decode(AmendmentPolicyChange.self, from: request)
        _ = try await gateway.execute(.setAmendmentPolicy(input.policy), on: edition, by: actor, request: request)
        return try Reply.json(EditionView(try gateway.existing(edition)))
    }

    @Sendable func setTimetable(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let edition = try context.parameters.require("edition")
        let (actor, _) = try auth.actor(request, on: edition, as: .official)
        let input = try await body.decode(TimetableChange.self, from: request)
        _ = try await gateway.execute(.setTimetable(try input.timetable()), on: edition, by: actor, request: request)
        return try Reply.json(EditionView(try gateway.existing(edition)))
    }

    @Sendable func list(_ request: Request, context: WiecRequestContext) async throws -> Response {
        try Reply.json(try gateway.store.editions().map { EditionView(try gateway.store.state(of: $0)) })
    }

    @Sendable func show(_ request: Request, context: WiecRequestContext) async throws -> Response {
        try Reply.json(EditionView(try gateway.existing(try context.parameters.require("edition"))))
    }

    @Sendable func addPool(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let edition = try context.parameters.require("edition")
        let (actor, _) = try auth.actor(request, on: edition, as: .official)
        let input = try await body.decode(PoolView.self, from: request)
        // `ballots` is what the answer reports, never part of a new pool.
        guard input.ballots == nil else { throw Problem.unknownField("ballots") }
        let pool = try input.config()
        _ = try await gateway.execute(.addPool(pool), on: edition, by: actor, request: request)
        return try Reply.json(PoolView(pool, ballots: nil), status: .created)
    }

    @Sendable func advance(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let edition = try context.parameters.require("edition")
        let (actor, _) = try auth.actor(request, on: edition, as: .official)
        let input = try await body.decode(PhaseChange.self, from: request)
        let receipt = try await gateway.execute(.advancePhase(to: input.to), on: edition, by: actor, request: request)
        let checkpoint = try gateway.store.checkpoints().last
        return try Reply.json(PhaseChanged(edition: edition, phase: input.to, receipt: ReceiptView(receipt), checkpoint: checkpoint))
    }

    @Sendable func recordWorkshop(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let edition = try context.parameters.require("edition")
        let (actor, _) = try auth.actor(request, on: edition, as: .official)
        let input = try await body.decode(NewWorkshop.self, from: request)
        guard let day = CalendarDay(iso: input.date) else {
            throw Refusal(.invalidValue, "date: \(input.date) is not a day of the calendar (YYYY-MM-DD)")
        }
        let workshop = Workshop(
            id: try CommandGateway.newID(input.id, kind: "w", request: request, actor: actor),
            theme: try TextRules.line(input.theme, "theme"), date: day, place: try TextRules.line(input.place, "place"),
            facilitator: try TextRules.line(input.facilitator, "facilitator"), participants: input.participants)
        let receipt = try await gateway.execute(.recordWorkshop(workshop), on: edition, by: actor, request: request)
        return try Reply.json(Created(id: workshop.id, receipt: ReceiptView(receipt)), status: .created)
    }

    @Sendable func submitInitiative(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let edition = try context.parameters.require("edition")
        let (actor, _) = try auth.actor(request, on: edition, as: .resident)
        let input = try await body.decode(NewInitiative.self, from: request)
        let id = try CommandGateway.newID(input.id, kind: "i", request: request, actor: actor)
        let command = Command.submitInitiative(
            id: id, workshop: input.workshop, title: try TextRules.line(input.title, "title"),
            description: try TextRules.paragraph(input.description, "description"))
        let receipt = try await gateway.execute(command, on: edition, by: actor, request: request)
        return try Reply.json(Created(id: id, receipt: ReceiptView(receipt)), status: .created)
    }
}
