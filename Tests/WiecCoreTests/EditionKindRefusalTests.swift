import Testing
import WiecCore
import WiecTally

/// The refusal reasons of village funds and local initiatives, each where it applies.
@Suite("Refusals of village funds and local initiatives")
struct EditionKindRefusalTests {
    typealias F = EditionFixture
    typealias Case = RefusalTests.Case
    typealias Year = VillageFundYearTests

    static let draft: @Sendable () throws -> EditionFixture = RefusalTests.draft
    static let opened: @Sendable () throws -> EditionFixture = {
        var f = EditionFixture(state: EditionState(id: "fs-2027"))
        try f.run(.villageFund(.open(name: "FS", rules: .statutory(budgetYear: 2027))), by: F.official)
        return f
    }
    static let announced: @Sendable () throws -> EditionFixture = { try Year.announced() }
    static let assembled: @Sendable () throws -> EditionFixture = {
        var f = try Year.announced()
        try f.run(.villageFund(.recordAssembly(Year.blotnicaAssembly)), by: Year.soltysBlotnica)
        return f
    }
    static let applied: @Sendable () throws -> EditionFixture = { try LocalInitiativeTests.applied() }

    static func application(_ projects: [String], assembly: String = "zebranie-blotnica") -> Command {
        .villageFund(.submitApplication(
            id: "w", solectwo: "Błotnica", assembly: assembly, projects: projects, submittedOn: Year.day(9, 10), replaces: nil))
    }

    static let cases: [Case] = {
        var fourteen = Year.blotnicaAssembly
        fourteen.convener = .residents(count: 14)
        var elsewhere = Year.blotnicaAssembly
        elsewhere.solectwo = "Nieznane"
        let score = Command.localInitiative(.scoreApplication(application: "A", criterion: "koszt", points: 1, justification: "j"))
        return [
            Case(reason: .wrongEditionKind, setup: draft, command: .villageFund(.recordResolution(number: "X", adoptedOn: Year.day(3, 1), consents: true)), actor: F.official),
            Case(reason: .deadlinePassed, setup: opened, command: .villageFund(.recordResolution(number: "X", adoptedOn: Year.day(4, 1), consents: true)), actor: F.official),
            Case(reason: .fundNotSeparated, setup: opened, command: .villageFund(.announceAmounts(
                revenue: Money(units: 1_000), residents: 10, solectwa: [SolectwoInput(solectwo: "A", residents: 1)], announcedOn: Year.day(7, 1))), actor: F.official),
            Case(reason: .outOfOrder, setup: draft, command: .localInitiative(.submitApplication(
                id: "A", applicant: .residents, title: "t", description: "d", initiative: nil, contribution: Contribution(workHours: 1, goodsAndServices: .zero, money: .zero),
                requestedFromGmina: .zero, submittedOn: Year.day(5, 1))), actor: F.resident),
            Case(reason: .tooFewInitiators, setup: announced, command: .villageFund(.recordAssembly(fourteen)), actor: Year.soltysBlotnica),
            Case(reason: .unknownSolectwo, setup: announced, command: .villageFund(.recordAssembly(elsewhere)), actor: F.official),
            Case(reason: .overFundAmount, setup: assembled, command: application(["wiata", "lampy"]), actor: Year.soltysBlotnica),
            Case(reason: .notAdopted, setup: assembled, command: application(["plac"]), actor: Year.soltysBlotnica),
            Case(reason: .unknownAssembly, setup: assembled, command: application(["wiata"], assembly: "nie-ma"), actor: Year.soltysBlotnica),
            Case(reason: .unknownApplication, setup: assembled, command: .villageFund(.acceptApplication(application: "nie-ma", decidedOn: Year.day(9, 12))), actor: F.official),
            Case(reason: .missingContributionCriterion, setup: draft, command: .localInitiative(.adoptCriteria(LocalInitiativeRules(
                resolution: "X", adoptedOn: Year.day(2, 1), criteria: [LocalInitiativeTests.criteria[1]], tieBreak: .submission))), actor: F.official),
            Case(reason: .unknownCriterion, setup: applied, command: .localInitiative(.scoreApplication(application: "A", criterion: "nowe", points: 1, justification: "j")), actor: LocalInitiativeTests.first),
            Case(reason: .alreadyScored, setup: { var f = try LocalInitiativeTests.applied(); try f.run(score, by: LocalInitiativeTests.first); return f }, command: score, actor: LocalInitiativeTests.first),
        ]
    }()

    @Test("each reason is given where it applies", arguments: cases)
    func refused(_ example: Case) throws {
        let fixture = try example.setup()
        #expect(fixture.refusal(example.command, by: example.actor) == example.reason)
    }
}
