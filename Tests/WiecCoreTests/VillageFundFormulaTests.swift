import Testing
import WiecCore
import WiecTally

/// The formula of art. 3 ust. 1 of the Act of 21 February 2014 on the village fund, case by case.
@Suite("Village fund formula")
struct VillageFundFormulaTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var revenue: Int64
        var residents: Int64
        var rounding: VillageFundRounding
        var solectwo: Int64
        var baseAmount: Int64
        var amount: Int64
        var capped: Bool
        var testDescription: String { name }
    }

    /// Amounts in grosze, worked out by hand.
    static let cases: [Case] = [
        // Kb = 10 000 000,00 / 2 500 = 4 000,00; F = 2 × Kb.
        Case(name: "a sołectwo of no residents gets 2 × Kb", revenue: 1_000_000_000, residents: 2_500, rounding: .grosz,
             solectwo: 0, baseAmount: 400_000, amount: 800_000, capped: false),
        // (2 + 100) × Kb = 408 000,00 > 10 × Kb.
        Case(name: "a sołectwo of 10 000 residents gets the cap", revenue: 1_000_000_000, residents: 2_500, rounding: .grosz,
             solectwo: 10_000, baseAmount: 400_000, amount: 4_000_000, capped: true),
        // (2 + 8) × Kb is exactly the cap: not more, so not capped.
        Case(name: "800 residents reach the cap exactly", revenue: 1_000_000_000, residents: 2_500, rounding: .grosz,
             solectwo: 800, baseAmount: 400_000, amount: 4_000_000, capped: false),
        Case(name: "801 residents pass the cap", revenue: 1_000_000_000, residents: 2_500, rounding: .grosz,
             solectwo: 801, baseAmount: 400_000, amount: 4_000_000, capped: true),
        // Kb = 100 gr / 8 = 12,5 gr → 13 gr (half up); F = 2,00 × 13 = 26 gr.
        Case(name: "Kb is rounded half up to the grosz", revenue: 100, residents: 8, rounding: .grosz,
             solectwo: 0, baseAmount: 13, amount: 26, capped: false),
        // Kb = 100 gr / 3 = 33,33… gr → 33 gr.
        Case(name: "Kb below the half is rounded down", revenue: 100, residents: 3, rounding: .grosz,
             solectwo: 0, baseAmount: 33, amount: 66, capped: false),
        // Kb = 50 gr; F = 2,01 × 50 = 100,5 gr → 101 gr.
        Case(name: "F is rounded half up to the grosz", revenue: 5_000, residents: 100, rounding: .grosz,
             solectwo: 1, baseAmount: 50, amount: 101, capped: false),
        // Kb = 1 000,50 zł; F = 2,01 × 1 000,50 = 2 011,005 zł → 2 011 zł.
        Case(name: "F is rounded half up to the złoty", revenue: 10_005_000, residents: 100, rounding: .zloty,
             solectwo: 1, baseAmount: 100_050, amount: 201_100, capped: false),
        // Kb = 1 000,50 zł; F = 2,50 × 1 000,50 = 2 501,25 zł → 2 501 zł.
        Case(name: "F below the half złoty is rounded down", revenue: 10_005_000, residents: 100, rounding: .zloty,
             solectwo: 50, baseAmount: 100_050, amount: 250_100, capped: false),
        // 10 × Kb = 10 005,00 zł; with Kb = 1 000,55 zł the cap 10 005,50 is rounded down to 10 005 zł.
        Case(name: "the cap is rounded down to the złoty", revenue: 10_005_500, residents: 100, rounding: .zloty,
             solectwo: 5_000, baseAmount: 100_055, amount: 1_000_500, capped: true),
    ]

    @Test(arguments: cases)
    func amount(_ item: Case) throws {
        let calculation = try VillageFundFormula.calculate(
            revenue: Money(minorUnits: item.revenue), residents: item.residents, solectwa: [("S", item.solectwo)],
            rounding: item.rounding)
        #expect(calculation.baseAmount == Money(minorUnits: item.baseAmount))
        #expect(calculation.amounts[0].amount == Money(minorUnits: item.amount))
        #expect(calculation.amounts[0].capped == item.capped)
        #expect(calculation.amounts[0].amount <= calculation.cap)
    }

    /// Gmina Gronowo Elbląskie, "Fundusz sołecki na 2018 r.", published by the gmina's treasurer in its
    /// BIP (https://bipgronowo.warmia.mazury.pl/6592/fundusz-solecki-na-2018-r..html): current revenues
    /// of 2016 19 886 293,57 zł, 5 138 residents on 31 December 2016, Kb = 3 870,43 zł, residents of each
    /// sołectwo on 30 June 2017, amounts to the grosz, total 269 614,15 zł.
    @Test("Gronowo Elbląskie 2018: every published amount, to the grosz")
    func gronowoElblaskie2018() throws {
        let published: [(String, Int64, Int64)] = [
            ("Błotnica", 77, 1_072_109), ("Fiszewo", 282, 1_865_547), ("Gajewiec", 64, 1_021_794),
            ("Gronowo Elbląskie", 1_550, 3_870_430), ("Jasionno", 209, 1_583_006), ("Jegłownik", 1_410, 3_870_430),
            ("Karczowiska Górne", 235, 1_683_637), ("Kopanka Pierwsza", 106, 1_184_352), ("Kopanka Druga", 52, 975_348),
            ("Mojkowo", 42, 936_644), ("Nogat", 139, 1_312_076), ("Olesno", 382, 2_252_590), ("Rozgart", 137, 1_304_335),
            ("Różany", 115, 1_219_185), ("Szopy", 65, 1_025_664), ("Wikrowo", 261, 1_784_268),
        ]
        let calculation = try VillageFundFormula.calculate(
            revenue: Money(minorUnits: 1_988_629_357), residents: 5_138, solectwa: published.map { ($0.0, $0.1) },
            rounding: .grosz)
        #expect(calculation.baseAmount == Money(minorUnits: 387_043))
        #expect(calculation.cap == Money(minorUnits: 3_870_430))
        #expect(calculation.amounts.map(\.amount.minorUnits) == published.map(\.2))
        #expect(calculation.amounts.filter { $0.capped }.map(\.solectwo) == ["Gronowo Elbląskie", "Jegłownik"])
        #expect(calculation.total == Money(minorUnits: 26_961_415))
    }

    /// Gmina Przywidz, "Wysokość funduszu sołeckiego na rok 2025", published by the wójt
    /// (https://przywidz.pl/fundusze-soleckie.html): current revenues of 2023 35 041 800,37 zł, 6 159
    /// residents on 31 December 2023 (GUS), Kb = 5 689,53 zł, amounts in whole złoty, total 494 021,00 zł.
    @Test("Przywidz 2025: every published amount, to the złoty")
    func przywidz2025() throws {
        let published: [(String, Int64, Int64)] = [
            ("Borowina", 394, 33_796), ("Częstocin", 110, 17_638), ("Huta Dolna", 140, 19_344), ("Jodłowno", 254, 25_830),
            ("Kierzkowo", 143, 19_515), ("Kozia Góra", 66, 15_134), ("Marszewo", 278, 27_196),
            ("Marszewska Kolonia", 113, 17_808), ("Michalin", 361, 31_918), ("Miłowo", 110, 17_638),
            ("Nowa Wieś Przywidzka", 422, 35_389), ("Olszanka", 125, 18_491), ("Piekło Górne", 274, 26_968),
            ("Pomlewo", 774, 55_416), ("Przywidz", 1_657, 56_895), ("Stara Huta", 188, 22_075), ("Sucha Huta", 268, 26_627),
            ("Trzepowo", 263, 26_343),
        ]
        let calculation = try VillageFundFormula.calculate(
            revenue: Money(minorUnits: 3_504_180_037), residents: 6_159, solectwa: published.map { ($0.0, $0.1) },
            rounding: .zloty)
        #expect(calculation.baseAmount == Money(minorUnits: 568_953))
        #expect(calculation.amounts.map(\.amount) == published.map { Money(units: $0.2) })
        #expect(calculation.amounts.filter { $0.capped }.map(\.solectwo) == ["Przywidz"])
        #expect(calculation.total == Money(units: 494_021))
    }

    @Test("inputs that cannot be computed are refused, naming what is wrong", arguments: [
        (Int64(-1), Int64(10), Int64(5), "revenue cannot be negative"),
        (Int64(100), Int64(0), Int64(5), "at least one resident"),
        (Int64(100), Int64(10), Int64(-5), "negative number of residents"),
        (Int64.max, Int64(1), Int64(5), "too large"),
        (Int64(1_000_000_000_000), Int64(1), Int64.max - 100, "too large"),
    ])
    func refused(revenue: Int64, residents: Int64, solectwo: Int64, message: String) {
        #expect {
            try VillageFundFormula.calculate(
                revenue: Money(minorUnits: revenue), residents: residents, solectwa: [("S", solectwo)], rounding: .grosz)
        } throws: { error in
            (error as? Refusal)?.reason == .invalidValue && (error as? Refusal)?.detail.contains(message) == true
        }
    }

    @Test("a sołectwo named twice is refused")
    func duplicate() {
        #expect(throws: Refusal.self) {
            try VillageFundFormula.calculate(
                revenue: Money(units: 1_000), residents: 10, solectwa: [("A", 1), ("A", 2)], rounding: .grosz)
        }
    }
}
