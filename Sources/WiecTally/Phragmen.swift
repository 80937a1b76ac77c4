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
        let projects = election.projects
        let budget = election.budget.minorUnits
        var remaining: [Int] = []
        remaining.reserveCapacity(projects.count)
        for (index, project) in projects.enumerated() where !project.isWithdrawn && project.cost.minorUnits <= budget {
            guard project.cost.minorUnits >= 0 else {
                throw .ruleNotApplicable(Rule.phragmen.rawValue, reason: "project \(project.id) has a negative cost")
            }
            remaining.append(index)
        }
        let approvals = PhragmenApprovals(election, candidates: remaining)
        let scores = approvals.scores
        let loads = PhragmenLoads(approvals: approvals, projects: projects, purchases: remaining.count { scores[$0] > 0 })
        var priority: [Int] = []
        var spent: Int64 = 0
        var selected: [Int] = []
        selected.reserveCapacity(remaining.count)
        var steps: [TallyStep] = []
        var ties: [Tie] = []
        var best: [Int] = []
        while !remaining.isEmpty {
            // The least new load, and how many projects share it; the tied ones are listed
            // (in the order of `remaining`, then by priority) only when there are several.
            var winnerPosition = 0, tied = 1
            for index in 1..<remaining.count {
                let order = loads.compare(remaining[index], remaining[winnerPosition])
                if order < 0 {
                    winnerPosition = index
                    tied = 1
                } else if order == 0 {
                    tied += 1
                }
            }
            if tied > 1 {
                let least = remaining[winnerPosition]
                best = remaining.filter { loads.compare($0, least) == 0 }
                if priority.isEmpty { priority = options.tieBreaking.priorities(in: election) }
                best.sort { priority[$0] < priority[$1] }
                winnerPosition = remaining.firstIndex(of: best[0])!
            }
            let winner = remaining[winnerPosition]
            let tooDear = tied > 1 ? best.first(where: { projects[$0].cost.minorUnits > budget - spent })
                                   : (projects[winner].cost.minorUnits > budget - spent ? winner : nil)
            if let tooDear {
                steps.append(.skipped(project: tooDear, score: scores[tooDear], cost: projects[tooDear].cost,
                                      budgetLeft: Money(minorUnits: budget - spent)))
                break
            }
            if tied > 1 { ties.append(Tie(projects: best, score: scores[winner])) }
            remaining.swapAt(winnerPosition, remaining.count - 1)
            remaining.removeLast()
            selected.append(winner)
            spent += projects[winner].cost.minorUnits
            guard scores[winner] > 0 else {
                steps.append(.phragmenRound(project: winner, load: Rational(0), supporters: 0))
                continue
            }
            loads.buy(winner, remaining: remaining)
            if options.explainRounds {
                steps.append(.phragmenRound(project: winner, load: loads.lastLoad, supporters: Int(scores[winner])))
            }
        }
        var statuses = projects.map { $0.isWithdrawn ? ProjectStatus.withdrawn : .notSelected }
        for project in selected { statuses[project] = .selected }
        return TallyResult(
            rule: .phragmen, tieBreaking: options.tieBreaking, budget: election.budget, selected: selected,
            scores: scores, statuses: statuses, steps: steps, ties: ties, spent: Money(minorUnits: spent)
        )
    }
}
