import Testing
import WiecTally

/// Ties are broken by the named rule, and reported.
struct TieBreakingTests {
    /// Three projects tied on score 1, one leading with 2.
    static let election = Election(
        projects: [
            Project(id: "9", cost: Money(units: 20)),
            Project(id: "10", cost: Money(units: 30)),
            Project(id: "B", cost: Money(units: 20)),
            Project(id: "A", cost: Money(units: 40)),
        ],
        ballots: [Ballot(projects: [0, 1, 3]), Ballot(projects: [2, 3])],
        budget: Money(units: 70),
        voteType: .approval
    )

    @Test(arguments: [
        (TieBreaking.fileOrder, ["A", "9"], ["9", "10", "B"]),
        (.cost, ["A", "9"], ["9", "B", "10"]),
        (.lexicographic, ["A", "10"], ["10", "9", "B"]),
    ])
    func orderOfTiedProjects(rule: TieBreaking, selected: [String], tieOrder: [String]) throws {
        let result = try Tally.run(Self.election, rule: .greedy, options: TallyOptions(tieBreaking: rule))
        #expect(result.selected.map { Self.election.projects[$0].id } == selected)
        #expect(result.tieBreaking == rule)
        #expect(result.ties.count == 1)
        #expect(result.ties.first?.projects.map { Self.election.projects[$0].id } == tieOrder)
        #expect(result.ties.first?.score == 1)
    }

    @Test func lotteryIsSeededAndReproducible() throws {
        let first = TieBreaking.costVotesLottery(seed: "BO-2027").priorities(in: Self.election)
        #expect(first == TieBreaking.costVotesLottery(seed: "BO-2027").priorities(in: Self.election))
        // Lower cost wins before the lottery is consulted.
        #expect(first[1] > first[0] && first[1] > first[2])
        // Different seeds decide the 9-vs-B tie (equal cost and supporters) independently of file order.
        let outcomes = Set((0..<32).map { seed in
            let p = TieBreaking.costVotesLottery(seed: "seed-\(seed)").priorities(in: Self.election)
            return p[0] < p[2]
        })
        #expect(outcomes == [true, false])
    }

    /// Lexicographic priorities follow the ids' UTF-8 bytes in full, then file order: also for
    /// ids that share their first eight bytes, begin one another, repeat or go beyond ASCII.
    @Test func lexicographicPrioritiesCompareWholeIds() {
        let ids = ["project-10", "project-1", "project-100", "", "project-1", "b", "a\u{0}", "a", "zażółć", "zaż", "project-09", "Z"]
        let election = Election(
            projects: ids.map { Project(id: $0, cost: Money(units: 1)) }, ballots: [], budget: Money(units: 1), voteType: .approval
        )
        let expected = ids.indices.sorted { a, b in
            ids[a].utf8.lexicographicallyPrecedes(ids[b].utf8) || (ids[a] == ids[b] && a < b)
        }
        let priorities = TieBreaking.lexicographic.priorities(in: election)
        #expect(ids.indices.sorted { priorities[$0] < priorities[$1] } == expected)
    }

    @Test func namesRoundTrip() {
        for rule in [TieBreaking.fileOrder, .cost, .lexicographic, .costVotesLottery(seed: "x:y")] {
            #expect(TieBreaking(name: rule.name) == rule)
        }
        #expect(TieBreaking(name: "random") == nil)
        #expect(TieBreaking(name: "cost-votes-lottery:") == nil)
    }
}
