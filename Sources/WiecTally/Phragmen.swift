/// Sequential Phragmén for approval ballots, as pabutools 1.2.3 counts it.
///
/// Every voter carries a load, 0 at the start. Buying a project spreads its cost and its
/// supporters' loads evenly over them: their new common load is (their loads + cost) ÷ their
/// number. Each round buys the project with the least new load; the count stops as soon as one
/// of the projects tied for the least load no longer fits the budget. Loads are integers over one
/// common denominator, so the count is exact without reducing fractions.
enum Phragmen {
    static func run(_ election: Election, options: TallyOptions) throws(TallyError) -> TallyResult {
        guard election.voteType == .approval || election.voteType == .chooseOne else {
            throw .voteTypeNotSupported(rule: Rule.phragmen.rawValue, voteType: election.voteType)
        }
        let projects = election.projects.count
        let priority = options.tieBreaking.priorities(in: election)
        let scores = election.scores()
        let costs = election.projects.map(\.cost.minorUnits)
        let budget = election.budget.minorUnits
        var remaining = (0..<projects).filter { !election.projects[$0].isWithdrawn && costs[$0] <= budget }
        var supporters = [[Int32]](repeating: [], count: projects)
        for (voter, ballot) in election.ballots.enumerated() {
            for project in ballot.projects { supporters[project].append(Int32(voter)) }
        }
        // Loads: voter → class, class → load numerator; per project the sum of its supporters' loads.
        var scale = BigInt.one
        var classLoad: [BigInt] = [.zero]
        var classOf = [Int32](repeating: 0, count: election.ballots.count)
        var loadSum = [BigInt](repeating: .zero, count: projects)
        var spent: Int64 = 0
        var selected: [Int] = []
        var steps: [TallyStep] = []
        var ties: [Tie] = []
        while !remaining.isEmpty {
            // New load of project p: (loadSum[p] + cost·scale) / scores[p]; no supporters: infinite.
            func newLoad(_ p: Int) -> BigInt { loadSum[p] + scale * costs[p] }
            func less(_ a: Int, _ b: Int) -> Int {
                if scores[a] == 0 || scores[b] == 0 { return scores[a] == scores[b] ? 0 : (scores[a] == 0 ? 1 : -1) }
                return (newLoad(a) * scores[b] - newLoad(b) * scores[a]).signum
            }
            var best = [remaining[0]]
            for project in remaining.dropFirst() {
                let order = less(project, best[0])
                if order < 0 { best = [project] } else if order == 0 { best.append(project) }
            }
            best.sort { priority[$0] < priority[$1] }
            if let tooDear = best.first(where: { spent + costs[$0] > budget }) {
                steps.append(.skipped(project: tooDear, score: scores[tooDear], cost: election.projects[tooDear].cost,
                                      budgetLeft: Money(minorUnits: budget - spent)))
                break
            }
            let winner = best[0]
            if best.count > 1 { ties.append(Tie(projects: best, score: scores[winner])) }
            remaining.removeAll { $0 == winner }
            selected.append(winner)
            spent += costs[winner]
            guard scores[winner] > 0 else {
                steps.append(.phragmenRound(project: winner, load: Rational(0), supporters: 0))
                continue
            }
            // Rescale so the new load is an integer: scale × supporters.
            let factor = scores[winner]
            let load = newLoad(winner)
            if options.explainRounds {
                steps.append(.phragmenRound(project: winner, load: Rational(load, scale * factor), supporters: Int(factor)))
            }
            scale *= factor
            for index in classLoad.indices { classLoad[index].multiply(by: factor) }
            for project in remaining { loadSum[project].multiply(by: factor) }
            // Count, per old load class, how many of the winner's supporters back each project.
            let classes = classLoad.count
            var moved = [Int64](repeating: 0, count: classes * projects)
            classLoad.append(load)
            for voter in supporters[winner] {
                let old = Int(classOf[Int(voter)])
                classOf[Int(voter)] = Int32(classes)
                for project in election.ballots[Int(voter)].projects { moved[old * projects + project] += 1 }
            }
            for old in 0..<classes {
                let change = load - classLoad[old]
                for project in remaining where moved[old * projects + project] > 0 {
                    loadSum[project].add(change, times: moved[old * projects + project])
                }
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
