import Testing
import WiecTally
import WiecTestSupport

/// The greedy family on small elections whose outcome can be worked out by hand.
struct GreedyTests {
    /// Four projects; approvals give scores A 4, B 3, C 2, D 1.
    static func election(budget: Int64, costs: [Int64] = [50, 40, 30, 10], threshold: Int64? = nil) -> Election {
        let projects = zip(["A", "B", "C", "D"], costs).map { Project(id: $0, cost: Money(units: $1)) }
        let ballots = [[0, 1, 2, 3], [0, 1, 2], [0, 1], [0]].map { Ballot(projects: $0) }
        return Election(projects: projects, ballots: ballots, budget: Money(units: budget), voteType: .approval, minProjectScoreThreshold: threshold)
    }

    func ids(_ result: TallyResult, _ election: Election) -> [String] {
        result.selected.map { election.projects[$0].id }
    }

    @Test func greedySkipsWhatDoesNotFit() throws {
        let election = Self.election(budget: 95)
        let result = try Tally.run(election, rule: .greedy)
        #expect(ids(result, election) == ["A", "B"])
        #expect(result.statuses == [.selected, .selected, .skipped, .skipped])
        #expect(result.spent == Money(units: 90))
        #expect(result.left == Money(units: 5))

        let cheaper = Self.election(budget: 95, costs: [50, 60, 30, 10])
        let skipping = try Tally.run(cheaper, rule: .greedy)
        #expect(ids(skipping, cheaper) == ["A", "C", "D"])
        #expect(skipping.steps[1] == .skipped(project: 1, score: 3, cost: Money(units: 60), budgetLeft: Money(units: 45)))
    }

    @Test func greedyNoSkipStopsAtTheFirstMisfit() throws {
        let election = Self.election(budget: 95, costs: [50, 60, 30, 10])
        let result = try Tally.run(election, rule: .greedyNoSkip)
        #expect(ids(result, election) == ["A"])
        #expect(result.statuses == [.selected, .skipped, .notReached, .notReached])
    }

    @Test func withdrawnProjectsNeitherWinNorStopTheCount() throws {
        var election = Self.election(budget: 95, costs: [50, 40, 30, 10])
        election.projects[1].isWithdrawn = true
        let result = try Tally.run(election, rule: .greedyNoSkip)
        #expect(ids(result, election) == ["A", "C", "D"])
        #expect(result.statuses[1] == .withdrawn)
    }

    @Test func thresholdIsInclusive() throws {
        let election = Self.election(budget: 1000, threshold: 2)
        let result = try Tally.run(election, rule: .greedyThreshold)
        #expect(ids(result, election) == ["A", "B", "C"])
        #expect(result.statuses[3] == .belowThreshold)
        #expect(result.steps.last == .belowThreshold(project: 3, score: 1, threshold: 2))
    }

    @Test func officialScoresRankInsteadOfBallots() throws {
        let election = Self.election(budget: 50, costs: [50, 50, 50, 50])
        let result = try Tally.run(election, rule: .greedy, options: TallyOptions(officialScores: [1, 9, 2, 3]))
        #expect(ids(result, election) == ["B"])
        #expect(result.scores == [1, 9, 2, 3])
    }

    @Test func neverOverBudgetOnRandomElections() throws {
        var generator = SeededGenerator(state: 7)
        for _ in 0..<300 {
            let projectCount = Int(generator.next() % 8) + 1
            let projects = (0..<projectCount).map { Project(id: "p\($0)", cost: Money(minorUnits: Int64(generator.next() % 10_000) + 1)) }
            let ballots = (0..<Int(generator.next() % 20)).map { _ in
                Ballot(projects: (0..<projectCount).filter { _ in generator.next() % 2 == 0 })
            }
            let election = Election(projects: projects, ballots: ballots, budget: Money(minorUnits: Int64(generator.next() % 20_000)), voteType: .approval)
            for rule in [Rule.greedy, .greedyNoSkip, .greedyThreshold] {
                let result = try Tally.run(election, rule: rule)
                let cost = result.selected.reduce(Money.zero) { $0 + projects[$1].cost }
                #expect(cost == result.spent)
                #expect(cost <= election.budget)
                // Reversing the ballots never changes the outcome.
                var reversed = election
                reversed.ballots.reverse()
                #expect(try Tally.run(reversed, rule: rule).selected == result.selected)
            }
        }
    }

    @Test func scoresForEveryVoteType() {
        let projects = ["A", "B", "C"].map { Project(id: $0, cost: Money(units: 1)) }
        let ranked = [Ballot(projects: [2, 0, 1]), Ballot(projects: [0])]
        #expect(Election(projects: projects, ballots: ranked, budget: .zero, voteType: .ordinal).scores() == [2 + 1, 1, 3])
        let points = [Ballot(projects: [0, 2], points: [3, 7]), Ballot(projects: [2], points: [10])]
        #expect(Election(projects: projects, ballots: points, budget: .zero, voteType: .cumulative).scores() == [3, 0, 17])
        #expect(Election(projects: projects, ballots: points, budget: .zero, voteType: .cumulative).supporterCounts() == [1, 0, 2])
        let single = [Ballot(projects: [1]), Ballot(projects: [1]), Ballot(projects: [0])]
        #expect(Election(projects: projects, ballots: single, budget: .zero, voteType: .chooseOne).scores() == [1, 2, 0])
    }
}
