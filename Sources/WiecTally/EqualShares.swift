/// What fills the budget that an Equal Shares outcome leaves.
public enum EqualSharesCompletion: String, Sendable, Hashable, CaseIterable {
    /// Nothing: the outcome stands as the rule left it.
    case none
    /// Projects by descending score that still fit, as greedy would take them.
    case greedy
}

/// When `equalshares/add1` stops raising the per-voter budget.
public enum EqualSharesIncrement: String, Sendable, Hashable, CaseIterable {
    /// As the pabulib checker validates every published file: count with budget ÷ voters, then
    /// with ⌊budget ÷ voters⌋ + k whole currency units per voter for k = 1, 2, …, keeping each
    /// outcome that fits the budget and stopping at the first that does not.
    case official
    /// As pabutools 1.2.3 (`voter_budget_increment=1`): budget ÷ voters + k per voter for
    /// k = 0, 1, …, stopping at the first outcome that is over budget (keeping the one before)
    /// or at the first that leaves no room for another candidate.
    case pabutools
}

/// The Method of Equal Shares and its completions.
enum EqualShares {
    static func run(_ election: Election, rule: Rule, options: TallyOptions) throws(TallyError) -> TallyResult {
        let countedOften = rule == .equalSharesAdd1 || rule == .equalSharesAdd1Comparison
        let instance = try EqualSharesInstance(election, utility: options.utility, tieBreaking: options.tieBreaking,
                                               groupingIdenticalBallots: countedOften)
        let budget = election.budget.minorUnits
        var steps: [TallyStep] = []
        var selected = instance.freeProjects
        if instance.voterCount > 0 {
            let start: Parameters
            switch rule {
            case .equalSharesAdd1, .equalSharesAdd1Comparison:
                let (kept, increments) = Add1.search(instance, budget: budget, increment: options.increment)
                start = kept
                if !kept.isEmpty {
                    steps.append(.equalSharesBudget(perVoter: Rational(kept.start, kept.scale), increments: increments))
                }
            default:
                start = Parameters(start: BigInt(budget), slope: .zero, scale: BigInt(instance.voterCount))
            }
            if !start.isEmpty {
                let engine = EqualSharesEngine(instance, start: start.start, scale: start.scale, explain: options.explainRounds)
                engine.run()
                // Without free projects the engine's array is the outcome as it is, not a copy.
                selected = selected.isEmpty ? engine.selected : selected + engine.selected
                steps += engine.rounds.map(TallyStep.equalSharesRound)
            }
        }
        if rule == .equalSharesComparison || rule == .equalSharesAdd1Comparison {
            let greedy = Greedy.run(election, misfit: .skip, threshold: nil, options: options, rule: .greedy)
            let (forEqualShares, forGreedy) = preferences(election, selected, greedy.selected)
            steps.append(.comparison(prefersEqualShares: forEqualShares, prefersGreedy: forGreedy, keptGreedy: forGreedy > forEqualShares))
            if forGreedy > forEqualShares {
                selected = greedy.selected
                steps += greedy.steps
            }
        }
        let scores = options.officialScores ?? election.scores()
        var spent = selected.reduce(Money.zero) { $0 + election.projects[$1].cost }
        if options.completion == .greedy {
            let funded = Set(selected)
            for project in Greedy.rankedOrder(scores: scores, priorities: instance.priority) {
                let cost = election.projects[project].cost
                guard !funded.contains(project), !election.projects[project].isWithdrawn, spent + cost <= election.budget else { continue }
                spent += cost
                selected.append(project)
                steps.append(.completedGreedily(project: project, score: scores[project], cost: cost, budgetLeft: election.budget - spent))
            }
        }
        var statuses = election.projects.map { $0.isWithdrawn ? ProjectStatus.withdrawn : .notSelected }
        for project in selected { statuses[project] = .selected }
        return TallyResult(
            rule: rule, tieBreaking: options.tieBreaking, budget: election.budget, selected: selected,
            scores: scores, statuses: statuses, steps: steps, ties: [], spent: spent
        )
    }

    /// How many voters have more approved projects funded by each outcome.
    static func preferences(_ election: Election, _ first: [Int], _ second: [Int]) -> (first: Int, second: Int) {
        var inFirst = [Bool](repeating: false, count: election.projects.count)
        var inSecond = inFirst
        for project in first { inFirst[project] = true }
        for project in second { inSecond[project] = true }
        var counts = (first: 0, second: 0)
        for ballot in election.ballots {
            var balance = 0
            for project in ballot.projects {
                if inFirst[project] { balance += 1 }
                if inSecond[project] { balance -= 1 }
            }
            if balance > 0 { counts.first += 1 } else if balance < 0 { counts.second += 1 }
        }
        return counts
    }

    /// A per-voter budget `start / scale`, rising by `slope / scale` per increment.
    struct Parameters {
        var start: BigInt
        var slope: BigInt
        var scale: BigInt

        /// No count at all: the outcome is only the free projects.
        static let empty = Parameters(start: .zero, slope: .zero, scale: .zero)
        var isEmpty: Bool { scale.isZero }

        /// The parameters `steps` increments further on.
        func advanced(by steps: Int64) -> Parameters {
            Parameters(start: start + slope * steps, slope: slope, scale: scale)
        }
    }
}
