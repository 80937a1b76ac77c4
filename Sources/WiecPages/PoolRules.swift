import WiecCore
import WiecTally

/// A pool's rules in plain words, from its configuration: how a ballot is filled in, the limits
/// stated before choosing ("wybierz od 1 do 5 projektów", "do rozdzielenia 10 punktów",
/// "łączny koszt do 1 000 000 zł"), how the votes are counted and how ties are broken.
struct PoolRules: Sendable {
    let config: PoolConfig
    let catalogue: Catalogue
    let language: Language

    /// How a ballot is filled in.
    var ballot: String {
        catalogue.text("vote_type_\(config.voteType.rawValue)", language)
    }

    /// Every limit of a ballot, one sentence each.
    var limits: [String] {
        let l = config.limits
        var lines: [String] = []
        switch config.voteType {
        case .chooseOne:
            lines.append(catalogue.text("limit_choose_one", language))
        default:
            switch (l.minLength, l.maxLength) {
            case let (minimum?, maximum?) where minimum == maximum:
                lines.append(catalogue.counted("limit_exactly", Int64(minimum), language))
            case let (minimum?, maximum?):
                lines.append(catalogue.counted("limit_between", Int64(maximum), language, ["min": PolishFormat.number(minimum, language)]))
            case let (nil, maximum?):
                lines.append(catalogue.counted("limit_at_most", Int64(maximum), language))
            case let (minimum?, nil):
                lines.append(catalogue.counted("limit_at_least", Int64(minimum), language))
            case (nil, nil):
                lines.append(catalogue.text("limit_any_number", language))
            }
        }
        if config.voteType == .cumulative || config.voteType == .scoring {
            if let sum = l.maxSumPoints { lines.append(catalogue.counted("limit_points_to_share", sum, language)) }
            if let sum = l.minSumPoints { lines.append(catalogue.counted("limit_points_at_least", sum, language)) }
            if let maximum = l.maxPoints { lines.append(catalogue.counted("limit_points_per_project", maximum, language)) }
        }
        if let cost = l.maxSumCost { lines.append(catalogue.text("limit_max_cost", language, ["amount": PolishFormat.money(cost, language)])) }
        if let cost = l.minSumCost { lines.append(catalogue.text("limit_min_cost", language, ["amount": PolishFormat.money(cost, language)])) }
        if config.allowsRevoting { lines.append(catalogue.text("limit_revoting", language)) }
        if case .randomPerVoter(let seed) = config.ballotOrder {
            lines.append(catalogue.text("limit_random_order", language, ["seed": seed]))
        }
        return lines
    }

    /// How the votes are counted.
    var rule: String {
        let key = "rule_" + config.rule
        guard catalogue.tables[language]?[key] != nil else { return catalogue.text("rule_other", language, ["rule": config.rule]) }
        var text = catalogue.text(key, language)
        if config.rule == "greedy-threshold", let threshold = config.minProjectScoreThreshold {
            text += " " + catalogue.counted("rule_threshold", threshold, language)
        }
        return text
    }

    /// How ties are broken.
    var tieBreaking: String {
        let name = config.tieBreaking
        if name.hasPrefix("cost-votes-lottery:") {
            return catalogue.text("tie_cost-votes-lottery", language, ["seed": String(name.dropFirst("cost-votes-lottery:".count))])
        }
        return catalogue.text("tie_" + name, language)
    }
}
