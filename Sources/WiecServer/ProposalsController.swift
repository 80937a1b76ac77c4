import Foundation
import Hummingbird
import WiecCore
import WiecGateway
import WiecLedger

/// Proposals: submission, amendments, support lists, reviews, appeals and their decisions.
///
/// Proposal and appeal ids are unique within their edition, so every route names the edition:
/// an id resolves to exactly one proposal or appeal, never to a namesake in another edition.
struct ProposalsController: Sendable {
    let gateway: CommandGateway
    let auth: Authenticator
    let body: JSONBody

    var endpoints: RouteCollection<WiecRequestContext> {
        let routes = RouteCollection(context: WiecRequestContext.self)
        routes.post("editions/{edition}/proposals", use: submit)
        routes.get("editions/{edition}/proposals", use: list)
        routes.get("editions/{edition}/proposals/{id}", use: show)
        routes.patch("editions/{edition}/proposals/{id}", use: amend)
        routes.post("editions/{edition}/proposals/{id}/support", use: support)
        routes.post("editions/{edition}/proposals/{id}/reviews", use: review)
        routes.post("editions/{edition}/proposals/{id}/appeals", use: appeal)
        routes.post("editions/{edition}/appeals/{id}/decision", use: decide)
        return routes
    }

    struct NewProposal: Codable {
        var id: String?
        var pool: String
        var title: String
        var description: String
        var category: String?
        var location: String?
        var costEstimate: Amount
        var initiative: String?

        enum CodingKeys: String, CodingKey {
            case id, pool, title, description, category, location, costEstimate = "cost_estimate", initiative
        }
    }

    struct Amendment: Codable {
        var title: String?
        var description: String?
        var costEstimate: Amount?

        enum CodingKeys: String, CodingKey {
            case title, description, costEstimate = "cost_estimate"
        }
    }

    struct Signature: Codable {
        /// The signer's id, for an official entering a paper support list; a resident signs for themselves.
        var signer: String?
    }

    struct NewReview: Codable {
        var stage: ReviewStage
        var outcome: ReviewOutcome
        var justification: String
        var reviewedCost: Amount?

        enum CodingKeys: String, CodingKey {
            case stage, outcome, justification, reviewedCost = "reviewed_cost"
        }
    }

    struct NewAppeal: Codable {
        var id: String?
        var stage: ReviewStage
        var grounds: String
    }

    struct Decision: Codable {
        var upheld: Bool
        var justification: String
        var reviewedCost: Amount?

        enum CodingKeys: String, CodingKey {
            case upheld, justification, reviewedCost = "reviewed_cost"
        }
    }

    struct Changed<Subject: Codable>: Codable {
        var receipt: ReceiptView
        var subject: Subject

        enum CodingKeys: String, CodingKey {
            case receipt
            case subject = "resource"
        }
    }

    @Sendable func submit(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let edition = try context.parameters.require("edition")
        let (actor, _) = try auth.actor(request, on: edition, as: .resident)
        let input = try await body.decode(NewProposal.self, from: request)
        let id = try CommandGateway.newID(input.id, kind: "p", request: request, actor: actor)
        let command = Command.submitProposal(
            id: id, pool: input.pool, title: try TextRules.line(input.title, "title"),
            description: try TextRules.paragraph(input.description, "description"),
            category: try TextRules.optionalLine(input.category, "category", max: 80),
            location: try TextRules.optionalLine(input.location, "location"), costEstimate: input.costEstimate.money,
            initiative: input.initiative)
        let receipt = try await gateway.execute(command, on: edition, by: actor, request: request)
        return try changed(id, receipt, status: .created)
    }

    @Sendable func list(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let state = try gateway.existing(try context.parameters.require("edition"))
        let query = request.uri.queryParameters
        let pool = query["pool"].map(String.init)
        let category = query["category"].map(String.init)
        let status = query["status"].map(String.init)
        var views: [ProposalView] = []
        for poolID in state.poolOrder where pool == nil || poolID == pool {
            for id in state.pools[poolID]?.proposals ?? [] {
                guard let proposal = state.proposals[id], category == nil || proposal.category == category else { continue }
                let view = ProposalView(proposal, in: state)
                if status == nil || view.status == status { views.append(view) }
            }
        }
        return try Reply.json(views)
    }

    @Sendable func show(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let state = try gateway.existing(try context.parameters.require("edition"))
        let id = try context.parameters.require("id")
        guard let proposal = state.proposals[id] else { throw Refusal(.unknownProposal, "edition \(state.id) has no proposal \(id)") }
        return try Reply.json(ProposalView(proposal, in: state))
    }

    @Sendable func amend(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let (edition, id) = try Self.target(context)
        let (actor, _) = try auth.actor(request, on: edition, as: .resident)
        let input = try await body.decode(Amendment.self, from: request)
        let command = Command.amendProposal(
            proposal: id, title: try TextRules.optionalLine(input.title, "title"),
            description: try input.description.map { try TextRules.paragraph($0, "description") }, costEstimate: input.costEstimate?.money)
        return try changed(id, try await gateway.execute(command, on: edition, by: actor, request: request))
    }

    @Sendable func support(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let (edition, id) = try Self.target(context)
        let (actor, _) = try auth.actor(request, on: edition, as: .resident)
        let input = try await body.decode(Signature.self, from: request, ifEmpty: Signature(signer: nil))
        let signer: String
        switch (actor.role, input.signer) {
        case (.resident, let named): signer = named ?? actor.id
        case (_, let named?): signer = try TextRules.id(named, "signer")
        case (_, nil): throw Refusal(.invalidValue, "an official entering a paper support list names the signer")
        }
        let receipt = try await gateway.execute(.signSupport(proposal: id, signer: signer), on: edition, by: actor, request: request)
        return try changed(id, receipt, status: .created)
    }

    @Sendable func review(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let (edition, id) = try Self.target(context)
        let (actor, _) = try auth.actor(request, on: edition, as: .reviewer)
        let input = try await body.decode(NewReview.self, from: request)
        let command = Command.reviewProposal(
            proposal: id, stage: input.stage, outcome: input.outcome,
            justification: try TextRules.paragraph(input.justification, "justification", allowEmpty: false),
            reviewedCost: input.reviewedCost?.money)
        return try changed(id, try await gateway.execute(command, on: edition, by: actor, request: request), status: .created)
    }

    @Sendable func appeal(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let (edition, id) = try Self.target(context)
        let (actor, _) = try auth.actor(request, on: edition, as: .resident)
        let input = try await body.decode(NewAppeal.self, from: request)
        let appeal = try CommandGateway.newID(input.id, kind: "a", request: request, actor: actor)
        let command = Command.fileAppeal(
            appeal: appeal, proposal: id, stage: input.stage,
            grounds: try TextRules.paragraph(input.grounds, "grounds", allowEmpty: false))
        let receipt = try await gateway.execute(command, on: edition, by: actor, request: request)
        let updated = try gateway.existing(edition)
        return try Reply.json(Changed(receipt: ReceiptView(receipt), subject: AppealView(updated.appeals[appeal]!)), status: .created)
    }

    @Sendable func decide(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let (edition, id) = try Self.target(context)
        let (actor, _) = try auth.actor(request, on: edition, as: .appealsTeam)
        let input = try await body.decode(Decision.self, from: request)
        let command = Command.decideAppeal(
            appeal: id, upheld: input.upheld,
            justification: try TextRules.paragraph(input.justification, "justification", allowEmpty: false),
            reviewedCost: input.reviewedCost?.money)
        let receipt = try await gateway.execute(command, on: edition, by: actor, request: request)
        let updated = try gateway.existing(edition)
        return try Reply.json(Changed(receipt: ReceiptView(receipt), subject: AppealView(updated.appeals[id]!)))
    }

    /// The edition and the proposal or appeal id a route names; the core refuses an id the
    /// edition does not have (404).
    private static func target(_ context: WiecRequestContext) throws -> (EditionID, String) {
        (try context.parameters.require("edition"), try context.parameters.require("id"))
    }

    /// The proposal as it is after a change, with the change's receipt.
    private func changed(_ id: ProposalID, _ receipt: Receipt, status: HTTPResponse.Status = .ok) throws -> Response {
        let state = try gateway.existing(receipt.edition)
        return try Reply.json(Changed(receipt: ReceiptView(receipt), subject: ProposalView(state.proposals[id]!, in: state)), status: status)
    }
}
