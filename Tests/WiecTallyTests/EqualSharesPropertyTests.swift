import Testing
import WiecTally
import WiecTestSupport

extension Election {
    /// A small random election: approval (or cumulative) ballots, costs with grosze.
    static func random(seed: UInt64, voteType: VoteType = .approval, maxProjects: Int = 7, maxVoters: Int = 12) -> Election {
        var rng = SeededGenerator(state: seed)
        let projectCount = Int.random(in: 1...maxProjects, using: &rng)
        let projects = (0..<projectCount).map { index in
            Project(id: "P\(index)", cost: Money(minorUnits: Int64.random(in: 1...200, using: &rng) * 50))
        }
        let voterCount = Int.random(in: 1...maxVoters, using: &rng)
        let ballots = (0..<voterCount).map { _ in
            let chosen = (0..<projectCount).filter { _ in Bool.random(using: &rng) }
            let points = voteType == .cumulative ? chosen.map { _ in Int64.random(in: 1...5, using: &rng) } : []
            return Ballot(projects: chosen, points: points)
        }
        let total = projects.reduce(Int64(0)) { $0 + $1.cost.minorUnits }
        let budget = Money(minorUnits: Int64.random(in: (total / 4)...max(total / 4, total * 3 / 4), using: &rng))
        return Election(projects: projects, ballots: ballots, budget: budget, voteType: voteType)
    }
}

/// Properties of the proportional rules on many small random elections.
struct EqualSharesPropertyTests {
    static let seeds: [UInt64] = Array(1...150)

    func cost(_ selected: [Int], _ election: Election) -> Money {
        selected.reduce(Money.zero) { $0 + election.projects[$1].cost }
    }

    @Test(arguments: seeds)
    func equalSharesMatchesAPerVoterCountAndNobodyPaysMoreThanTheyHave(seed: UInt64) throws {
        for voteType in [VoteType.approval, .cumulative] {
            let election = Election.random(seed: seed, voteType: voteType)
            for utility in EqualSharesUtility.allCases {
                let options = TallyOptions(tieBreaking: .lexicographic, utility: utility)
                let result = try Tally.run(election, rule: .equalShares, options: options)
                let reference = NaiveEqualShares(election, utility: utility, priority: TieBreaking.lexicographic.priorities(in: election))
                #expect(reference.violations.isEmpty, "seed \(seed): \(reference.violations)")
                #expect(result.selected == reference.selected, "seed \(seed) \(voteType) \(utility)")
                #expect(result.spent <= election.budget, "seed \(seed): over budget")
                #expect(result.spent == cost(result.selected, election))
            }
        }
    }

    @Test(arguments: seeds)
    func add1NeverEndsOverBudgetAndAgreesWithCountingEveryIncrement(seed: UInt64) throws {
        let election = Election.random(seed: seed)
        for increment in EqualSharesIncrement.allCases {
            let options = TallyOptions(tieBreaking: .lexicographic, increment: increment)
            let result = try Tally.run(election, rule: .equalSharesAdd1, options: options)
            #expect(result.spent <= election.budget, "seed \(seed) \(increment): over budget")
            #expect(Set(result.selected) == Set(add1ByEveryIncrement(election, increment: increment)), "seed \(seed) \(increment)")
            let completed = try Tally.run(election, rule: .equalSharesAdd1, options: TallyOptions(tieBreaking: .lexicographic, completion: .greedy, increment: increment))
            #expect(completed.spent <= election.budget)
            #expect(Set(result.selected).isSubset(of: Set(completed.selected)))
        }
    }

    /// add1 the slow way: one naive count per currency unit, as the checker and pabutools do.
    func add1ByEveryIncrement(_ election: Election, increment: EqualSharesIncrement) -> [Int] {
        let priority = TieBreaking.lexicographic.priorities(in: election)
        let n = Int64(election.ballots.count)
        guard n > 0 else { return [] }
        let budget = election.budget.minorUnits
        let candidates = election.projects.indices.filter { p in election.ballots.contains { $0.projects.contains(p) } }
        func count(_ perVoter: Fraction) -> [Int] {
            NaiveEqualShares(election, utility: .cost, priority: priority, perVoter: perVoter).selected
        }
        func spent(_ selected: [Int]) -> Int64 { selected.reduce(0) { $0 + election.projects[$1].cost.minorUnits } }
        switch increment {
        case .official:
            var kept = count(Fraction(BigInt(budget), BigInt(n)))
            var units = budget / 100 / n + 1
            while true {
                let next = count(Fraction(BigInt(units * 100)))
                if spent(next) > budget { return kept }
                if next.count == candidates.count { return next }
                kept = next
                units += 1
            }
        case .pabutools:
            var previous: [Int] = []
            var step: Int64 = 0
            while true {
                let outcome = count(Fraction(BigInt(budget + 100 * n * step), BigInt(n)))
                if spent(outcome) > budget { return previous }
                let left = budget - spent(outcome)
                if !candidates.contains(where: { !outcome.contains($0) && election.projects[$0].cost.minorUnits <= left }) { return outcome }
                if outcome.count == candidates.count { return outcome }
                previous = outcome
                step += 1
            }
        }
    }

    @Test(arguments: seeds)
    func greedyAndEqualSharesAgreeWhenEveryoneApprovesEverything(seed: UInt64) throws {
        var election = Election.random(seed: seed)
        let everything = Array(election.projects.indices)
        election.ballots = election.ballots.map { _ in Ballot(projects: everything) }
        let options = TallyOptions(tieBreaking: .lexicographic, utility: .cost)
        let greedy = try Tally.run(election, rule: .greedy, options: options)
        let mes = try Tally.run(election, rule: .equalShares, options: options)
        #expect(Set(greedy.selected) == Set(mes.selected), "seed \(seed)")
    }

    @Test(arguments: seeds)
    func resultsDoNotDependOnTheOrderOfBallots(seed: UInt64) throws {
        let election = Election.random(seed: seed)
        var shuffled = election
        var rng = SeededGenerator(state: seed ^ 0xDEAD_BEEF)
        shuffled.ballots.shuffle(using: &rng)
        for rule in [Rule.equalShares, .equalSharesAdd1, .equalSharesAdd1Comparison, .phragmen] {
            let options = TallyOptions(tieBreaking: .lexicographic)
            let a = try Tally.run(election, rule: rule, options: options)
            let b = try Tally.run(shuffled, rule: rule, options: options)
            #expect(a.selected == b.selected, "seed \(seed) \(rule)")
        }
    }

    @Test(arguments: seeds)
    func phragmenStaysWithinBudget(seed: UInt64) throws {
        let election = Election.random(seed: seed)
        let result = try Tally.run(election, rule: .phragmen, options: TallyOptions(tieBreaking: .lexicographic))
        #expect(result.spent <= election.budget)
        #expect(result.spent == cost(result.selected, election))
    }
}
