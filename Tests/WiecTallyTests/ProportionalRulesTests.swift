import Testing
import WiecTally

/// Small elections worked out by hand for Equal Shares, its completions and Phragmén.
struct ProportionalRulesTests {
    /// Budget 100; six voters. A (60) is wanted by voters 0-3, B (40) by 4-5, C (30) by 0-3.
    static let election = Election(
        projects: [Project(id: "A", cost: Money(units: 60)), Project(id: "B", cost: Money(units: 40)), Project(id: "C", cost: Money(units: 30))],
        ballots: [[0, 2], [0, 2], [0, 2], [0, 2], [1], [1]].map { Ballot(projects: $0) },
        budget: Money(units: 100), voteType: .approval
    )

    func ids(_ result: TallyResult) -> [String] { result.selected.map { Self.election.projects[$0].id } }

    @Test func rulesAreNamedAsInPabulib() throws {
        #expect(try Rule(pabulibName: "equalshares") == .equalShares)
        #expect(try Rule(pabulibName: "equalshares/add1") == .equalSharesAdd1)
        #expect(try Rule(pabulibName: "equalshares/add1-comparison") == .equalSharesAdd1Comparison)
        #expect(try Rule(pabulibName: "phragmen") == .phragmen)
    }

    /// Each voter has 100/6. The four A/C voters have 66.67: A costs them 15 each and C 7.5
    /// each, both ρ = 1/4 of the cost: a tie, which the file order gives to A. B's two voters
    /// have 33.33 < 40, so B is never affordable; after A the four have 1.67 each, too little for C.
    @Test func equalSharesBuysWhatGroupsCanAfford() throws {
        let result = try Tally.run(Self.election, rule: .equalShares)
        #expect(ids(result) == ["A"])
        guard case .equalSharesRound(let round) = result.steps.first else {
            Issue.record("no round explained")
            return
        }
        #expect(round.rho == Rational(BigInt(1), BigInt(4)))
        #expect(round.payers == 4)
        #expect(round.exhaustedPayers == 0)
        #expect(round.tiedWith == [2])
        #expect(Set(round.becameUnaffordable) == [1, 2])
        #expect(result.spent == Money(units: 60))
    }

    /// Raising each voter's money to 17, 18, … the B group reaches 40 at 20 each: then A (60) and
    /// B (40) are bought, 100 in all. At 23 the A voters keep 8 each after A, enough for C:
    /// A + C + B = 130 > 100, so the official count keeps A, B (found at 20, 21, 22). pabutools
    /// stops earlier, at the first exhaustive outcome, with the same projects.
    @Test func add1RaisesTheBudgetWhileTheOutcomeFits() throws {
        let official = try Tally.run(Self.election, rule: .equalSharesAdd1)
        #expect(Set(ids(official)) == ["A", "B"])
        #expect(official.spent == Money(units: 100))
        let pabutools = try Tally.run(Self.election, rule: .equalSharesAdd1, options: TallyOptions(increment: .pabutools))
        #expect(Set(ids(pabutools)) == ["A", "B"])
    }

    /// Budget 1,000,000 for three voters: X (900,000) is wanted by voter 0 alone, Y (30) by
    /// voters 1 and 2. Y is bought at once; X only when voter 0 has 900,000, some 566,667
    /// units per voter later, and X + Y fit the budget. Counting every unit would take half a
    /// million counts; the search must leap over the units where nothing changes and still stop
    /// at the same outcome, for both stopping rules.
    @Test func add1LeapsOverLongRunsOfUnchangedOutcomes() throws {
        let election = Election(
            projects: [Project(id: "X", cost: Money(units: 900_000)), Project(id: "Y", cost: Money(units: 30))],
            ballots: [[0], [1], [1]].map { Ballot(projects: $0) },
            budget: Money(units: 1_000_000), voteType: .approval
        )
        for increment in EqualSharesIncrement.allCases {
            let result = try Tally.run(election, rule: .equalSharesAdd1, options: TallyOptions(increment: increment))
            #expect(result.selected.map { election.projects[$0].id } == ["Y", "X"], "\(increment)")
            let perVoter = result.steps.compactMap { step -> Rational? in
                if case .equalSharesBudget(let perVoter, _) = step { perVoter } else { nil }
            }
            #expect(perVoter.count == 1 && perVoter[0] >= Rational(90_000_000), "\(increment): \(perVoter)")
        }
    }

    /// Twenty voters with 10 each give A (193) points 1, 4, 16, …, 4^19: at every trial price
    /// only the next heaviest supporter turns out unable to pay ρ × points, so finding A's price
    /// takes over a dozen rounds of newly poor supporters (the engine's ordered walk takes over
    /// after eight). Nineteen pay all they have, the lightest supporter the 3 left; the count
    /// agrees with the per-voter reference.
    @Test func equalSharesPriceNeedsManyRoundsOfNewlyPoorSupporters() throws {
        let voters = 20
        let election = Election(
            projects: [Project(id: "A", cost: Money(units: 193))],
            ballots: (0..<voters).map { Ballot(projects: [0], points: [Int64(1) << (2 * $0)]) },
            budget: Money(units: 200), voteType: .cumulative
        )
        let result = try Tally.run(election, rule: .equalShares, options: TallyOptions(tieBreaking: .lexicographic))
        let reference = NaiveEqualShares(election, utility: .cost, priority: TieBreaking.lexicographic.priorities(in: election))
        #expect(reference.violations.isEmpty)
        #expect(result.selected == reference.selected)
        guard case .equalSharesRound(let round) = result.steps.first else {
            Issue.record("no round explained")
            return
        }
        let exhausted = reference.paid.filter { $0 == reference.money }
        #expect(round.project == 0 && round.payers == voters)
        #expect(round.exhaustedPayers == 19 && exhausted.count == 19)
        #expect(round.exhaustedPaid == Rational(BigInt(19 * 1_000), .one))
    }

    @Test func greedyCompletionFillsWhatIsLeft() throws {
        let result = try Tally.run(Self.election, rule: .equalShares, options: TallyOptions(completion: .greedy))
        #expect(ids(result) == ["A", "C"])
        #expect(result.steps.last == .completedGreedily(project: 2, score: 4, cost: Money(units: 30), budgetLeft: Money(units: 10)))
    }

    /// Phragmén (loads in grosze): C first, 3000/4 = 750 each; then B at 4000/2 = 2000 beats A
    /// at (4·750 + 6000)/4 = 2250; then A would cost 130 in all: stop.
    @Test func phragmenSpreadsLoads() throws {
        let result = try Tally.run(Self.election, rule: .phragmen)
        #expect(ids(result) == ["C", "B"])
        let loads = result.steps.compactMap { step -> Rational? in
            if case .phragmenRound(_, let load, _) = step { load } else { nil }
        }
        #expect(loads == [Rational(750), Rational(2000)])
        #expect(throws: TallyError.self) {
            try Tally.run(Election(projects: Self.election.projects, ballots: [], budget: Money(units: 1), voteType: .cumulative), rule: .phragmen)
        }
    }

    @Test func ordinalBallotsHaveNoEqualShares() {
        let ordinal = Election(projects: Self.election.projects, ballots: [Ballot(projects: [0, 1])], budget: Money(units: 100), voteType: .ordinal)
        #expect(throws: TallyError.voteTypeNotSupported(rule: "equalshares", voteType: .ordinal)) {
            try Tally.run(ordinal, rule: .equalShares)
        }
    }
}
