import Foundation
import Hummingbird
import WiecCore
import WiecGateway

/// Voting: the choice of pool, then one ballot page per pool ("Przelicz" re-renders the counts
/// without JavaScript), the review step, and "Oddaj głos", the only action that stores anything.
/// The ballot is checked by the core through the gateway before the review step and again when
/// cast; a broken limit is explained in words before anything is stored.
struct VotingPages: Sendable {
    let site: ResidentSite

    private var renderer: PageRenderer { site.renderer }

    func add(to routes: RouteCollection<WiecRequestContext>) {
        site.get(routes, "/edycje/{edition}/glosowanie") { page, _, context in
            let state = try site.edition(context)
            let resident = Actor(role: .resident, id: try site.requireResident(page, edition: state.id))
            if state.poolOrder.count == 1 { return renderer.redirect("/edycje/\(state.id)/glosowanie/\(state.poolOrder[0])", request: page) }
            let voter = try? site.gateway.voter(of: resident, in: state.id)
            let pools = state.poolOrder.compactMap { id -> PoolsPage.Pool? in
                guard let pool = state.pools[id] else { return nil }
                let rules = PoolRules(config: pool.config, catalogue: renderer.catalogue, language: page.language)
                let voted = voter.map { voter in pool.ballots.contains { $0.voter == voter.id && $0.voided == nil } } ?? false
                return PoolsPage.Pool(
                    name: pool.config.name, href: "/edycje/\(state.id)/glosowanie/\(id)", budget: PolishFormat.money(pool.config.budget, page.language),
                    ballot: rules.ballot, voted: voted ? renderer.text("pools_voted", page) : nil,
                    action: renderer.text(voted && pool.config.allowsRevoting ? "pools_revote" : voted ? "pools_see" : "pools_vote", page))
            }
            return renderer.response(
                "pools", PoolsPage(pools: pools), chrome: site.chrome(renderer.text("pools_title", page), page, edition: state, section: "vote", signedIn: true),
                request: page)
        }
        site.get(routes, "/edycje/{edition}/glosowanie/{pool}") { page, request, context in
            let (state, config) = try pool(context)
            let resident = Actor(role: .resident, id: try site.requireResident(page, edition: state.id))
            let category = request.uri.queryParameters["kategoria"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
            return try ballot(state, config, resident: resident, choices: BallotChoices(), category: category, page: page, formKey: UUID().uuidString)
        }
        site.post(routes, "/edycje/{edition}/glosowanie/{pool}") { page, form, _, context in
            let (state, config) = try pool(context)
            let resident = Actor(role: .resident, id: try site.requireResident(page, edition: state.id))
            return try await act(state, config, resident: resident, form: form, page: page)
        }
    }

    /// The edition and pool a path names.
    private func pool(_ context: WiecRequestContext) throws -> (EditionState, PoolConfig) {
        let state = try site.edition(context)
        let id = try context.parameters.require("pool")
        guard let pool = state.pools[id] else { throw Refusal(.unknownPool, "no pool \(id) in \(state.id)") }
        return (state, pool.config)
    }

    /// The ballot a voter cast last in a pool and that counts now, if any: their last one not
    /// voided (where re-voting is not allowed, their only one), found without copying the pool's ballots.
    private func current(_ state: EditionState, _ config: PoolConfig, voter: Actor?) -> CastBallot? {
        guard let voter, let pool = state.pools[config.id], pool.liveBallots[voter.id, default: 0] > 0 else { return nil }
        return pool.ballots.last { $0.voter == voter.id && $0.voided == nil }
    }

    /// The ballot page with the choices so far.
    private func ballot(
        _ state: EditionState, _ config: PoolConfig, resident: Actor, choices: BallotChoices, category: String?, page: PageRequest, formKey: String,
        extra: [String] = [], refusal: Refusal? = nil, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let projects = config.ballotOrder.arrange(state.admittedProposals(in: config.id), id: \.id, for: resident.id)
        let check = BallotCheck(choices, config: config, projects: projects, catalogue: renderer.catalogue, language: page.language)
        let voter = try? site.gateway.voter(of: resident, in: state.id)
        let current = current(state, config, voter: voter)
        var refusalText = refusal.map { renderer.messages.message(for: $0, page.language) }
        if state.phase != .voting { refusalText = renderer.text("ballot_not_open", page) }
        else if current != nil, !config.allowsRevoting { refusalText = renderer.text("ballot_already", page) }
        let model = BallotPage(
            state: state, config: config, projects: projects, choices: choices, category: category, check: check, refusal: refusalText, extra: extra,
            current: current, formKey: formKey, rowRenderer: site.ballotRows, catalogue: renderer.catalogue, language: page.language)
        return renderer.response(
            "ballot", model, chrome: site.chrome(config.name, page, edition: state, section: "vote", signedIn: true), request: page,
            status: status)
    }

    /// What a ballot form asked for: recount, review, or cast.
    private func act(_ state: EditionState, _ config: PoolConfig, resident: Actor, form: FormData, page: PageRequest) async throws -> Response {
        let projects = state.admittedProposals(in: config.id)
        let choices = BallotChoices(form: form, config: config, projects: projects)
        let category = form.value("kategoria").flatMap { $0.isEmpty ? nil : $0 }
        let formKey = form.value("_klucz") ?? UUID().uuidString
        let action = form.value("akcja") ?? "przelicz"
        guard action == "sprawdz" || action == "oddaj" else {
            return try ballot(state, config, resident: resident, choices: choices, category: category, page: page, formKey: formKey)
        }
        let check = BallotCheck(choices, config: config, projects: projects, catalogue: renderer.catalogue, language: page.language)
        let shortfalls = BallotCheck.shortfalls(check, config: config, catalogue: renderer.catalogue, language: page.language)
        guard check.problems.isEmpty, shortfalls.isEmpty else {
            return try ballot(
                state, config, resident: resident, choices: choices, category: category, page: page, formKey: formKey, extra: shortfalls,
                status: .unprocessableContent)
        }
        let voter = try site.gateway.voter(of: resident, in: state.id)
        let ballot = choices.ballot(config: config, projects: projects)
        let key = ResidentSite.ledgerKey(form, actor: voter)
        let command = Command.castBallot(
            ballot: ProposalPages.newID(prefix: "b~", ledgerKey: key), voter: voter.id, pool: config.id, projects: ballot.projects,
            points: ballot.points, method: .internet)
        do {
            if action == "sprawdz" {
                try site.gateway.check(command, on: state.id, by: voter)
                let model = ReviewPage(
                    state: state, config: config, projects: projects, choices: choices, check: check, formKey: formKey, catalogue: renderer.catalogue,
                    language: page.language)
                return renderer.response(
                    "review", model, chrome: site.chrome(renderer.text("review_title", page), page, edition: state, section: "vote", signedIn: true),
                    request: page)
            }
            let receipt = try await site.gateway.execute(command, on: state.id, by: voter, ledgerKey: key)
            return renderer.redirect("/edycje/\(state.id)/pokwitowanie/\(receipt.lastSequence)?ok=voted", request: page)
        } catch let refusal as Refusal {
            return try self.ballot(
                state, config, resident: resident, choices: choices, category: category, page: page, formKey: formKey, refusal: refusal,
                status: .unprocessableContent)
        }
    }
}
