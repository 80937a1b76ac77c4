import Foundation
import HTTPTypes
import Hummingbird
import WiecCore
import WiecGateway
import WiecLedger

/// Village funds (fundusz sołecki): an edition kind of its own, through the same gateway and log.
struct VillageFundController: Sendable {
    let gateway: CommandGateway
    let auth: Authenticator
    let body: JSONBody

    var endpoints: RouteCollection<WiecRequestContext> {
        let routes = RouteCollection(context: WiecRequestContext.self)
        routes.post("village-funds", use: open)
        routes.get("village-funds/{fund}", use: show)
        routes.post("village-funds/{fund}/resolution", use: resolution)
        routes.post("village-funds/{fund}/amounts", use: amounts)
        routes.post("village-funds/{fund}/assemblies", use: assembly)
        routes.post("village-funds/{fund}/applications", use: application)
        routes.post("village-funds/{fund}/applications/{application}/decision", use: decision)
        routes.post("village-funds/{fund}/applications/{application}/referral", use: referral)
        routes.post("village-funds/{fund}/applications/{application}/council-decision", use: councilDecision)
        routes.post("village-funds/{fund}/applications/{application}/execution", use: execution)
        return routes
    }

    struct NewFund: Codable {
        var id: String
        var name: String
        var budgetYear: Int
        var rounding: VillageFundRounding?

        enum CodingKeys: String, CodingKey { case id, name, budgetYear = "budget_year", rounding }
    }

    struct NewResolution: Codable {
        var number: String
        var adoptedOn: CalendarDay
        var consents: Bool

        enum CodingKeys: String, CodingKey { case number, adoptedOn = "adopted_on", consents }
    }

    struct NewAmounts: Codable {
        struct Row: Codable {
            var solectwo: String
            var residents: Int64
            var addition: Amount?
            var additionBasis: String?

            enum CodingKeys: String, CodingKey { case solectwo, residents, addition, additionBasis = "addition_basis" }
        }

        var revenue: Amount
        var residents: Int64
        var solectwa: [Row]
        var announcedOn: CalendarDay

        enum CodingKeys: String, CodingKey { case revenue, residents, solectwa, announcedOn = "announced_on" }
    }

    struct NewAssembly: Codable {
        struct Project: Codable {
            var id: String
            var title: String
            var costEstimate: Amount
            var justification: String
            var votes: AssemblyVotes

            enum CodingKeys: String, CodingKey { case id, title, costEstimate = "cost_estimate", justification, votes }
        }

        var id: String
        var solectwo: String
        var convener: String
        var initiators: Int?
        var heldOn: CalendarDay
        var attendance: Int
        var projects: [Project]

        enum CodingKeys: String, CodingKey { case id, solectwo, convener, initiators, heldOn = "held_on", attendance, projects }
    }

    struct NewApplication: Codable {
        var id: String
        var solectwo: String
        var assembly: String
        var projects: [String]
        var submittedOn: CalendarDay
        var replaces: String?

        enum CodingKeys: String, CodingKey { case id, solectwo, assembly, projects, submittedOn = "submitted_on", replaces }
    }

    struct Decision: Codable {
        var accepted: Bool
        var reasons: String?
        var decidedOn: CalendarDay

        enum CodingKeys: String, CodingKey { case accepted, reasons, decidedOn = "decided_on" }
    }

    struct Referral: Codable {
        var referredOn: CalendarDay

        enum CodingKeys: String, CodingKey { case referredOn = "referred_on" }
    }

    struct CouncilDecision: Codable {
        var resolution: String
        var accepted: Bool
        var reasons: String
        var decidedOn: CalendarDay

        enum CodingKeys: String, CodingKey { case resolution, accepted, reasons, decidedOn = "decided_on" }
    }

    struct Execution: Codable {
        var project: String
        var on: CalendarDay
        var spent: Amount
        var completed: Bool
        var note: String
    }

    /// The fund and the receipt of the step just recorded.
    struct Changed: Codable {
        var receipt: ReceiptView
        var resource: VillageFundView
    }

    @Sendable func open(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let actor = try auth.creator(request)
        let input = try await body.decode(NewFund.self, from: request)
        let id = try TextRules.id(input.id, "id")
        let rules = VillageFundRules.statutory(budgetYear: input.budgetYear, rounding: input.rounding ?? .grosz)
        let receipt = try await gateway.execute(
            .villageFund(.open(name: try TextRules.line(input.name, "name"), rules: rules)), on: id, by: actor, request: request)
        return try changed(id, receipt, status: .created)
    }

    @Sendable func show(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let id = try context.parameters.require("fund")
        let (state, fund) = try existing(id)
        return try Reply.json(VillageFundView(state, fund))
    }

    @Sendable func resolution(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let (id, actor) = try target(request, context, as: .official)
        let input = try await body.decode(NewResolution.self, from: request)
        let command = VillageFundCommand.recordResolution(
            number: try TextRules.line(input.number, "number"), adoptedOn: input.adoptedOn, consents: input.consents)
        return try changed(id, try await gateway.execute(.villageFund(command), on: id, by: actor, request: request))
    }

    @Sendable func amounts(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let (id, actor) = try target(request, context, as: .official)
        let input = try await body.decode(NewAmounts.self, from: request)
        guard input.solectwa.count <= 1_000 else { throw Problem.invalidText("at most 1000 sołectwa") }
        let rows = try input.solectwa.enumerated().map { index, row in
            SolectwoInput(
                solectwo: try TextRules.line(row.solectwo, "solectwa[\(index)].solectwo"), residents: row.residents,
                addition: row.addition?.money ?? .zero,
                additionBasis: try TextRules.optionalLine(row.additionBasis, "solectwa[\(index)].addition_basis"))
        }
        let command = VillageFundCommand.announceAmounts(
            revenue: input.revenue.money, residents: input.residents, solectwa: rows, announcedOn: input.announcedOn)
        return try changed(id, try await gateway.execute(.villageFund(command), on: id, by: actor, request: request))
    }

    @Sendable func assembly(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let (id, actor) = try target(request, context, as: .reviewer)
        let input = try await body.decode(NewAssembly.self, from: request)
        let convener: AssemblyConvener
        switch (input.convener, input.initiators) {
        case ("soltys", nil): convener = .soltys
        case ("rada_solecka", nil): convener = .radaSolecka
        case ("residents", let count?): convener = .residents(count: count)
        default:
            throw Problem.invalidText("convener is soltys, rada_solecka, or residents with initiators (their number); initiators go with residents only")
        }
        guard input.projects.count <= 100 else { throw Problem.invalidText("an assembly's minutes list at most 100 projects") }
        let projects = try input.projects.enumerated().map { index, project in
            AssemblyProject(
                id: try TextRules.id(project.id, "projects[\(index)].id"), title: try TextRules.line(project.title, "projects[\(index)].title"),
                costEstimate: project.costEstimate.money,
                justification: try TextRules.paragraph(project.justification, "projects[\(index)].justification", allowEmpty: false),
                votes: project.votes)
        }
        let assembly = VillageAssembly(
            id: try TextRules.id(input.id, "id"), solectwo: try TextRules.line(input.solectwo, "solectwo"), convener: convener,
            heldOn: input.heldOn, attendance: input.attendance, projects: projects)
        return try changed(id, try await gateway.execute(.villageFund(.recordAssembly(assembly)), on: id, by: actor, request: request), status: .created)
    }

    @Sendable func application(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let (id, actor) = try target(request, context, as: .reviewer)
        let input = try await body.decode(NewApplication.self, from: request)
        guard input.projects.count <= 100 else { throw Problem.invalidText("an application names at most 100 projects") }
        let command = VillageFundCommand.submitApplication(
            id: try TextRules.id(input.id, "id"), solectwo: try TextRules.line(input.solectwo, "solectwo"),
            assembly: try TextRules.id(input.assembly, "assembly"), projects: input.projects, submittedOn: input.submittedOn,
            replaces: input.replaces)
        return try changed(id, try await gateway.execute(.villageFund(command), on: id, by: actor, request: request), status: .created)
    }

    @Sendable func decision(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let (id, actor) = try target(request, context, as: .official)
        let application = try context.parameters.require("application")
        let input = try await body.decode(Decision.self, from: request)
        let command: VillageFundCommand =
            input.accepted
            ? .acceptApplication(application: application, decidedOn: input.decidedOn)
            : .rejectApplication(
                application: application, reasons: try TextRules.paragraph(input.reasons ?? "", "reasons", allowEmpty: false),
                decidedOn: input.decidedOn)
        return try changed(id, try await gateway.execute(.villageFund(command), on: id, by: actor, request: request))
    }

    @Sendable func referral(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let (id, actor) = try target(request, context, as: .reviewer)
        let application = try context.parameters.require("application")
        let input = try await body.decode(Referral.self, from: request)
        let command = VillageFundCommand.referToCouncil(application: application, referredOn: input.referredOn)
        return try changed(id, try await gateway.execute(.villageFund(command), on: id, by: actor, request: request))
    }

    @Sendable func councilDecision(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let (id, actor) = try target(request, context, as: .official)
        let application = try context.parameters.require("application")
        let input = try await body.decode(CouncilDecision.self, from: request)
        let command = VillageFundCommand.recordCouncilDecision(
            application: application, resolution: try TextRules.line(input.resolution, "resolution"), accepted: input.accepted,
            reasons: try TextRules.paragraph(input.reasons, "reasons", allowEmpty: false), decidedOn: input.decidedOn)
        return try changed(id, try await gateway.execute(.villageFund(command), on: id, by: actor, request: request))
    }

    @Sendable func execution(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let (id, actor) = try target(request, context, as: .official)
        let application = try context.parameters.require("application")
        let input = try await body.decode(Execution.self, from: request)
        let command = VillageFundCommand.recordExecution(
            application: application, project: try TextRules.id(input.project, "project"), on: input.on, spent: input.spent.money,
            completed: input.completed, note: try TextRules.paragraph(input.note, "note", allowEmpty: false))
        return try changed(id, try await gateway.execute(.villageFund(command), on: id, by: actor, request: request), status: .created)
    }

    private func target(_ request: Request, _ context: WiecRequestContext, as acting: Authenticator.Acting) throws -> (EditionID, Actor) {
        let id = try context.parameters.require("fund")
        return (id, try auth.actor(request, on: id, as: acting).0)
    }

    /// A fund that exists.
    ///
    /// - Throws: `Refusal` `unknown_edition` (404), or `wrong_edition_kind` (409) for a civic budget.
    private func existing(_ id: EditionID) throws -> (EditionState, VillageFundState) {
        let state = try gateway.existing(id)
        guard let fund = state.villageFund else { throw Refusal(.wrongEditionKind, "\(id) is a civic budget, not a village fund") }
        return (state, fund)
    }

    private func changed(_ id: EditionID, _ receipt: Receipt, status: HTTPResponse.Status = .ok) throws -> Response {
        let (state, fund) = try existing(id)
        return try Reply.json(Changed(receipt: ReceiptView(receipt), resource: VillageFundView(state, fund)), status: status)
    }
}
