import Testing
import WiecTally
import WiecTestSupport

/// Sequential Phragmén against a plain BigInt count of every voter's load, on elections whose
/// loads need many limbs (huge costs, many purchases) as well as on small ones full of ties.
struct PhragmenExactnessTests {
    /// The count written plainly: every voter's load over one common denominator, totals summed
    /// voter by voter each round.
    static func reference(_ election: Election, tieBreaking: TieBreaking) -> (selected: [Int], loads: [Rational], ties: [[Int]]) {
        let priority = tieBreaking.priorities(in: election)
        let costs = election.projects.map(\.cost.minorUnits)
        let budget = election.budget.minorUnits
        var supporters = [[Int]](repeating: [], count: election.projects.count)
        for (voter, ballot) in election.ballots.enumerated() {
            for project in ballot.projects { supporters[project].append(voter) }
        }
        var remaining = election.projects.indices.filter { !election.projects[$0].isWithdrawn && costs[$0] <= budget }
        var load = [BigInt](repeating: .zero, count: election.ballots.count)
        var scale = BigInt.one
        var spent: Int64 = 0
        var selected: [Int] = [], loads: [Rational] = [], ties: [[Int]] = []
        while !remaining.isEmpty {
            var total: [Int: BigInt] = [:]
            for project in remaining {
                total[project] = supporters[project].reduce(scale * costs[project]) { $0 + load[$1] }
            }
            func order(_ a: Int, _ b: Int) -> Int {
                let (na, nb) = (Int64(supporters[a].count), Int64(supporters[b].count))
                if na == 0 || nb == 0 { return na == nb ? 0 : (na == 0 ? 1 : -1) }
                return (total[a]! * nb - total[b]! * na).signum
            }
            let least = remaining.filter { candidate in remaining.allSatisfy { order(candidate, $0) <= 0 } }
                .sorted { priority[$0] < priority[$1] }
            if least.contains(where: { costs[$0] > budget - spent }) { break }
            let winner = least[0]
            if least.count > 1 { ties.append(least) }
            remaining.removeAll { $0 == winner }
            selected.append(winner)
            spent += costs[winner]
            let count = Int64(supporters[winner].count)
            guard count > 0 else {
                loads.append(Rational(0))
                continue
            }
            loads.append(Rational(total[winner]!, scale * count))
            scale *= count
            for voter in load.indices { load[voter] *= count }
            for voter in supporters[winner] { load[voter] = total[winner]! }
        }
        return (selected, loads, ties)
    }

    /// `projects` projects costing up to `maxCost` grosze, `voters` voters approving each with
    /// probability one half, and a budget of seven eighths of all costs.
    static func election(seed: UInt64, projects: Int, voters: Int, maxCost: Int64) -> Election {
        var rng = SeededGenerator(state: seed)
        let list = (0..<projects).map { Project(id: "P\($0)", cost: Money(minorUnits: Int64.random(in: 1...maxCost, using: &rng))) }
        let ballots = (0..<voters).map { _ in Ballot(projects: (0..<projects).filter { _ in Bool.random(using: &rng) }) }
        let total = list.reduce(Int64(0)) { $0 + $1.cost.minorUnits }
        return Election(projects: list, ballots: ballots, budget: Money(minorUnits: total / 8 * 7), voteType: .approval)
    }

    func expectSameCount(_ election: Election, tieBreaking: TieBreaking = .lexicographic) throws {
        let result = try Tally.run(election, rule: .phragmen, options: TallyOptions(tieBreaking: tieBreaking))
        let expected = Self.reference(election, tieBreaking: tieBreaking)
        #expect(result.selected == expected.selected)
        #expect(result.ties.map(\.projects) == expected.ties)
        let loads = result.steps.compactMap { step -> Rational? in
            if case .phragmenRound(_, let load, _) = step { load } else { nil }
        }
        #expect(loads == expected.loads)
    }

    /// Costs near 10¹⁷ grosze and about sixty purchases by ~100 supporters each: the common
    /// denominator passes 330 bits, so the limbs widen several times during the count.
    @Test(arguments: [UInt64(1), 2])
    func hugeLoadsMatchThePlainCount(seed: UInt64) throws {
        let election = Self.election(seed: seed, projects: 64, voters: 200, maxCost: 100_000_000_000_000_000)
        try expectSameCount(election)
        let result = try Tally.run(election, rule: .phragmen, options: TallyOptions(tieBreaking: .lexicographic))
        let denominator = result.selected.reduce(BigInt.one) { $0 * result.scores[$1] }
        #expect(denominator.description.count > 100)
    }

    /// Small elections with round costs tie often; ties and their order must match too.
    @Test(arguments: Array(UInt64(1)...200))
    func smallElectionsMatchThePlainCount(seed: UInt64) throws {
        try expectSameCount(Election.random(seed: seed, maxProjects: 8, maxVoters: 10))
        try expectSameCount(Election.random(seed: seed, maxProjects: 8, maxVoters: 10), tieBreaking: .fileOrder)
    }

    @Test func negativeCostsAreRefused() {
        let election = Election(projects: [Project(id: "A", cost: Money(minorUnits: -5))], ballots: [Ballot(projects: [0])],
                                budget: Money(units: 1), voteType: .approval)
        #expect(throws: TallyError.self) { try Tally.run(election, rule: .phragmen) }
    }
}
