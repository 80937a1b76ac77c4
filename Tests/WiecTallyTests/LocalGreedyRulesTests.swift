import Testing
import WiecTally

/// Poznań's top-up, exclusion groups and a stated threshold, on elections worked out by hand.
struct LocalGreedyRulesTests {
    /// Projects by descending approvals, in grosze: A 5 votes, B 4, C 3.
    private func election(budget: Int64, costs: [Int64], groups: [ExclusionGroup] = [], threshold: Int64? = nil) -> Election {
        let projects = zip(["A", "B", "C", "D"], costs).map { Project(id: $0, cost: Money(minorUnits: $1)) }
        let ballots = [[0, 1, 2, 3], [0, 1, 2], [0, 1, 2], [0, 1], [0]].map { Ballot(projects: Array($0.prefix(projects.count))) }
        return Election(
            projects: projects, ballots: ballots, budget: Money(minorUnits: budget), voteType: .approval,
            minProjectScoreThreshold: threshold, exclusionGroups: groups)
    }

    @Test func topUpFundsAtExactly80PercentNotAt79Point99() throws {
        let spec = try RuleSpec(name: "greedy-no-skip --top-up 80%")
        #expect(spec.description == "greedy-no-skip --top-up 80%")
        // 400 000,00 left of 1 000 000,00 is exactly 80% of B's 500 000,00.
        let exact = election(budget: 100_000_000, costs: [60_000_000, 50_000_000, 10_000_000])
        let funded = try Tally.run(exact, spec: spec)
        #expect(funded.selected == [0, 1])
        #expect(funded.statuses == [.selected, .selected, .notReached])
        #expect(funded.steps[1] == .toppedUp(project: 1, score: 4, cost: Money(minorUnits: 50_000_000), budgetLeft: Money(minorUnits: 40_000_000), topUp: spec.topUp!))
        #expect(funded.spent == Money(minorUnits: 110_000_000))
        #expect(funded.ruleName == "greedy-no-skip --top-up 80%")
        // 399 950,00 left is 79.99%: B is not funded and the count stops there.
        let short = election(budget: 100_000_000, costs: [60_005_000, 50_000_000, 10_000_000])
        let stopped = try Tally.run(short, spec: spec)
        #expect(stopped.selected == [0])
        #expect(stopped.statuses == [.selected, .skipped, .notReached])
        // The same election funds B under a top-up of 79.99%, and never without one.
        #expect(try Tally.run(short, spec: RuleSpec(name: "greedy-no-skip --top-up 79.99%")).selected == [0, 1])
        #expect(try Tally.run(short, rule: .greedyNoSkip).selected == [0])
    }

    @Test(arguments: ["greedy --top-up 80%", "greedy-no-skip --top-up 0%", "greedy-no-skip --top-up 100.5%", "greedy-no-skip --top-up 80", "greedy-no-skip --top-up .8%"])
    func malformedTopUpsAreUnknownRules(name: String) {
        #expect(throws: TallyError.unknownRule(name)) { try RuleSpec(name: name) }
    }

    @Test func topUpOnlyWithTheNoSkipRule() {
        #expect(throws: TallyError.self) {
            try Tally.run(election(budget: 100, costs: [50, 60, 10]), rule: .greedy, options: TallyOptions(topUp: TopUp(wholePercent: 80)))
        }
    }

    /// At most one of A and B: B is passed over, and the money goes to C and D instead.
    @Test func anExclusionGroupChangesTheGreedyPath() throws {
        let costs: [Int64] = [50, 40, 30, 10]
        let free = election(budget: 95, costs: costs)
        #expect(try Tally.run(free, rule: .greedy).selected == [0, 1])
        let grouped = election(budget: 95, costs: costs, groups: [ExclusionGroup(projects: [0, 1], limit: 1)])
        let result = try Tally.run(grouped, rule: .greedy)
        #expect(result.selected == [0, 2, 3])
        #expect(result.statuses == [.selected, .excluded, .selected, .selected])
        #expect(result.steps[1] == .excluded(project: 1, score: 4, group: 0))
        // The no-skip rule passes over an excluded project without stopping.
        #expect(try Tally.run(grouped, rule: .greedyNoSkip).selected == [0, 2, 3])
        #expect(try Tally.run(grouped, rule: .greedyExclusive).selected == [0, 2, 3])
        // Two of the three may be funded.
        let two = election(budget: 1000, costs: costs, groups: [ExclusionGroup(projects: [0, 1, 2], limit: 2)])
        #expect(try Tally.run(two, rule: .greedy).selected == [0, 1, 3])
    }

    @Test func groupsAreStatedOrTheRuleDoesNotApply() {
        #expect(throws: TallyError.self) { try Tally.run(election(budget: 95, costs: [50, 40]), rule: .greedyExclusive) }
        let grouped = election(budget: 95, costs: [50, 40], groups: [ExclusionGroup(projects: [0, 1])])
        #expect(throws: TallyError.self) { try Tally.run(grouped, rule: .equalShares) }
    }

    /// The threshold holds under every rule that states one, not only `greedy-threshold`.
    @Test(arguments: [Rule.greedy, .greedyNoSkip, .greedyThreshold, .equalShares, .phragmen])
    func aStatedThresholdAppliesWhateverTheRule(rule: Rule) throws {
        // Scores A 5, B 4, C 3: C is under the threshold of 4, though it would fit.
        let result = try Tally.run(election(budget: 1000, costs: [50, 40, 30], threshold: 4), rule: rule)
        #expect(Set(result.selected) == [0, 1])
        #expect(result.statuses[2] == .belowThreshold)
        #expect(Set(try Tally.run(election(budget: 1000, costs: [50, 40, 30]), rule: rule).selected) == [0, 1, 2])
    }
}
