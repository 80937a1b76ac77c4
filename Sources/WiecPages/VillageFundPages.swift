import Foundation
import Hummingbird
import WiecCore
import WiecGateway

/// The village funds as residents read them: every fund, a fund's amounts with the formula
/// worked through and each sołectwo's status against the deadlines, and a sołectwo's page with
/// what its village assembly decided, the votes, what became of its application, and what was
/// carried out.
struct VillageFundPages: Sendable {
    let site: ResidentSite

    private var renderer: PageRenderer { site.renderer }

    func add(to routes: RouteCollection<WiecRequestContext>) {
        site.get(routes, "/fundusze") { page, _, _ in
            let t = { (key: String) in renderer.text(key, page) }
            let rows = try site.gateway.editions().compactMap { state in
                state.villageFund.map { fund in
                    StaffPage.Row(cells: [
                        StaffPage.Cell(text: state.name ?? state.id, href: "/fundusze/\(state.id)"),
                        StaffPage.Cell(text: String(fund.rules.budgetYear), numeric: true),
                        StaffPage.Cell(text: fund.announcement.map { PolishFormat.number($0.shares.count, page.language) } ?? "–", numeric: true),
                    ])
                }
            }
            let model = StaffPage(
                heading: t("fund_index_title"), lead: t("fund_index_lead"),
                sections: [StaffPage.Section(
                    title: nil,
                    table: StaffPage.Table(
                        caption: t("fund_index_title"), headers: [t("fund_name"), t("fund_budget_year"), t("fund_solectwa_count")], rows: rows,
                        empty: t("fund_index_none")))])
            return renderer.response("staff_page", model, chrome: chrome(model.heading, page, fund: nil), request: page)
        }
        site.get(routes, "/fundusze/{fund}") { page, _, context in
            let (state, fund) = try Self.fund(site.gateway, context)
            let sections = VillageFundSections(renderer: renderer, page: page, state: state, fund: fund, base: "/fundusze/\(state.id)")
            let model = StaffPage(
                heading: state.name ?? state.id, lead: renderer.text("fund_lead", page),
                sections: [sections.solectwa] + [sections.formula].compactMap { $0 } + [sections.rules])
            return renderer.response("staff_page", model, chrome: chrome(model.heading, page, fund: state), request: page)
        }
        site.get(routes, "/fundusze/{fund}/solectwa/{solectwo}") { page, _, context in
            let (state, fund) = try Self.fund(site.gateway, context)
            guard let share = VillageFundSections.share(fund, at: try context.parameters.require("solectwo")) else { throw PageError.notFound }
            let sections = VillageFundSections(renderer: renderer, page: page, state: state, fund: fund, base: "/fundusze/\(state.id)")
            let model = StaffPage(
                heading: renderer.text("fund_solectwo_title", page, ["solectwo": share.solectwo]),
                lead: renderer.text("fund_solectwo_lead", page, ["fund": state.name ?? state.id]),
                sections: [sections.share(share), sections.applications(of: share.solectwo)] + [sections.execution(of: share.solectwo)].compactMap { $0 }
                    + sections.assemblies(of: share.solectwo))
            return renderer.response("staff_page", model, chrome: chrome(model.heading, page, fund: state), request: page)
        }
    }

    /// The village fund a path names.
    ///
    /// - Throws: `unknown_edition` (a 404 page), or `wrong_edition_kind` for a civic budget.
    static func fund(_ gateway: CommandGateway, _ context: WiecRequestContext) throws -> (EditionState, VillageFundState) {
        let state = try gateway.existing(try context.parameters.require("fund"))
        guard let fund = state.villageFund else { throw PageError.notFound }
        return (state, fund)
    }

    private func chrome(_ title: String, _ page: PageRequest, fund: EditionState?) -> Chrome {
        var chrome = site.chrome(title, page)
        chrome.nav.append(Link(href: "/fundusze", label: renderer.text("fund_nav", page), current: fund == nil))
        if let fund {
            chrome.nav.append(Link(href: "/fundusze/\(fund.id)", label: fund.name ?? fund.id, current: true))
            chrome.breadcrumbs = [Link(href: "/", label: renderer.text("nav_home", page)), Link(href: "/fundusze", label: renderer.text("fund_nav", page))]
        }
        return chrome
    }
}
