import Testing
import WiecCore
import WiecTally

/// A whole village fund year through `decide` and `evolve`: the council's resolution, the amounts,
/// two sołectwa's assemblies and applications, the wójt's decisions and the council's.
@Suite("Village fund year")
struct VillageFundYearTests {
    static let wojt = EditionFixture.official
    static let soltysBlotnica = Actor(role: .reviewer, id: "soltys-blotnica", scope: .pools(["Błotnica"]))
    static let soltysFiszewo = Actor(role: .official, id: "soltys-fiszewo", scope: .pools(["Fiszewo"]))

    static func day(_ month: Int, _ day: Int) -> CalendarDay { CalendarDay(year: 2026, month: month, day: day) }

    static func fund(_ command: VillageFundCommand) -> Command { .villageFund(command) }

    /// The fund opened for 2027, the resolution adopted and the amounts announced (Gronowo Elbląskie's
    /// 2016 revenue and residents; Fiszewo gets 2 000,00 zł more by the council's resolution).
    static func announced() throws -> EditionFixture {
        var f = EditionFixture(state: EditionState(id: "fs-2027"))
        try f.run(fund(.open(name: "Fundusz sołecki 2027", rules: .statutory(budgetYear: 2027))), by: wojt)
        try f.run(fund(.recordResolution(number: "XXX/210/2026", adoptedOn: day(3, 20), consents: true)), by: wojt)
        try f.run(fund(.announceAmounts(
            revenue: Money(minorUnits: 1_988_629_357), residents: 5_138,
            solectwa: [
                SolectwoInput(solectwo: "Błotnica", residents: 77),
                SolectwoInput(solectwo: "Fiszewo", residents: 282, addition: Money(units: 2_000), additionBasis: "XXXI/215/2026"),
            ],
            announcedOn: day(7, 15))), by: wojt)
        return f
    }

    static let blotnicaAssembly = VillageAssembly(
        id: "zebranie-blotnica", solectwo: "Błotnica", convener: .residents(count: 15), heldOn: day(9, 5), attendance: 31,
        projects: [
            AssemblyProject(id: "wiata", title: "Wiata przystankowa", costEstimate: Money(units: 8_000),
                            justification: "Dzieci czekają na autobus na deszczu", votes: AssemblyVotes(inFavour: 20, against: 5, abstaining: 6)),
            AssemblyProject(id: "lampy", title: "Dwie lampy solarne", costEstimate: Money(units: 4_000),
                            justification: "Ciemna droga do przystanku", votes: AssemblyVotes(inFavour: 18, against: 10, abstaining: 3)),
            AssemblyProject(id: "plac", title: "Piaskownica", costEstimate: Money(units: 1_000),
                            justification: "Miejsce zabaw", votes: AssemblyVotes(inFavour: 5, against: 20, abstaining: 6)),
        ])

    @Test("the amounts are the formula's, and the gmina's addition is recorded beside it")
    func amounts() throws {
        let f = try Self.announced()
        let fund = try #require(f.state.villageFund)
        #expect(fund.announcement?.baseAmount == Money(minorUnits: 387_043))
        #expect(fund.share(of: "Błotnica")?.available == Money(minorUnits: 1_072_109))
        let fiszewo = try #require(fund.share(of: "Fiszewo"))
        #expect(fiszewo.formulaAmount == Money(minorUnits: 1_865_547))
        #expect(fiszewo.addition == Money(units: 2_000))
        #expect(fiszewo.additionBasis == "XXXI/215/2026")
        #expect(fiszewo.available == Money(minorUnits: 2_065_547))
    }

    @Test("a whole year: assembly called by 15 residents, an application over the amount refused, the corrected one accepted, a rejection decided by the council")
    func wholeYear() throws {
        var f = try Self.announced()
        // Fourteen residents cannot call an assembly; fifteen can.
        var fourteen = Self.blotnicaAssembly
        fourteen.convener = .residents(count: 14)
        #expect(f.refusal(Self.fund(.recordAssembly(fourteen)), by: Self.soltysBlotnica) == .tooFewInitiators)
        // Another sołectwo's sołtys has no scope over Błotnica.
        #expect(f.refusal(Self.fund(.recordAssembly(Self.blotnicaAssembly)), by: Self.soltysFiszewo) == .notInScope)
        try f.run(Self.fund(.recordAssembly(Self.blotnicaAssembly)), by: Self.soltysBlotnica)

        // Both adopted projects cost 12 000,00 zł, more than Błotnica's 10 721,09 zł.
        let over = Self.fund(.submitApplication(
            id: "wniosek-blotnica", solectwo: "Błotnica", assembly: "zebranie-blotnica", projects: ["wiata", "lampy"],
            submittedOn: Self.day(9, 10), replaces: nil))
        do {
            try f.run(over, by: Self.soltysBlotnica)
            Issue.record("an application over the amount was accepted")
        } catch {
            #expect(error.reason == .overFundAmount)
            #expect(error.detail == "the projects cost 12000, more than sołectwo Błotnica's 10721.09 by 1278.91")
        }
        // A project the assembly voted down cannot be applied for.
        #expect(f.refusal(Self.fund(.submitApplication(
            id: "wniosek-blotnica", solectwo: "Błotnica", assembly: "zebranie-blotnica", projects: ["plac"],
            submittedOn: Self.day(9, 10), replaces: nil)), by: Self.soltysBlotnica) == .notAdopted)
        // After 30 September the application comes too late.
        #expect(f.refusal(Self.fund(.submitApplication(
            id: "wniosek-blotnica", solectwo: "Błotnica", assembly: "zebranie-blotnica", projects: ["wiata"],
            submittedOn: Self.day(10, 1), replaces: nil)), by: Self.soltysBlotnica) == .deadlinePassed)
        try f.run(Self.fund(.submitApplication(
            id: "wniosek-blotnica", solectwo: "Błotnica", assembly: "zebranie-blotnica", projects: ["wiata"],
            submittedOn: Self.day(9, 10), replaces: nil)), by: Self.soltysBlotnica)
        try f.run(Self.fund(.acceptApplication(application: "wniosek-blotnica", decidedOn: Self.day(9, 14))), by: Self.wojt)

        // Fiszewo: the sołtys called the assembly; the wójt rejects, the council accepts.
        try f.run(Self.fund(.recordAssembly(VillageAssembly(
            id: "zebranie-fiszewo", solectwo: "Fiszewo", convener: .soltys, heldOn: Self.day(9, 12), attendance: 40,
            projects: [AssemblyProject(
                id: "silownia", title: "Siłownia plenerowa", costEstimate: Money(units: 20_000),
                justification: "Brak miejsca do ćwiczeń", votes: AssemblyVotes(inFavour: 30, against: 4, abstaining: 6))]))),
            by: Self.soltysFiszewo)
        try f.run(Self.fund(.submitApplication(
            id: "wniosek-fiszewo", solectwo: "Fiszewo", assembly: "zebranie-fiszewo", projects: ["silownia"],
            submittedOn: Self.day(9, 20), replaces: nil)), by: Self.soltysFiszewo)
        // The wójt rejects within 7 days of receiving it (by 27 September), not on the 28th.
        let late = Self.fund(.rejectApplication(application: "wniosek-fiszewo", reasons: "teren nie należy do gminy", decidedOn: Self.day(9, 28)))
        #expect(f.refusal(late, by: Self.wojt) == .deadlinePassed)
        try f.run(Self.fund(.rejectApplication(
            application: "wniosek-fiszewo", reasons: "teren nie należy do gminy", decidedOn: Self.day(9, 25))), by: Self.wojt)
        try f.run(Self.fund(.referToCouncil(application: "wniosek-fiszewo", referredOn: Self.day(9, 30))), by: Self.soltysFiszewo)
        #expect(f.refusal(Self.fund(.recordCouncilDecision(
            application: "wniosek-fiszewo", resolution: "XXXV/240/2026", accepted: true, reasons: "gmina dzierżawi teren",
            decidedOn: Self.day(10, 15))), by: Self.wojt) == .deadlinePassed)
        try f.run(Self.fund(.recordCouncilDecision(
            application: "wniosek-fiszewo", resolution: "XXXV/240/2026", accepted: true, reasons: "gmina dzierżawi teren",
            decidedOn: Self.day(10, 10))), by: Self.wojt)

        let fund = try #require(f.state.villageFund)
        #expect(fund.applications["wniosek-blotnica"]?.status == .accepted)
        #expect(fund.applications["wniosek-blotnica"]?.cost == Money(units: 8_000))
        #expect(fund.applications["wniosek-fiszewo"]?.status == .acceptedByCouncil)
        #expect(fund.applications["wniosek-fiszewo"]?.councilResolution == "XXXV/240/2026")
        // Every step is an event, and folding them gives the same state.
        #expect(f.events.count == 11)
        #expect(Edition.fold(f.events, into: EditionState(id: "fs-2027")) == f.state)
    }

    @Test("what was carried out: an accepted application's projects in the budget year, never more than the sołectwo's amount")
    func execution() throws {
        var f = try Self.announced()
        try f.run(Self.fund(.recordAssembly(Self.blotnicaAssembly)), by: Self.soltysBlotnica)
        try f.run(Self.fund(.submitApplication(
            id: "w1", solectwo: "Błotnica", assembly: "zebranie-blotnica", projects: ["wiata"], submittedOn: Self.day(9, 10),
            replaces: nil)), by: Self.soltysBlotnica)
        let inYear = { (month: Int, day: Int) in CalendarDay(year: 2027, month: month, day: day) }
        let record = { (project: String, on: CalendarDay, spent: Money, completed: Bool) in
            Self.fund(.recordExecution(application: "w1", project: project, on: on, spent: spent, completed: completed, note: "Prace przy wiacie"))
        }
        // Nothing is carried out of an application the wójt has not accepted.
        #expect(f.refusal(record("wiata", inYear(5, 4), Money(units: 1_000), false), by: Self.wojt) == .outOfOrder)
        try f.run(Self.fund(.acceptApplication(application: "w1", decidedOn: Self.day(9, 14))), by: Self.wojt)
        // The wójt's office records it, not the sołtys; only the application's projects; in 2027 only.
        #expect(f.refusal(record("wiata", inYear(5, 4), Money(units: 1_000), false), by: Self.soltysBlotnica) == .notAllowed)
        #expect(f.refusal(record("lampy", inYear(5, 4), Money(units: 1_000), false), by: Self.wojt) == .unknownProject)
        #expect(f.refusal(record("wiata", Self.day(12, 20), Money(units: 1_000), false), by: Self.wojt) == .outOfOrder)
        #expect(f.refusal(record("wiata", inYear(12, 2), Money(units: 1_000), false), by: Self.wojt) == .invalidValue)  // after "today"
        #expect(f.refusal(record("wiata", inYear(5, 4), Money(minorUnits: -1), false), by: Self.wojt) == .invalidValue)
        try f.run(record("wiata", inYear(5, 4), Money(units: 6_000), false), by: Self.wojt)
        // Błotnica has 10 721,09 zł: 6 000 paid, so 4 721,10 more is refused and 4 721,09 is not.
        #expect(f.refusal(record("wiata", inYear(6, 1), Money(minorUnits: 472_110), true), by: Self.wojt) == .overFundAmount)
        #expect(f.refusal(record("wiata", inYear(6, 1), Money(minorUnits: Int64.max), true), by: Self.wojt) == .invalidValue)
        try f.run(record("wiata", inYear(6, 1), Money(minorUnits: 472_109), true), by: Self.wojt)
        #expect(f.refusal(record("wiata", inYear(6, 2), Money(units: 0), true), by: Self.wojt) == .alreadyDecided)

        let application = try #require(f.state.villageFund?.applications["w1"])
        let wiata = try #require(application.execution["wiata"])
        #expect(wiata.spent == Money(minorUnits: 1_072_109))
        #expect(wiata.completedOn == inYear(6, 1))
        #expect(wiata.records.map(\.on) == [inYear(5, 4), inYear(6, 1)])
        #expect(application.spent == Money(minorUnits: 1_072_109))
        #expect(Edition.fold(f.events, into: EditionState(id: "fs-2027")) == f.state)
    }

    @Test("a rejected application adopted again within 7 days replaces it")
    func readoption() throws {
        var f = try Self.announced()
        try f.run(Self.fund(.recordAssembly(Self.blotnicaAssembly)), by: Self.soltysBlotnica)
        try f.run(Self.fund(.submitApplication(
            id: "w1", solectwo: "Błotnica", assembly: "zebranie-blotnica", projects: ["lampy"], submittedOn: Self.day(9, 25),
            replaces: nil)), by: Self.soltysBlotnica)
        try f.run(Self.fund(.rejectApplication(application: "w1", reasons: "brak uzasadnienia", decidedOn: Self.day(9, 29))), by: Self.wojt)
        // The first assembly cannot adopt it again: that takes a new one after the rejection.
        #expect(f.refusal(Self.fund(.submitApplication(
            id: "w2", solectwo: "Błotnica", assembly: "zebranie-blotnica", projects: ["lampy"], submittedOn: Self.day(10, 1),
            replaces: "w1")), by: Self.soltysBlotnica) == .outOfOrder)
        var again = Self.blotnicaAssembly
        again.id = "zebranie-blotnica-2"
        again.heldOn = Self.day(10, 3)
        try f.run(Self.fund(.recordAssembly(again)), by: Self.soltysBlotnica)
        // Past 30 September, but within 7 days of the rejection: allowed as a re-adoption only.
        #expect(f.refusal(Self.fund(.submitApplication(
            id: "w2", solectwo: "Błotnica", assembly: "zebranie-blotnica-2", projects: ["lampy"], submittedOn: Self.day(10, 7),
            replaces: "w1")), by: Self.soltysBlotnica) == .deadlinePassed)
        try f.run(Self.fund(.submitApplication(
            id: "w2", solectwo: "Błotnica", assembly: "zebranie-blotnica-2", projects: ["lampy"], submittedOn: Self.day(10, 4),
            replaces: "w1")), by: Self.soltysBlotnica)
        #expect(f.state.villageFund?.applications["w1"]?.status == .replaced)
        #expect(f.state.villageFund?.applications(of: "Błotnica").map(\.id) == ["w1", "w2"])
    }

    @Test("a resolution after 31 March is void, and nothing else works before a consenting one")
    func resolution() throws {
        var f = EditionFixture(state: EditionState(id: "fs-2027"))
        try f.run(Self.fund(.open(name: "FS", rules: .statutory(budgetYear: 2027))), by: Self.wojt)
        #expect(f.refusal(Self.fund(.recordResolution(number: "X/1/2026", adoptedOn: Self.day(4, 1), consents: true)), by: Self.wojt) == .deadlinePassed)
        let announce = Self.fund(.announceAmounts(
            revenue: Money(units: 1_000_000), residents: 100, solectwa: [SolectwoInput(solectwo: "A", residents: 5)], announcedOn: Self.day(7, 1)))
        #expect(f.refusal(announce, by: Self.wojt) == .fundNotSeparated)
        // A refusal of 2025 applied only to 2026; a consent of 2014 still holds (art. 2 ust. 3–4).
        let old = CalendarDay(year: 2025, month: 3, day: 1)
        #expect(f.refusal(Self.fund(.recordResolution(number: "V/1/2025", adoptedOn: old, consents: false)), by: Self.wojt) == .invalidValue)
        #expect(f.refusal(Self.fund(.recordResolution(number: "XXXIII/236/2014", adoptedOn: CalendarDay(year: 2014, month: 3, day: 28), consents: true)), by: Self.wojt) == nil)
        try f.run(Self.fund(.recordResolution(number: "X/1/2026", adoptedOn: Self.day(3, 31), consents: false)), by: Self.wojt)
        #expect(f.refusal(announce, by: Self.wojt) == .fundNotSeparated)
        // A fund edition takes no civic budget command, and a civic budget none of the fund's.
        #expect(f.refusal(.advancePhase(to: .submission), by: Self.wojt) == .wrongEditionKind)
        var budget = EditionFixture()
        try budget.run(.createEdition(name: "BO"), by: Self.wojt)
        #expect(budget.refusal(Self.fund(.recordResolution(number: "X", adoptedOn: Self.day(3, 1), consents: true)), by: Self.wojt) == .wrongEditionKind)
        // Acts are not dated after the day they are recorded.
        #expect(f.refusal(Self.fund(.open(name: "FS", rules: .statutory(budgetYear: 2027))), by: Self.wojt) == .editionExists)
    }
}
