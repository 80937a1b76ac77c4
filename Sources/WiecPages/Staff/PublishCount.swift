import WiecCore
import WiecTally

/// What publishing will record, shown before the official confirms it: each pool counted by
/// its own rule on the closed log, every project's score, cost and whether it is funded, and
/// why, in the words of the residents' "Dlaczego?". Publishing writes exactly this count.
struct PublishCount {
    let renderer: PageRenderer
    let page: PageRequest

    private func t(_ key: String, _ arguments: [String: String] = [:]) -> String { renderer.text(key, page, arguments) }

    /// One section per pool, in the edition's order.
    func sections(_ state: EditionState) -> [StaffPage.Section] {
        let language = page.language
        let why = WhyExplanation(catalogue: renderer.catalogue, language: language)
        return state.poolOrder.compactMap { pool -> StaffPage.Section? in
            guard let config = state.pools[pool]?.config else { return nil }
            let rules = PoolRules(config: config, catalogue: renderer.catalogue, language: language)
            guard let count = ResultsCache.recount(state, pool: pool) else {
                return StaffPage.Section(title: config.name, paragraphs: [t("staff_publish_uncountable")], anchor: "pula-" + pool)
            }
            let admitted = state.admittedProposals(in: pool)
            let title = { (index: Int) in admitted.indices.contains(index) ? admitted[index].title : count.election.projects[index].id }
            let reasons = why.reasons(count, title: title)
            let funded = Set(count.result.selected)
            let order = count.election.projects.indices.sorted { (count.result.scores[$0], -$0) > (count.result.scores[$1], -$1) }
            let rows = order.map { index in
                StaffPage.Row(cells: [
                    StaffPage.Cell(text: title(index)),
                    StaffPage.Cell(text: PolishFormat.number(count.result.scores[index], language), numeric: true),
                    StaffPage.Cell(text: PolishFormat.money(count.election.projects[index].cost, language), numeric: true),
                    StaffPage.Cell(text: t(funded.contains(index) ? "staff_publish_funded" : "staff_publish_not_funded")),
                    StaffPage.Cell(text: (reasons[index] ?? []).joined(separator: " ")),
                ])
            }
            let ballots = state.pools[pool]?.ballots.count { $0.voided == nil } ?? 0
            return StaffPage.Section(
                title: config.name,
                paragraphs: [
                    t("staff_publish_pool", [
                        "rule": rules.rule, "ties": rules.tieBreaking, "ballots": PolishFormat.number(ballots, language),
                        "budget": PolishFormat.money(config.budget, language), "spent": PolishFormat.money(count.result.spent, language),
                        "left": PolishFormat.money(count.result.left, language),
                    ]),
                ],
                table: StaffPage.Table(
                    caption: t("staff_publish_table", ["pool": config.name]),
                    headers: [t("staff_proposal"), t("staff_publish_score"), t("staff_publish_cost"), t("staff_publish_outcome"), t("staff_publish_why")],
                    rows: rows, empty: t("staff_publish_no_projects")),
                anchor: "pula-" + pool)
        }
    }
}
