import WiecCore
import WiecTally

/// Counts on a ballot being filled in (projects chosen, their cost, points given) against the
/// pool's limits, with every limit the choice breaks in plain words, so the resident learns
/// all of them at once; the core's own check (through the gateway) has the last word.
struct BallotCheck: Sendable {
    var chosen: Int
    var cost: Money
    var points: Int64
    var problems: [String]

    init(_ choices: BallotChoices, config: PoolConfig, projects: [Proposal], catalogue: Catalogue, language: Language) {
        let ballot = choices.ballot(config: config, projects: projects)
        let byID = Dictionary(uniqueKeysWithValues: projects.map { ($0.id, $0) })
        chosen = ballot.projects.count
        var cost = Money.zero
        for id in ballot.projects { cost += byID[id].map { $0.reviewedCost ?? $0.costEstimate } ?? .zero }
        self.cost = cost
        points = choices.marks.values.reduce(0) { $0.addingReportingOverflow($1).overflow ? Int64.max : $0 + $1 }
        let l = config.limits
        let t = { (key: String, arguments: [String: String]) in catalogue.text(key, language, arguments) }
        let n = { (value: Int) in PolishFormat.number(value, language) }
        var problems: [String] = []
        if !choices.unreadable.isEmpty {
            let names = projects.filter { choices.unreadable.contains($0.id) }.map(\.title).joined(separator: ", ")
            problems.append(t("ballot_unreadable", ["projects": names]))
        }
        if config.voteType == .chooseOne, chosen > 1 { problems.append(t("ballot_choose_one", [:])) }
        if let maximum = l.maxLength, chosen > maximum {
            problems.append(catalogue.counted("ballot_too_many", Int64(chosen), language, ["max": n(maximum)]))
        }
        if let maximum = l.maxSumCost, cost > maximum {
            problems.append(t("ballot_over_cost", ["cost": PolishFormat.money(cost, language), "max": PolishFormat.money(maximum, language)]))
        }
        switch config.voteType {
        case .cumulative, .scoring:
            if let maximum = l.maxSumPoints, points > maximum {
                problems.append(catalogue.counted("ballot_too_many_points", points, language, ["max": PolishFormat.number(maximum, language)]))
            }
            for (id, value) in choices.marks {
                let title = byID[id]?.title ?? id
                if value < 0 || (l.maxPoints.map { value > $0 } ?? false) || (l.minPoints.map { value < $0 } ?? false) {
                    problems.append(t("ballot_points_range", ["project": title, "min": PolishFormat.number(max(l.minPoints ?? 0, 0), language),
                                                              "max": l.maxPoints.map { PolishFormat.number($0, language) } ?? "∞"]))
                }
            }
        case .ordinal:
            let ranks = choices.marks.values.sorted()
            if ranks != (0..<ranks.count).map({ Int64($0 + 1) }) {
                problems.append(t("ballot_ranks", ["count": n(ranks.count)]))
            }
        case .approval, .chooseOne:
            break
        }
        self.problems = problems
    }

    /// What is missing before the ballot can be cast (too few projects, too little cost or
    /// points): said only when the resident asks to check or cast, not while choosing.
    static func shortfalls(_ check: BallotCheck, config: PoolConfig, catalogue: Catalogue, language: Language) -> [String] {
        let l = config.limits
        var lines: [String] = []
        let minimum = config.voteType == .chooseOne ? 1 : max(l.minLength ?? 1, 1)
        if check.chosen < minimum {
            lines.append(catalogue.counted("ballot_too_few", Int64(minimum), language, ["chosen": PolishFormat.number(check.chosen, language)]))
        }
        if let least = l.minSumCost, check.cost < least {
            lines.append(catalogue.text("ballot_under_cost", language, ["cost": PolishFormat.money(check.cost, language), "min": PolishFormat.money(least, language)]))
        }
        if config.voteType == .cumulative || config.voteType == .scoring, let least = l.minSumPoints, check.points < least {
            lines.append(catalogue.counted("ballot_too_few_points", least, language, ["given": PolishFormat.number(check.points, language)]))
        }
        return lines
    }
}
