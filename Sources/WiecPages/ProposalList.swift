import Foundation
import WiecCore

/// The proposals of an edition, filtered by pool, category, status and a text search, a page
/// of ``ProposalList/pageSize`` at a time.
struct ProposalList: ViewModel {
    /// Proposals on one page.
    static let pageSize = 20

    var action: String
    var filters: [FieldModel]
    var query: String
    var rows: [Row]
    var count: String
    var pager: [Link]
    var canSubmit: Bool
    var submitHref: String

    struct Row: ViewModel {
        var title: String
        var href: String
        var pool: String
        var category: String
        var status: String
        var tone: String
        var cost: String
        var supporters: String

        func child(named name: String) -> Any? {
            switch name {
            case "title": title
            case "href": href
            case "pool": pool
            case "category": category
            case "status": status
            case "tone": tone
            case "cost": cost
            case "supporters": supporters
            default: nil
            }
        }
    }

    /// The filters a request asks for.
    struct Filter: Sendable {
        var pool: String?
        var category: String?
        var status: ProposalStatus?
        var text: String?
        var page: Int

        init(query: [String: String]) {
            let value = { (name: String) in query[name].flatMap { $0.isEmpty ? nil : $0 } }
            pool = value("pula")
            category = value("kategoria")
            status = value("status").flatMap(ProposalStatus.init(rawValue:))
            text = value("szukaj").map { String($0.prefix(200)) }
            page = max(1, value("strona").flatMap(Int.init) ?? 1)
        }

        func matches(_ proposal: Proposal, _ state: EditionState) -> Bool {
            if let pool, proposal.pool != pool { return false }
            if let category, proposal.category != category { return false }
            if let status, state.status(of: proposal) != status { return false }
            if let text {
                let options: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive]
                guard proposal.title.range(of: text, options: options) != nil || proposal.description.range(of: text, options: options) != nil
                else { return false }
            }
            return true
        }

        /// The query of this filter on another page.
        func query(page: Int) -> String {
            var items: [(String, String)] = []
            if let pool { items.append(("pula", pool)) }
            if let category { items.append(("kategoria", category)) }
            if let status { items.append(("status", status.rawValue)) }
            if let text { items.append(("szukaj", text)) }
            items.append(("strona", String(page)))
            return items.map { "\($0.0)=" + ($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") }.joined(separator: "&")
        }
    }

    init(_ state: EditionState, filter: Filter, catalogue: Catalogue, language: Language) {
        let t = { (key: String) in catalogue.text(key, language) }
        let words = ProposalText(catalogue: catalogue, language: language)
        let base = "/edycje/\(state.id)/projekty"
        let all = state.poolOrder.flatMap { state.pools[$0]?.proposals ?? [] }.compactMap { state.proposals[$0] }
        let matching = all.filter { filter.matches($0, state) }
        let pages = max(1, (matching.count + Self.pageSize - 1) / Self.pageSize)
        let page = min(filter.page, pages)
        rows = matching.dropFirst((page - 1) * Self.pageSize).prefix(Self.pageSize).map { proposal in
            let status = state.status(of: proposal)
            return Row(
                title: proposal.title, href: "\(base)/\(proposal.id)", pool: state.pools[proposal.pool]?.config.name ?? proposal.pool,
                category: proposal.category ?? "—", status: words.status(status), tone: words.tone(status), cost: words.cost(proposal),
                supporters: PolishFormat.number(proposal.supporters.count, language))
        }
        count = catalogue.counted("list_found", Int64(matching.count), language)
        var pager: [Link] = []
        if page > 1 { pager.append(Link(href: base + "?" + filter.query(page: page - 1), label: t("list_previous"))) }
        if pages > 1 {
            pager.append(Link(href: base + "?" + filter.query(page: page), label: catalogue.text("list_page", language, ["page": String(page), "pages": String(pages)]), current: true))
        }
        if page < pages { pager.append(Link(href: base + "?" + filter.query(page: page + 1), label: t("list_next"))) }
        self.pager = pager
        action = base
        query = filter.text ?? ""
        let categories = Set(all.compactMap(\.category)).sorted()
        filters = [
            FieldModel(
                name: "pula", label: t("list_pool"), value: filter.pool ?? "", kind: .select,
                options: [Option(value: "", label: t("list_all"), selected: filter.pool == nil)]
                    + state.poolOrder.map { Option(value: $0, label: state.pools[$0]?.config.name ?? $0, selected: filter.pool == $0) },
                required: false),
            FieldModel(
                name: "kategoria", label: t("list_category"), value: filter.category ?? "", kind: .select,
                options: [Option(value: "", label: t("list_all"), selected: filter.category == nil)]
                    + categories.map { Option(value: $0, label: $0, selected: filter.category == $0) },
                required: false),
            FieldModel(
                name: "status", label: t("list_status"), value: filter.status?.rawValue ?? "", kind: .select,
                options: [Option(value: "", label: t("list_all"), selected: filter.status == nil)]
                    + ProposalStatus.allCases.map { Option(value: $0.rawValue, label: words.status($0), selected: filter.status == $0) },
                required: false),
        ]
        canSubmit = state.phase == .submission
        submitHref = base + "/nowy"
    }

    func child(named name: String) -> Any? {
        switch name {
        case "action": action
        case "filters": filters
        case "query": query
        case "rows": rows
        case "hasRows": !rows.isEmpty
        case "count": count
        case "pager": pager
        case "canSubmit": canSubmit
        case "submitHref": submitHref
        default: nil
        }
    }
}
