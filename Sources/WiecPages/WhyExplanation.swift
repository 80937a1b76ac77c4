import WiecTally

/// "Dlaczego?": for each project of a counted pool, why it was funded or not, in plain words,
/// built from the tally's own steps: the greedy rule's purchases and skips ("kosztował
/// 211 800 zł, a zostało 97 600 zł"), the threshold, the rounds of the Method of Equal Shares
/// (who paid how much in the round it was bought, or from which round its supporters could no
/// longer afford it), the greedy completion, Phragmén's loads, and the ties broken.
struct WhyExplanation: Sendable {
    let catalogue: Catalogue
    let language: Language

    /// The sentences about each project, by its index in the election.
    func reasons(_ count: ResultsCache.Count, title: (Int) -> String) -> [Int: [String]] {
        let election = count.election, result = count.result
        let money = { (value: Money) in PolishFormat.money(value, language) }
        var reasons: [Int: [String]] = [:]
        var round = 0
        for step in result.steps {
            switch step {
            case .selected(let project, let score, let cost, let left):
                reasons[project, default: []].append(text("why_selected", ["score": number(score), "cost": money(cost), "left": money(left)]))
            case .skipped(let project, let score, let cost, let left):
                reasons[project, default: []].append(text("why_skipped", ["score": number(score), "cost": money(cost), "left": money(left)]))
            case .belowThreshold(let project, let score, let threshold):
                reasons[project, default: []].append(text("why_threshold", ["score": number(score), "threshold": number(threshold)]))
            case .toppedUp(let project, let score, let cost, let left, let topUp):
                reasons[project, default: []].append(text("why_topped_up", [
                    "score": number(score), "cost": money(cost), "left": money(left), "top_up": topUp.description,
                ]))
            case .excluded(let project, let score, let group):
                let members = election.exclusionGroups[group]
                reasons[project, default: []].append(text("why_excluded", [
                    "score": number(score), "limit": number(Int64(members.limit)),
                    "group": members.projects.map { "\"\(title($0))\"" }.joined(separator: ", "),
                ]))
            case .notReached(let project, let score):
                reasons[project, default: []].append(text("why_not_reached", ["score": number(score)]))
            case .withdrawn(let project, _):
                reasons[project, default: []].append(text("why_withdrawn", [:]))
            case .equalSharesRound(let bought):
                round += 1
                let cost = Rational(election.projects[bought.project].cost.minorUnits)
                let others = Rational(
                    cost.numerator * bought.exhaustedPaid.denominator - bought.exhaustedPaid.numerator, bought.exhaustedPaid.denominator)
                var line = text("why_mes_bought", [
                    "round": String(round), "payers": number(Int64(bought.payers)), "cost": money(election.projects[bought.project].cost),
                ])
                if bought.exhaustedPayers > 0 {
                    line += " " + text("why_mes_exhausted", ["count": number(Int64(bought.exhaustedPayers)), "paid": approximate(bought.exhaustedPaid)])
                }
                if bought.payers > bought.exhaustedPayers {
                    line += " " + text("why_mes_others", ["count": number(Int64(bought.payers - bought.exhaustedPayers)), "paid": approximate(others)])
                }
                reasons[bought.project, default: []].append(line)
                for lost in bought.tiedWith {
                    reasons[lost, default: []].append(text("why_mes_tie", ["round": String(round), "winner": title(bought.project)]))
                }
                for out in bought.becameUnaffordable {
                    reasons[out, default: []].append(text("why_mes_unaffordable", [
                        "round": String(round), "winner": title(bought.project), "cost": money(election.projects[out].cost),
                    ]))
                }
            case .completedGreedily(let project, let score, let cost, let left):
                reasons[project, default: []].append(text("why_completed", ["score": number(score), "cost": money(cost), "left": money(left)]))
            case .phragmenRound(let project, let load, let supporters):
                round += 1
                reasons[project, default: []].append(text("why_phragmen", [
                    "round": String(round), "supporters": number(Int64(supporters)), "load": approximate(load),
                ]))
            case .equalSharesBudget, .comparison:
                break
            }
        }
        for tie in result.ties {
            guard let winner = tie.projects.first else { continue }
            for project in tie.projects.dropFirst() {
                reasons[project, default: []].append(text("why_tie", ["winner": title(winner), "score": number(tie.score)]))
            }
        }
        for (project, status) in result.statuses.enumerated() where reasons[project] == nil {
            reasons[project] = [text(status == .selected ? "why_selected_plain" : "why_not_selected", [:])]
        }
        return reasons
    }

    /// The rule's own summary lines for the pool (the per-voter budget, the comparison step).
    func poolLines(_ count: ResultsCache.Count) -> [String] {
        count.result.steps.compactMap { step in
            switch step {
            case .equalSharesBudget(let perVoter, let increments):
                return text("why_mes_budget", ["amount": approximate(perVoter), "increments": number(increments)])
            case .comparison(let forEqualShares, let forGreedy, let keptGreedy):
                return text(keptGreedy ? "why_comparison_greedy" : "why_comparison_mes", ["mes": number(Int64(forEqualShares)), "greedy": number(Int64(forGreedy))])
            default:
                return nil
            }
        }
    }

    private func text(_ key: String, _ arguments: [String: String]) -> String { catalogue.text(key, language, arguments) }

    private func number(_ value: Int64) -> String { PolishFormat.number(value, language) }

    /// An exact amount in grosze, shown rounded to the grosz ("ok. 1 234,57 zł").
    private func approximate(_ minorUnits: Rational) -> String {
        let units = Rational(minorUnits.numerator, minorUnits.denominator * BigInt(Money.minorUnitsPerUnit)).decimal(places: 2)
        guard let money = Money(decimal: units) else { return units }
        return text("approximately", ["amount": PolishFormat.money(money, language)])
    }
}
