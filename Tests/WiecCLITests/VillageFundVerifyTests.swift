import Foundation
import Testing
import WiecCore
import WiecLedger
import WiecTally
import WiecLedgerSQLite

/// An auditor's `wiec export` and `wiec verify` over a ledger holding a village fund: the real
/// binary checks the chain and applies the formula again to the announced amounts.
struct VillageFundVerifyTests {
    typealias CLI = CommandLineTests

    @Test func exportAndVerifyAFund() throws {
        let folder = try LedgerCommandLineTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("fs.sqlite").path
        #expect(try CLI.wiec(["init", "--db", db]).status == 0)
        let store = try LedgerStore(path: db, signer: try KeyFiles.signer(forLedger: db))
        let wojt = Actor(role: .official, id: "wojt")
        let now = Date(timeIntervalSince1970: 1_760_000_000)  // 9 October 2025
        let commands: [VillageFundCommand] = [
            .open(name: "Fundusz sołecki 2026", rules: .statutory(budgetYear: 2026)),
            .recordResolution(number: "XXXIII/236/2014", adoptedOn: CalendarDay(year: 2014, month: 3, day: 28), consents: true),
            .announceAmounts(
                revenue: Money(minorUnits: 3_504_180_037), residents: 6_159,
                solectwa: [SolectwoInput(solectwo: "Borowina", residents: 394), SolectwoInput(solectwo: "Przywidz", residents: 1_657)],
                announcedOn: CalendarDay(year: 2025, month: 7, day: 25)),
        ]
        for (index, command) in commands.enumerated() {
            _ = try store.execute(.villageFund(command), on: "fs-2026", by: wojt, idempotencyKey: "k\(index)", at: now)
        }
        let bundle = folder.appendingPathComponent("bundle").path
        let exported = try CLI.wiec(["export", "--db", db, "--edition", "fs-2026", "--out", bundle])
        #expect(exported.status == 0, "\(exported.errors)")
        let verified = try CLI.wiec(["verify", bundle, "--key", db + ".vkey"])
        #expect(verified.status == 0, "\(verified.errors)")
        #expect(verified.output.contains("OK: 3 entries, 2 checkpoints"), "\(verified.output)")
        #expect(verified.output.contains("fs-2026: village fund amounts = the formula of art. 3 ust. 1 applied to the announced inputs"))
        #expect(try CLI.wiec(["verify", "--db", db]).status == 0)
    }
}
