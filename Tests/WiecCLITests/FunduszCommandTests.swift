import Foundation
import Testing

/// `wiec fundusz` as a skarbnik would run it: the real binary, Gronowo Elbląskie's 2018 figures.
struct FunduszCommandTests {
    static let gronowo = [
        "fundusz", "--revenue", "19886293.57", "--residents", "5138", "--solectwo", "Błotnica=77",
        "--solectwo", "Gronowo Elbląskie=1550",
    ]

    @Test func printsEachAmountWithItsSteps() throws {
        let run = try CommandLineTests.wiec(Self.gronowo)
        #expect(run.status == 0, "\(run.errors)")
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("Kb = 19 886 293,57 zł / 5138 = 3 870,434716… zł → 3 870,43 zł (half up to the grosz)"))
        #expect(lines.contains("10 × Kb = 38 704,30 zł (the cap, rounded down to the grosz)"))
        #expect(lines.contains { $0.hasPrefix("Błotnica") && $0.contains("2,77 × 3 870,43 = 10 721,0911 zł") && $0.contains("10 721,09 zł") })
        #expect(lines.contains { $0.hasPrefix("Gronowo Elbląskie") && $0.contains("17,50 × 3 870,43 = 67 732,5250 zł") && $0.hasSuffix("38 704,30 zł  10 × Kb") })
        #expect(lines.contains { $0.hasPrefix("razem") && $0.contains("1627") && $0.contains("49 425,39 zł") })
    }

    @Test func json() throws {
        let run = try CommandLineTests.wiec(Self.gronowo + ["--format", "json", "--rounding", "zloty"])
        #expect(run.status == 0, "\(run.errors)")
        let object = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
        #expect((object?["base_amount"] as? NSNumber)?.doubleValue == 3870.43)
        #expect((object?["cap"] as? NSNumber)?.intValue == 38704)
        let solectwa = object?["solectwa"] as? [[String: Any]]
        #expect(solectwa?.map { ($0["amount"] as? NSNumber)?.intValue } == [10721, 38704])
        #expect(solectwa?.map { $0["capped"] as? Bool } == [false, true])
    }

    @Test(arguments: [
        (["--solectwo", "Błotnica"], "--solectwo 1 ('Błotnica'): write NAME=RESIDENTS"),
        (["--solectwo", "A=-3"], "sołectwo A: negative number of residents"),
        (["--solectwo", "A=3", "--revenue", "12.345"], "--revenue: '12.345' is not an amount"),
    ])
    func refusesBadInput(extra: [String], message: String) throws {
        var arguments = ["fundusz", "--revenue", "1000", "--residents", "10"]
        if extra.contains("--revenue") { arguments = ["fundusz", "--residents", "10"] }
        let run = try CommandLineTests.wiec(arguments + extra)
        #expect(run.status != 0)
        #expect(run.errors.contains(message), "\(run.errors)")
    }
}
