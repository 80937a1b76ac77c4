import Foundation
import WiecCore
import WiecTally

/// A pool's published result: funded and unfunded projects with score, cost and status, the
/// chart, spent and left, the rule and tie-breaking in words, "Dlaczego?" for every project,
/// the downloads and the checkpoint that covers the result.
struct ResultsPage: ViewModel {
    var pool: String
    var facts: [Fact]
    var poolLines: [String]
    var chart: ResultsChart
    var rows: [Row]
    var downloads: [Link]
    var checkpoint: String?
    var otherPools: [Link]

    struct Row: ViewModel {
        var position: String
        var title: String
        var href: String
        var score: String
        var cost: String
        var status: String
        var funded: Bool
        var why: [String]

        func child(named name: String) -> Any? {
            switch name {
            case "position": position
            case "title": title
            case "href": href
            case "score": score
            case "cost": cost
            case "status": status
            case "funded": funded
            case "why": why
            default: nil
            }
        }
    }

    init(
        state: EditionState, pool id: PoolID, published: PublishedResult, count: ResultsCache.Count?, checkpoint: String?, catalogue: Catalogue,
        language: Language
    ) {
        let config = state.pools[id]!.config
        let rules = PoolRules(config: config, catalogue: catalogue, language: language)
        let t = { (key: String) in catalogue.text(key, language) }
        let admitted = state.admittedProposals(in: id)
        let selected = Set(published.selected)
        let counted = state.countedBallots(in: id)
        pool = config.name
        facts = [
            Fact(term: t("results_budget"), value: PolishFormat.money(config.budget, language)),
            Fact(term: t("results_spent"), value: PolishFormat.money(published.spent, language)),
            Fact(term: t("results_left"), value: PolishFormat.money(config.budget - published.spent, language)),
            Fact(term: t("results_ballots"), value: PolishFormat.number(counted.count, language)),
        ] + BallotChannels.facts(state, counted: counted, catalogue: catalogue, language: language) + [
            Fact(term: t("results_rule"), value: rules.rule),
            Fact(term: t("results_ties"), value: rules.tieBreaking),
        ]
        let why = WhyExplanation(catalogue: catalogue, language: language)
        let reasons = count.map { count in why.reasons(count) { admitted.indices.contains($0) ? admitted[$0].title : count.election.projects[$0].id } } ?? [:]
        poolLines = count.map(why.poolLines) ?? []
        let order = admitted.indices.sorted { (published.scores[$0], selected.contains(admitted[$0].id) ? 1 : 0, -$0) > (published.scores[$1], selected.contains(admitted[$1].id) ? 1 : 0, -$1) }
        rows = order.enumerated().map { position, index in
            let proposal = admitted[index]
            let funded = selected.contains(proposal.id)
            return Row(
                position: String(position + 1), title: proposal.title, href: "/edycje/\(state.id)/projekty/\(proposal.id)",
                score: PolishFormat.number(published.scores[index], language), cost: PolishFormat.money(proposal.reviewedCost ?? proposal.costEstimate, language),
                status: t(proposal.withdrawal != nil ? "results_withdrawn" : funded ? "results_funded" : "results_not_funded"), funded: funded,
                why: reasons[index] ?? [])
        }
        chart = ResultsChart(
            bars: order.map { index in
                let proposal = admitted[index]
                return (proposal.title, proposal.reviewedCost ?? proposal.costEstimate, published.scores[index], selected.contains(proposal.id))
            }, budget: config.budget, catalogue: catalogue, language: language)
        let encodedPool = id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? id
        downloads = [
            Link(href: "/api/v1/editions/\(state.id)/pools/\(encodedPool)/pabulib", label: t("download_pb")),
            Link(href: "/api/v1/editions/\(state.id)/results.csv", label: t("download_csv")),
            Link(href: "/api/v1/editions/\(state.id)/bundle", label: t("download_bundle")),
        ]
        self.checkpoint = checkpoint
        otherPools = state.poolOrder.filter { $0 != id }.map { other in
            Link(href: "/edycje/\(state.id)/wyniki/\(other)", label: state.pools[other]?.config.name ?? other)
        }
    }

    func child(named name: String) -> Any? {
        switch name {
        case "pool": pool
        case "facts": facts
        case "poolLines": poolLines
        case "chart": chart
        case "rows": rows
        case "downloads": downloads
        case "checkpoint": checkpoint
        case "otherPools": otherPools
        case "hasOtherPools": !otherPools.isEmpty
        default: nil
        }
    }
}
