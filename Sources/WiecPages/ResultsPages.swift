import Hummingbird
import WiecCore
import WiecGateway

/// Published results: the pools of an edition, then each pool's result with its chart and
/// "Dlaczego?" for every project. A pool's result cannot change once published, so its page's
/// body is rendered once per language and checkpoint and kept; only the layout around it (the
/// visitor's CSRF token, switches and navigation) is rendered for every request.
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
            guard let result = state.results[pool], let config = state.pools[pool]?.config else { throw Refusal(.unknownPool, "no pool \(pool) in \(state.id)") }
            let checkpoint = try site.gateway.checkpoints().last
            let key = BodyKey(edition: state.id, pool: pool, language: page.language, checkpoint: checkpoint)
            let body = site.resultsBodies.value(for: key) {
                let model = ResultsPage(
                    state: state, pool: pool, published: result, count: site.results.count(state, pool: pool), checkpoint: checkpoint,
                    catalogue: renderer.catalogue, language: page.language)
                return renderer.shared("results", model, language: page.language)
            }
            let signedIn = try site.resident(page, edition: state.id) != nil
            return renderer.response(
                body: body, chrome: site.chrome(config.name, page, edition: state, section: "results", signedIn: signedIn), request: page)
        }
    }

    /// What a results page's body is made from besides the published edition, which no longer
    /// changes: the pool, the language and the latest checkpoint, which the page names. The
    /// body is rendered once per key and kept (``ResidentSite/resultsBodies``).
    struct BodyKey: Hashable, Sendable {
        var edition: EditionID
        var pool: PoolID
        var language: Language
        var checkpoint: String?
    }

    /// The edition a path names, once its results are published.
    private func published(_ context: WiecRequestContext) throws -> EditionState {
        let state = try site.edition(context)
        guard state.phase == .published else { throw Problem.notPublished(state.id) }
        return state
    }
}
