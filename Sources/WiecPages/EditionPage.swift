import Foundation
import WiecCore

/// An edition's page: its phase and timetable, and each pool with its budget and its rules in
/// plain words.
struct EditionPage: ViewModel {
    var summary: EditionSummary
    var pools: [Pool]
    var links: [Link]

    /// One pool.
    struct Pool: ViewModel {
        var name: String
        var budget: String
        var ballot: String
        var limits: [String]
        var rule: String
        var tieBreaking: String
        var proposals: String
        var href: String

        func child(named key: String) -> Any? {
            switch key {
            case "name": name
            case "budget": budget
            case "ballot": ballot
            case "limits": limits
            case "rule": rule
            case "tieBreaking": tieBreaking
            case "proposals": proposals
            case "href": href
            default: nil
            }
        }
    }

    init(_ state: EditionState, catalogue: Catalogue, language: Language) {
        summary = EditionSummary(state, catalogue: catalogue, language: language)
        pools = state.poolOrder.compactMap { id in
            guard let pool = state.pools[id] else { return nil }
            let rules = PoolRules(config: pool.config, catalogue: catalogue, language: language)
            return Pool(
                name: pool.config.name, budget: PolishFormat.money(pool.config.budget, language), ballot: rules.ballot, limits: rules.limits,
                rule: rules.rule, tieBreaking: rules.tieBreaking,
                proposals: catalogue.counted("count_proposals", Int64(pool.proposals.count), language),
                href: "/edycje/\(state.id)/projekty?pula=" + (id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? id))
        }
        let base = "/edycje/" + state.id
        var links = [Link(href: base + "/projekty", label: catalogue.text("nav_proposals", language)),
                     Link(href: base + "/warsztaty", label: catalogue.text("nav_workshops", language))]
        if state.phase == .published { links.append(Link(href: base + "/wyniki", label: catalogue.text("nav_results", language))) }
        self.links = links
    }

    func child(named key: String) -> Any? {
        switch key {
        case "summary": summary
        case "pools": pools
        case "links": links
        default: summary.child(named: key)
        }
    }
}
