import Testing
import WiecCore
import WiecTally

/// Exclusion groups and the top-up as pool settings, and published ballots recorded as counted
/// while entry stays strict.
struct PoolRulesTests {
    typealias F = EditionFixture

    /// Scores B 3, A 2, C 2 (A before C in the pool's order).
    private func voted(rule: String = "greedy", groups: [PoolExclusionGroup] = []) throws -> EditionFixture {
        var f = try F.voting(rule: rule, exclusionGroups: groups)
        for (voter, projects) in [("v1", ["A", "C"]), ("v2", ["A"]), ("v3", ["B", "C"]), ("v4", ["B"]), ("v5", ["B"])] {
            try f.run(F.ballot("b-\(voter)", voter, projects), by: F.voter(voter))
        }
        try f.run(.advancePhase(to: .closed), by: F.official)
        return f
    }

    @Test func anExclusionGroupChangesThePath() throws {
        #expect(try voted().state.tally("osiedle").selected == ["B", "C"])
        let grouped = try voted(groups: [PoolExclusionGroup(projects: ["B", "C"], atMost: 1)])
        #expect(try grouped.state.tally("osiedle").selected == ["B"])
        #expect(try grouped.state.election(for: "osiedle").exclusionGroups == [ExclusionGroup(projects: [1, 2], limit: 1)])
    }

    @Test func aPoolMayUsePoznansTopUp() throws {
        // B leaves 40 000 zł, exactly 80% of A's 50 000: A is funded from reserve funds.
        let result = try voted(rule: "greedy-no-skip --top-up 80%").state.tally("osiedle")
        #expect(result.rule == "greedy-no-skip --top-up 80%")
        #expect(result.selected == ["B", "A"])
        #expect(result.spent == Money(units: 110_000))
        #expect(try voted(rule: "greedy-no-skip").state.tally("osiedle").selected == ["B"])
    }

    @Test(arguments: [
        ("greedy --top-up 80%", [PoolExclusionGroup]()),
        ("greedy-no-skip --top-up 120%", []),
        ("greedy", [PoolExclusionGroup(projects: ["A"])]),
        ("greedy", [PoolExclusionGroup(projects: ["A", "B"], atMost: 2)]),
        ("greedy", [PoolExclusionGroup(projects: ["A", "A", "B"])]),
    ])
    func badPoolSettingsAreRefused(rule: String, groups: [PoolExclusionGroup]) throws {
        var f = EditionFixture()
        try f.run(.createEdition(name: "BO"), by: F.official)
        let pool = PoolConfig(id: "p", name: "P", budget: Money(units: 100), voteType: .approval, rule: rule, exclusionGroups: groups)
        #expect(f.refusal(.addPool(pool), by: F.official) == .invalidValue)
    }

    /// A ballot over `max_length`: refused at entry, recorded as counted by an import of
    /// published data, with what it breaks.
    @Test func publishedBallotsAreRecordedEntryStaysStrict() throws {
        var f = try F.voting()
        #expect(f.refusal(F.ballot("b1", "v1", ["A", "B", "C"]), by: F.voter("v1")) == .ballotTooLong)
        let breaks = ["line 20: vote: the ballot names 3 projects, more than max_length 2"]
        func record(_ projects: [String], breaks: [String]) -> Command {
            .recordPublishedBallot(ballot: "b1", voter: "v1", pool: "osiedle", projects: projects, points: [], method: .internet, breaks: breaks)
        }
        #expect(f.refusal(record(["A", "B", "C"], breaks: breaks), by: F.voter("v1")) == .notAllowed)
        #expect(f.refusal(record(["A", "B", "C"], breaks: []), by: F.official) == .invalidValue)
        #expect(f.refusal(record(["A", "A"], breaks: breaks), by: F.official) == .duplicateProject)
        #expect(f.refusal(record(["A", "X"], breaks: breaks), by: F.official) == .unknownProject)
        let events = try f.run(record(["A", "B", "C"], breaks: breaks), by: F.official)
        #expect(events == [
            .ballotCast(ballot: "b1", voter: "v1", pool: "osiedle", projects: ["A", "B", "C"], points: [], method: .internet),
            .publishedBallotRecorded(ballot: "b1", breaks: breaks),
        ])
        #expect(f.refusal(F.ballot("b2", "v1", ["A"]), by: F.voter("v1")) == .alreadyVoted)
        try f.run(.advancePhase(to: .closed), by: F.official)
        #expect(try f.state.tally("osiedle").scores == [1, 1, 1])
        #expect(Edition.fold(f.events, into: EditionState(id: f.state.id)) == f.state)
    }
}
