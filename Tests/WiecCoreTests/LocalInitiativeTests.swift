import Testing
import WiecCore
import WiecTally

/// A local initiative from a workshop: the council's criteria, three applications scored by two
/// officials, the exact ranking with its tie broken as the resolution names, the decision, the
/// agreement and the contribution actually given.
@Suite("Local initiative")
struct LocalInitiativeTests {
    static let official = EditionFixture.official
    static let first = Actor(role: .official, id: "urzednik-2")
    static let second = Actor(role: .reviewer, id: "urzednik-3")
    static let resident = EditionFixture.resident
    static let day = CalendarDay(year: 2027, month: 5, day: 10)

    static func local(_ command: LocalInitiativeCommand) -> Command { .localInitiative(command) }

    static let criteria = [
        AssessmentCriterion(id: "wklad", name: "Wkład pracy społecznej", weight: 3, maxPoints: 10, measuresContribution: true),
        AssessmentCriterion(id: "celowosc", name: "Celowość dla społeczności", weight: 2, maxPoints: 10, measuresContribution: false),
        AssessmentCriterion(id: "koszt", name: "Koszt dla gminy", weight: 1, maxPoints: 5, measuresContribution: false),
    ]

    /// An edition in submission with a workshop whose initiative became a proposal; the criteria
    /// adopted and three applications, A from the workshop's initiative.
    static func applied() throws -> EditionFixture {
        var f = EditionFixture()
        try f.run(.createEdition(name: "BO Świecie 2027"), by: official)
        try f.run(.addPool(PoolConfig(id: "osiedle", name: "Osiedle", budget: Money(units: 100_000), voteType: .approval)), by: official)
        try f.run(.advancePhase(to: .submission), by: official)
        try f.run(.recordWorkshop(Workshop(
            id: "warsztat-1", theme: "Zieleń", date: CalendarDay(year: 2027, month: 4, day: 12), place: "Dom Kultury", facilitator: "moderator-1", participants: 18)),
            by: official)
        try f.run(.submitInitiative(id: "i-1", workshop: "warsztat-1", title: "Skwer", description: "Nasadzenia"), by: resident)
        try f.run(.submitProposal(
            id: "P-1", pool: "osiedle", title: "Skwer", description: "Nasadzenia", category: "zieleń", location: nil,
            costEstimate: Money(units: 30_000), initiative: "i-1"), by: resident)
        try f.run(local(.adoptCriteria(LocalInitiativeRules(
            resolution: "XII/80/2027", adoptedOn: CalendarDay(year: 2027, month: 2, day: 20), criteria: criteria,
            tieBreak: .contributionThenSubmission))), by: official)
        let applications: [(String, LocalInitiativeApplicant, InitiativeID?, Contribution)] = [
            ("A", .residents, "i-1", Contribution(workHours: 120, goodsAndServices: Money(units: 1_500), money: .zero)),
            ("B", .organisation(name: "Koło Gospodyń Wiejskich w Sulnówku"), nil, Contribution(workHours: 200, goodsAndServices: .zero, money: Money(units: 500))),
            ("C", .residents, nil, Contribution(workHours: 40, goodsAndServices: .zero, money: .zero)),
        ]
        for (id, applicant, initiative, contribution) in applications {
            try f.run(local(.submitApplication(
                id: id, applicant: applicant, title: "Zadanie \(id)", description: "Opis", initiative: initiative,
                contribution: contribution, requestedFromGmina: Money(units: 10_000), submittedOn: day)), by: resident)
        }
        return f
    }

    /// Points by official and criterion: A sums to 42 with 25,5 on contribution, B to 42 with 27, C to 38,5.
    static let points: [String: [(Actor, [String: Int64])]] = [
        "A": [(first, ["wklad": 8, "celowosc": 6, "koszt": 3]), (second, ["wklad": 9, "celowosc": 7, "koszt": 4])],
        "B": [(first, ["wklad": 9, "celowosc": 5, "koszt": 5]), (second, ["wklad": 9, "celowosc": 5, "koszt": 5])],
        "C": [(first, ["wklad": 6, "celowosc": 8, "koszt": 2]), (second, ["wklad": 7, "celowosc": 9, "koszt": 2])],
    ]

    static func scored() throws -> EditionFixture {
        var f = try applied()
        for id in ["A", "B", "C"] {
            for (scorer, byCriterion) in points[id]! {
                for criterion in criteria {
                    try f.run(local(.scoreApplication(
                        application: id, criterion: criterion.id, points: byCriterion[criterion.id]!,
                        justification: "uzasadnienie \(criterion.id)")), by: scorer)
                }
            }
        }
        return f
    }

    @Test("the ranking is exact and the tie is broken by the contribution, as the resolution names")
    func ranking() throws {
        let f = try Self.scored()
        let ranking = f.state.localInitiative.ranking()
        #expect(ranking.map(\.application) == ["B", "A", "C"])
        #expect(ranking.map(\.total) == [Rational(42), Rational(42), Rational(BigInt(77), BigInt(2))])
        #expect(ranking.map(\.contributionTotal) == [Rational(27), Rational(BigInt(51), BigInt(2)), Rational(BigInt(39), BigInt(2))])
        #expect(ranking.map(\.tieBrokenBy) == [nil, "contribution", nil])
        #expect(ranking.allSatisfy { $0.isFullyScored })
    }

    @Test("with the submission tie-break the earlier application goes first")
    func submissionTieBreak() throws {
        var f = try Self.scored()
        f.state.localInitiative.rules?.tieBreak = .submission
        let ranking = f.state.localInitiative.ranking()
        #expect(ranking.map(\.application) == ["A", "B", "C"])
        #expect(ranking.map(\.tieBrokenBy) == [nil, "submission", nil])
    }

    @Test("decision, agreement and the contribution actually given; the initiative links to its proposal and its local initiative")
    func agreementAndProgress() throws {
        var f = try Self.scored()
        try f.run(Self.local(.decideApplication(application: "A", approved: true, justification: "druga pozycja", decidedOn: CalendarDay(year: 2027, month: 6, day: 1))), by: Self.official)
        #expect(f.refusal(Self.local(.signAgreement(
            application: "C", number: "U/3/2027", signedOn: CalendarDay(year: 2027, month: 6, day: 10),
            endsOn: CalendarDay(year: 2027, month: 10, day: 31), gminaShare: Money(units: 10_000), contribution: .none)), by: Self.official) == .outOfOrder)
        try f.run(Self.local(.signAgreement(
            application: "A", number: "U/1/2027", signedOn: CalendarDay(year: 2027, month: 6, day: 10),
            endsOn: CalendarDay(year: 2027, month: 10, day: 31), gminaShare: Money(units: 10_000),
            contribution: Contribution(workHours: 120, goodsAndServices: Money(units: 1_500), money: .zero))), by: Self.official)
        try f.run(Self.local(.recordProgress(
            application: "A", on: CalendarDay(year: 2027, month: 7, day: 15), note: "Przygotowanie terenu",
            contributionGiven: Contribution(workHours: 70, goodsAndServices: Money(units: 900), money: .zero), completed: false)), by: Self.official)
        try f.run(Self.local(.recordProgress(
            application: "A", on: CalendarDay(year: 2027, month: 9, day: 20), note: "Nasadzenia zakończone",
            contributionGiven: Contribution(workHours: 64, goodsAndServices: Money(minorUnits: 70_050), money: .zero), completed: true)), by: Self.official)
        let a = try #require(f.state.localInitiative.applications["A"])
        #expect(a.contributionGiven == Contribution(workHours: 134, goodsAndServices: Money(minorUnits: 160_050), money: .zero))
        #expect(a.isCompleted)
        #expect(f.state.initiatives["i-1"]?.proposals == ["P-1"])
        #expect(f.state.localInitiative.applications(from: "i-1").map(\.id) == ["A"])
        #expect(Edition.fold(f.events, into: EditionState(id: f.state.id)) == f.state)
    }

    @Test("refusals: no contribution criterion, a score off the scale or given twice, a decision before every criterion is scored")
    func refusals() throws {
        var f = EditionFixture()
        try f.run(.createEdition(name: "BO"), by: Self.official)
        #expect(f.refusal(Self.local(.adoptCriteria(LocalInitiativeRules(
            resolution: "X", adoptedOn: Self.day, criteria: [Self.criteria[1]], tieBreak: .submission))), by: Self.official) == .missingContributionCriterion)
        var s = try Self.applied()
        #expect(s.refusal(Self.local(.scoreApplication(application: "A", criterion: "koszt", points: 6, justification: "j")), by: Self.first) == .pointsOutOfRange)
        #expect(s.refusal(Self.local(.scoreApplication(application: "A", criterion: "nowe", points: 1, justification: "j")), by: Self.first) == .unknownCriterion)
        try s.run(Self.local(.scoreApplication(application: "A", criterion: "koszt", points: 5, justification: "j")), by: Self.first)
        #expect(s.refusal(Self.local(.scoreApplication(application: "A", criterion: "koszt", points: 4, justification: "j")), by: Self.first) == .alreadyScored)
        #expect(s.refusal(Self.local(.decideApplication(application: "A", approved: true, justification: "j", decidedOn: Self.day)), by: Self.official) == .outOfOrder)
        #expect(s.refusal(Self.local(.submitApplication(
            id: "D", applicant: .residents, title: "t", description: "d", initiative: nil, contribution: .none,
            requestedFromGmina: .zero, submittedOn: Self.day)), by: Self.resident) == .invalidValue)
    }
}
