/// Sequential Phragmén for approval ballots, as pabutools 1.2.3 counts it.
///
/// Every voter carries a load, 0 at the start. Buying a project spreads its cost and its
/// supporters' loads evenly over them: their new common load is (their loads + cost) ÷ their
/// number. Each round buys the project with the least new load; the count stops as soon as one
/// of the projects tied for the least load no longer fits the budget. Loads are exact
/// (``PhragmenLoads``: integers over one common denominator in fixed-width limbs).
enum Phragmen {
    static func run(_ election: Election, options: TallyOptions) throws(TallyError) -> TallyResult {
        guard election.voteType == .approval || election.voteType == .chooseOne else {
            throw .voteTypeNotSupported(rule: Rule.phragmen.rawValue, voteType: election.voteType)
        }
        let costs = election.projects.map(\.cost.minorUnits)
        let budget = election.budget.minorUnits
        var remaining: [Int] = []
        for (index, project) in election.projects.enumerated() where !project.isWithdrawn && costs[index] <= budget {
            guard costs[index] >= 0 else {
                throw .ruleNotApplicable(Rule.phragmen.rawValue, reason: "project \(project.id) has a negative cost")
            }
            remaining.append(index)
        }
        let approvals = PhragmenApprovals(election, candidates: remaining)
        let scores = approvals.scores
        let loads = PhragmenLoads(approvals: approvals, costs: costs, purchases: remaining.count { scores[$0] > 0 })
        var priority: [Int] = []
        var spent: Int64 = 0
        var selected: [Int] = []
        var steps: [TallyStep] = []
        var ties: [Tie] = []
        var best: [Int] = []
        best.reserveCapacity(remaining.count)
        while !remaining.isEmpty {
            best.removeAll(keepingCapacity: true)
            best.append(remaining[0])
            for index in 1..<remaining.count {
                let project = remaining[index]
                let order = loads.compare(project, best[0])
                if order < 0 {
                    best.removeAll(keepingCapacity: true)
                    best.append(project)
                } else if order == 0 {
                    best.append(project)
                }
            }
            if best.count > 1 {
                if priority.isEmpty { priority = options.tieBreaking.priorities(in: election) }
                best.sort { priority[$0] < priority[$1] }
            }
            if let tooDear = best.first(where: { costs[$0] > budget - spent }) {
                steps.append(.skipped(project: tooDear, score: scores[tooDear], cost: election.projects[tooDear].cost,
                                      budgetLeft: Money(minorUnits: budget - spent)))
                break
            }
            let winner = best[0]
            if best.count > 1 { ties.append(Tie(projects: best, score: scores[winner])) }
            let position = remaining.firstIndex(of: winner)!
            remaining.swapAt(position, remaining.count - 1)
            remaining.removeLast()
            selected.append(winner)
            spent += costs[winner]
            guard scores[winner] > 0 else {
                steps.append(.phragmenRound(project: winner, load: Rational(0), supporters: 0))
                continue
            }
            loads.buy(winner, remaining: remaining)
            if options.explainRounds {
                steps.append(.phragmenRound(project: winner, load: loads.lastLoad, supporters: Int(scores[winner])))
            }
        }
        var statuses = election.projects.map { $0.isWithdrawn ? ProjectStatus.withdrawn : .notSelected }
        for project in selected { statuses[project] = .selected }
        return TallyResult(
            rule: .phragmen, tieBreaking: options.tieBreaking, budget: election.budget, selected: selected,
            scores: scores, statuses: statuses, steps: steps, ties: ties, spent: Money(minorUnits: spent)
        )
    }
}
