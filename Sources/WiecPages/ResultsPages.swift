import Hummingbird
import WiecCore
import WiecGateway

/// Published results: the pools of an edition, then each pool's result with its chart and
/// "Dlaczego?" for every project.
struct ResultsPages: Sendable {
    let site: ResidentSite

    private var renderer: PageRenderer { site.renderer }

    func add(to routes: RouteCollection<WiecRequestContext>) {
        site.get(routes, "/edycje/{edition}/wyniki") { page, _, context in
            let state = try published(context)
            if state.poolOrder.count == 1 { return renderer.redirect("/edycje/\(state.id)/wyniki/\(state.poolOrder[0])", request: page) }
            let pools = state.poolOrder.compactMap { id -> PoolsPage.Pool? in
                guard let config = state.pools[id]?.config else { return nil }
                return PoolsPage.Pool(
                    name: config.name, href: "/edycje/\(state.id)/wyniki/\(id)", budget: PolishFormat.money(config.budget, page.language),
                    ballot: PoolRules(config: config, catalogue: renderer.catalogue, language: page.language).rule, voted: nil, action: "")
            }
            let signedIn = try site.resident(page, edition: state.id) != nil
            return renderer.response(
                "results_index", PoolsPage(pools: pools),
                chrome: site.chrome(renderer.text("results_title", page), page, edition: state, section: "results", signedIn: signedIn), request: page)
        }
        site.get(routes, "/edycje/{edition}/wyniki/{pool}") { page, _, context in
            let state = try published(context)
            let pool = try context.parameters.require("pool")
            guard let result = state.results[pool], state.pools[pool] != nil else { throw Refusal(.unknownPool, "no pool \(pool) in \(state.id)") }
            let model = ResultsPage(
                state: state, pool: pool, published: result, count: site.results.count(state, pool: pool), checkpoint: try site.gateway.checkpoints().last,
                catalogue: renderer.catalogue, language: page.language)
            let signedIn = try site.resident(page, edition: state.id) != nil
            return renderer.response(
                "results", model, chrome: site.chrome(model.pool, page, edition: state, section: "results", signedIn: signedIn), request: page)
        }
    }

    /// The edition a path names, once its results are published.
    private func published(_ context: WiecRequestContext) throws -> EditionState {
        let state = try site.edition(context)
        guard state.phase == .published else { throw Problem.notPublished(state.id) }
        return state
    }
}
