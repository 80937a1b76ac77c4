import Foundation
import HTTPTypes
import Hummingbird
import WiecCore
import WiecGateway
import WiecLedger

/// Local initiatives (inicjatywa lokalna) of an edition: the council's criteria, applications,
/// scores, the ranking, decisions, agreements and progress.
struct LocalInitiativeController: Sendable {
    let gateway: CommandGateway
    let auth: Authenticator
    let body: JSONBody

    var endpoints: RouteCollection<WiecRequestContext> {
        let routes = RouteCollection(context: WiecRequestContext.self)
        routes.get("editions/{edition}/local-initiatives", use: show)
        routes.post("editions/{edition}/local-initiatives/criteria", use: criteria)
        routes.post("editions/{edition}/local-initiatives", use: submit)
        routes.post("editions/{edition}/local-initiatives/{application}/scores", use: score)
        routes.post("editions/{edition}/local-initiatives/{application}/decision", use: decide)
        routes.post("editions/{edition}/local-initiatives/{application}/agreement", use: agreement)
        routes.post("editions/{edition}/local-initiatives/{application}/progress", use: progress)
        return routes
    }

    struct NewCriteria: Codable {
        var resolution: String
        var adoptedOn: CalendarDay
        var criteria: [LocalInitiativeView.Criterion]
        var tieBreak: LocalInitiativeTieBreak

        enum CodingKeys: String, CodingKey { case resolution, adoptedOn = "adopted_on", criteria, tieBreak = "tie_break" }
    }

    struct NewApplication: Codable {
        var id: String
        var organisation: String?
        var title: String
        var description: String
        var initiative: String?
        var contribution: LocalInitiativeView.ContributionView
        var requestedFromGmina: Amount
        var submittedOn: CalendarDay

        enum CodingKeys: String, CodingKey {
            case id, organisation, title, description, initiative, contribution, requestedFromGmina = "requested_from_gmina"
            case submittedOn = "submitted_on"
        }
    }

    struct NewScore: Codable {
        var criterion: String
        var points: Int64
        var justification: String
    }

    struct Decision: Codable {
        var approved: Bool
        var justification: String
        var decidedOn: CalendarDay

        enum CodingKeys: String, CodingKey { case approved, justification, decidedOn = "decided_on" }
    }

    struct NewAgreement: Codable {
        var number: String
        var signedOn: CalendarDay
        var endsOn: CalendarDay
        var gminaShare: Amount
        var contribution: LocalInitiativeView.ContributionView

        enum CodingKeys: String, CodingKey { case number, signedOn = "signed_on", endsOn = "ends_on", gminaShare = "gmina_share", contribution }
    }

    struct NewProgress: Codable {
        var on: CalendarDay
        var note: String
        var contributionGiven: LocalInitiativeView.ContributionView
        var completed: Bool

        enum CodingKeys: String, CodingKey { case on, note, contributionGiven = "contribution_given", completed }
    }

    /// The ranking and the receipt of the step just recorded.
    struct Changed: Codable {
        var receipt: ReceiptView
        var resource: LocalInitiativeView
    }

    @Sendable func show(_ request: Request, context: WiecRequestContext) async throws -> Response {
        try Reply.json(LocalInitiativeView(try gateway.existing(try context.parameters.require("edition"))))
    }

    @Sendable func criteria(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let edition = try context.parameters.require("edition")
        let (actor, _) = try auth.actor(request, on: edition, as: .official)
        let input = try await body.decode(NewCriteria.self, from: request)
        guard input.criteria.count <= 50 else { throw Problem.invalidText("at most 50 criteria") }
        let criteria = try input.criteria.enumerated().map { index, criterion in
            AssessmentCriterion(
                id: try TextRules.id(criterion.id, "criteria[\(index)].id"), name: try TextRules.line(criterion.name, "criteria[\(index)].name"),
                weight: criterion.weight, maxPoints: criterion.maxPoints, measuresContribution: criterion.measuresContribution)
        }
        let rules = LocalInitiativeRules(
            resolution: try TextRules.line(input.resolution, "resolution"), adoptedOn: input.adoptedOn, criteria: criteria,
            tieBreak: input.tieBreak)
        return try changed(edition, try await gateway.execute(.localInitiative(.adoptCriteria(rules)), on: edition, by: actor, request: request), status: .created)
    }

    @Sendable func submit(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let edition = try context.parameters.require("edition")
        let (actor, _) = try auth.actor(request, on: edition, as: .resident)
        let input = try await body.decode(NewApplication.self, from: request)
        let command = LocalInitiativeCommand.submitApplication(
            id: try TextRules.id(input.id, "id"),
            applicant: try input.organisation.map { .organisation(name: try TextRules.line($0, "organisation")) } ?? .residents,
            title: try TextRules.line(input.title, "title"), description: try TextRules.paragraph(input.description, "description"),
            initiative: input.initiative, contribution: input.contribution.contribution, requestedFromGmina: input.requestedFromGmina.money,
            submittedOn: input.submittedOn)
        return try changed(edition, try await gateway.execute(.localInitiative(command), on: edition, by: actor, request: request), status: .created)
    }

    @Sendable func score(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let edition = try context.parameters.require("edition")
        let application = try context.parameters.require("application")
        let (actor, _) = try auth.actor(request, on: edition, as: .reviewer)
        let input = try await body.decode(NewScore.self, from: request)
        let command = LocalInitiativeCommand.scoreApplication(
            application: application, criterion: input.criterion, points: input.points,
            justification: try TextRules.paragraph(input.justification, "justification", allowEmpty: false))
        return try changed(edition, try await gateway.execute(.localInitiative(command), on: edition, by: actor, request: request), status: .created)
    }

    @Sendable func decide(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let edition = try context.parameters.require("edition")
        let application = try context.parameters.require("application")
        let (actor, _) = try auth.actor(request, on: edition, as: .official)
        let input = try await body.decode(Decision.self, from: request)
        let command = LocalInitiativeCommand.decideApplication(
            application: application, approved: input.approved,
            justification: try TextRules.paragraph(input.justification, "justification", allowEmpty: false), decidedOn: input.decidedOn)
        return try changed(edition, try await gateway.execute(.localInitiative(command), on: edition, by: actor, request: request))
    }

    @Sendable func agreement(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let edition = try context.parameters.require("edition")
        let application = try context.parameters.require("application")
        let (actor, _) = try auth.actor(request, on: edition, as: .official)
        let input = try await body.decode(NewAgreement.self, from: request)
        let command = LocalInitiativeCommand.signAgreement(
            application: application, number: try TextRules.line(input.number, "number"), signedOn: input.signedOn, endsOn: input.endsOn,
            gminaShare: input.gminaShare.money, contribution: input.contribution.contribution)
        return try changed(edition, try await gateway.execute(.localInitiative(command), on: edition, by: actor, request: request), status: .created)
    }

    @Sendable func progress(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let edition = try context.parameters.require("edition")
        let application = try context.parameters.require("application")
        let (actor, _) = try auth.actor(request, on: edition, as: .official)
        let input = try await body.decode(NewProgress.self, from: request)
        let command = LocalInitiativeCommand.recordProgress(
            application: application, on: input.on, note: try TextRules.paragraph(input.note, "note", allowEmpty: false),
            contributionGiven: input.contributionGiven.contribution, completed: input.completed)
        return try changed(edition, try await gateway.execute(.localInitiative(command), on: edition, by: actor, request: request), status: .created)
    }

    private func changed(_ edition: EditionID, _ receipt: Receipt, status: HTTPResponse.Status = .ok) throws -> Response {
        try Reply.json(Changed(receipt: ReceiptView(receipt), resource: LocalInitiativeView(try gateway.existing(edition))), status: status)
    }
}
