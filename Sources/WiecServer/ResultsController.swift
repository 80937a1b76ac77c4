import Foundation
import Hummingbird
import WiecCore
import WiecGateway
import WiecLedger
import WiecTally
import WiecExchange

/// Published results: per pool the rule, tie-breaking, selected projects, spent and left,
/// each project's score and an explanation; also as CSV and as pabulib files.
struct ResultsController: Sendable {
    let gateway: CommandGateway

    var endpoints: RouteCollection<WiecRequestContext> {
        let routes = RouteCollection(context: WiecRequestContext.self)
        routes.get("editions/{edition}/results", use: results)
        routes.get("editions/{edition}/results.csv", use: csv)
        routes.get("editions/{edition}/pools/{pool}/pabulib", use: pabulib)
        return routes
    }

    @Sendable func results(_ request: Request, context: WiecRequestContext) async throws -> Response {
        try Reply.json(try Self.view(try published(context)))
    }

    @Sendable func csv(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let view = try Self.view(try published(context))
        var lines = ["pool;project;title;cost;score;selected"]
        for pool in view.pools {
            for project in pool.projects {
                let texts = [pool.pool, project.id, project.title].map(Self.csvText).joined(separator: ";")
                lines.append("\(texts);\(project.cost.money);\(project.score);\(project.selected)")
            }
        }
        return Reply.text(lines.joined(separator: "\n") + "\n", type: "text/csv; charset=utf-8")
    }

    @Sendable func pabulib(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let state = try published(context)
        let pool = try context.parameters.require("pool")
        guard state.pools[pool] != nil else { throw Problem.notFound(Refusal(.unknownPool, "edition \(state.id) has no pool \(pool)")) }
        return Reply.text(try AuditBundle.pabulibFile(state: state, pool: pool).written(), type: "text/plain; charset=utf-8")
    }

    /// A text cell of the CSV: quoted, and with a `'` in front when it begins as a spreadsheet
    /// formula would (`=`, `+`, `-`, `@`, a tab or a carriage return), so that opening the file
    /// never runs what a title holds.
    static func csvText(_ text: String) -> String {
        let formula = text.first.map { "=+-@\t\r".contains($0) } ?? false
        return "\"" + (formula ? "'" : "") + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The edition, once its results are published.
    ///
    /// - Throws: 404 for an unknown edition; 409 `not_published` before publication.
    private func published(_ context: WiecRequestContext) throws -> EditionState {
        let state = try gateway.existing(try context.parameters.require("edition"))
        guard state.phase == .published else { throw Problem.notPublished(state.id) }
        return state
    }

    /// The results document of a published edition.
    static func view(_ state: EditionState) throws -> ResultsView {
        ResultsView(edition: state.id, pools: try state.poolOrder.map { pool in
            let config = state.pools[pool]!.config
            guard let result = state.results[pool] else { throw Refusal(.tallyFailed, "pool \(pool) has no published result") }
            let admitted = state.admittedProposals(in: pool)
            let selected = Set(result.selected)
            let projects = zip(admitted, result.scores).map { proposal, score in
                ResultsView.ProjectResult(
                    id: proposal.id, title: proposal.title, cost: Amount(proposal.reviewedCost ?? proposal.costEstimate), score: score,
                    selected: selected.contains(proposal.id))
            }
            return ResultsView.PoolResult(
                pool: pool, name: config.name, rule: result.rule, tieBreaking: result.tieBreaking, budget: Amount(config.budget),
                selected: result.selected, spent: Amount(result.spent), left: Amount(config.budget - result.spent), projects: projects,
                explanation: explain(result, projects: projects, budget: config.budget))
        })
    }

    /// A plain account of the result: which projects were funded in the rule's order and,
    /// for the others, whether they would still have fit.
    static func explain(_ result: PublishedResult, projects: [ResultsView.ProjectResult], budget: Money) -> [String] {
        var lines = ["rule \(result.rule), ties broken by \(result.tieBreaking); budget \(budget), spent \(result.spent), left \(budget - result.spent)"]
        let byID = Dictionary(uniqueKeysWithValues: projects.map { ($0.id, $0) })
        for (position, id) in result.selected.enumerated() {
            if let project = byID[id] { lines.append("\(position + 1). \(id) funded: score \(project.score), cost \(project.cost.money)") }
        }
        let left = budget - result.spent
        for project in projects.sorted(by: { $0.score > $1.score }) where !project.selected {
            let why = project.cost.money > left ? "does not fit in what is left (\(left))" : "not chosen by the rule"
            lines.append("\(project.id) not funded: score \(project.score), cost \(project.cost.money), \(why)")
        }
        return lines
    }
}

/// The results document.
struct ResultsView: Codable, Sendable {
    var edition: String
    var pools: [PoolResult]

    /// One pool's result.
    struct PoolResult: Codable, Sendable {
        var pool: String
        var name: String
        var rule: String
        var tieBreaking: String
        var budget: Amount
        var selected: [String]
        var spent: Amount
        var left: Amount
        var projects: [ProjectResult]
        var explanation: [String]

        enum CodingKeys: String, CodingKey {
            case pool, name, rule, tieBreaking = "tie_breaking", budget, selected, spent, left, projects, explanation
        }
    }

    /// One admitted project's score and whether it was funded.
    struct ProjectResult: Codable, Sendable {
        var id: String
        var title: String
        var cost: Amount
        var score: Int64
        var selected: Bool
    }
}
