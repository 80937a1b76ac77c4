import Testing
import WiecCore
import WiecTally

@Suite("An edition from draft to published, through decide and evolve")
struct EditionLifecycleTests {
    @Test("workshops, initiatives, proposals, support, reviews, an appeal, ballots, a void, results")
    func fullLifecycle() throws {
        var f = EditionFixture()
        let official = EditionFixture.official
        let resident = EditionFixture.resident
        let other = Actor(role: .resident, id: "mieszkaniec-2")
        try f.run(.createEdition(name: "BO Świecie 2027"), by: official)
        try f.run(.addPool(PoolConfig(
            id: "osiedle", name: "Osiedle", budget: Money(units: 100_000), voteType: .approval,
            limits: BallotLimits(maxLength: 3), supportListSize: 2)), by: official)
        try f.run(.recordWorkshop(Workshop(
            id: "w1", theme: "Zieleń", date: CalendarDay(year: 2027, month: 3, day: 12), place: "Biblioteka", facilitator: "moderator-1", participants: 14)), by: official)
        try f.run(.advancePhase(to: .submission), by: official)
        try f.run(.submitInitiative(id: "i1", workshop: "w1", title: "Więcej drzew", description: "Z warsztatu"), by: resident)
        for (id, cost) in [("park", 60_000), ("plac", 50_000), ("mural", 30_000)] {
            try f.run(.submitProposal(
                id: id, pool: "osiedle", title: id, description: "…", category: "zieleń", location: "ul. Polna",
                costEstimate: Money(units: Int64(cost)), initiative: id == "park" ? "i1" : nil), by: resident)
        }
        #expect(f.state.initiatives["i1"]?.proposals == ["park"])
        try f.run(.amendProposal(proposal: "park", title: "Park kieszonkowy", description: nil, costEstimate: nil), by: resident)
        for id in ["park", "plac", "mural"] {
            try f.run(.signSupport(proposal: id, signer: resident.id), by: resident)
            try f.run(.signSupport(proposal: id, signer: other.id), by: other)
        }
        try f.run(.advancePhase(to: .review), by: official)
        let reviewer = EditionFixture.reviewer
        for id in ["park", "plac", "mural"] {
            try f.run(.reviewProposal(proposal: id, stage: .formal, outcome: .positive, justification: "ok", reviewedCost: nil), by: reviewer)
        }
        try f.run(.reviewProposal(proposal: "park", stage: .merit, outcome: .positive, justification: "ok", reviewedCost: nil), by: reviewer)
        try f.run(.reviewProposal(proposal: "plac", stage: .merit, outcome: .negative, justification: "teren prywatny", reviewedCost: nil), by: reviewer)
        try f.run(.reviewProposal(proposal: "mural", stage: .merit, outcome: .positive, justification: "ok", reviewedCost: nil), by: reviewer)
        try f.run(.reviewProposal(proposal: "park", stage: .cost, outcome: .positive, justification: "wycena", reviewedCost: Money(units: 70_000)), by: reviewer)
        try f.run(.reviewProposal(proposal: "mural", stage: .cost, outcome: .positive, justification: "wycena", reviewedCost: Money(units: 30_000)), by: reviewer)
        try f.run(.advancePhase(to: .appeals), by: official)
        try f.run(.fileAppeal(appeal: "o1", proposal: "plac", stage: .merit, grounds: "teren jest gminny"), by: resident)
        try f.run(.decideAppeal(appeal: "o1", upheld: true, justification: "księga wieczysta potwierdza", reviewedCost: nil), by: EditionFixture.team)
        // The upheld merit appeal does not replace the cost review, which never happened.
        #expect(f.state.admittedProposals(in: "osiedle").map(\.id) == ["park", "mural"])
        try f.run(.advancePhase(to: .voting), by: official)
        for voter in ["v1", "v2", "v3"] { try f.run(.registerVoter(voter: voter), by: official) }
        try f.run(EditionFixture.ballot("b1", "v1", ["park", "mural"]), by: EditionFixture.voter("v1"))
        try f.run(EditionFixture.ballot("b2", "v2", ["mural"]), by: EditionFixture.voter("v2"))
        try f.run(.castBallot(ballot: "b3", voter: "v3", pool: "osiedle", projects: ["park"], points: [], method: .paper), by: official)
        try f.run(.voidBallot(ballot: "b3", reason: "karta nieczytelna"), by: official)
        try f.run(.advancePhase(to: .closed), by: official)
        #expect(f.state.countedBallots(in: "osiedle").map(\.id) == ["b1", "b2"])
        let election = try f.state.election(for: "osiedle")
        #expect(election.projects.map(\.cost) == [Money(units: 70_000), Money(units: 30_000)])
        let events = try f.run(.advancePhase(to: .published), by: official)
        #expect(events.count == 2)
        #expect(f.state.phase == .published)
        let result = try #require(f.state.results["osiedle"])
        #expect(result.selected == ["mural", "park"])
        #expect(result.scores == [1, 2])
        #expect(result.spent == Money(units: 100_000))
    }

    @Test("with re-voting allowed the last ballot before close counts")
    func revotingLastBallotCounts() throws {
        var f = try EditionFixture.voting(revoting: true)
        try f.run(EditionFixture.ballot("b1", "v1", ["A"]), by: EditionFixture.voter("v1"))
        try f.run(EditionFixture.ballot("b2", "v2", ["B"]), by: EditionFixture.voter("v2"))
        try f.run(EditionFixture.ballot("b3", "v1", ["C"]), by: EditionFixture.voter("v1"))
        #expect(f.state.countedBallots(in: "osiedle").map(\.id) == ["b2", "b3"])
        #expect(try f.state.election(for: "osiedle").scores() == [0, 1, 1])
    }

    @Test("a project withdrawn after the vote keeps its votes and is not funded")
    func withdrawnProject() throws {
        var f = try EditionFixture.voting()
        try f.run(EditionFixture.ballot("b1", "v1", ["A"]), by: EditionFixture.voter("v1"))
        try f.run(.withdrawProject(proposal: "A", reason: "teren sprzedany"), by: EditionFixture.official)
        try f.run(.advancePhase(to: .closed), by: EditionFixture.official)
        let result = try f.state.tally("osiedle")
        #expect(result.scores == [1, 0, 0])
        #expect(!result.selected.contains("A"))
    }

    @Test("folding the events from scratch gives the same state")
    func foldEqualsSteps() throws {
        var f = try EditionFixture.voting()
        try f.run(EditionFixture.ballot("b1", "v1", ["A", "C"]), by: EditionFixture.voter("v1"))
        try f.run(.voidBallot(ballot: "b1", reason: "duplikat"), by: EditionFixture.official)
        #expect(Edition.fold(f.events, into: EditionState(id: "swiecie-2027")) == f.state)
    }
}
