import Foundation
import Testing
import WiecTestSupport

/// `wiec tally`, `tally --check` and `import` on hand-made published files that break their own
/// rules or state a local rule, through the real binary.
struct PublishedDataCommandLineTests {
    typealias CLI = CommandLineTests

    /// The `selected` and `rule` of `wiec tally --format json` output.
    private func counted(_ run: CommandLineTests.Run) throws -> (selected: [String], rule: String) {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any], "\(run.errors)")
        return (try #require(object["selected"] as? [String]), try #require(object["rule"] as? String))
    }

    @Test func tallyCountsAPublishedDefectAndWarns() throws {
        let path = SharedData.fixturePath("repeated-project.pb")
        let run = try CLI.wiec(["tally", path, "--format", "json"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(try counted(run).selected == ["1", "3"])
        #expect(run.errors.contains("warning: repeated-project.pb: line 20: vote: project '2' appears twice on the ballot; counted once"))
        #expect(run.errors.contains("1 warning: 1 published ballot breaks the file's stated rules and is counted as published"))

        let strict = try CLI.wiec(["tally", path, "--strict"])
        #expect(strict.status != 0)
        #expect(strict.output.isEmpty)
        #expect(strict.errors.contains("repeated-project.pb:20: vote: project '2' appears twice on the ballot"))
    }

    @Test func checkCountsTheFixturesAsTheCitiesDid() throws {
        let run = try CLI.wiec(["tally", "--check", SharedData.fixturePath("")])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("OK    poznan-top-up-at-80.pb (from reserve funds, the next in ranking order: C)"))
        #expect(run.output.contains("OK    poznan-top-up-at-79.99.pb (from reserve funds, the next in ranking order: B)"))
        #expect(run.output.contains("OK    threshold-no-skip.pb"))
        #expect(run.output.contains("OK    over-max-sum-cost.pb"))
        #expect(run.output.contains("SKIP  exclusion-group.pb: rule not applicable: greedy-exclusive"))
        #expect(run.output.hasSuffix("5 matched, 0 differ, 1 skipped\n"))
        let strict = try CLI.wiec(["tally", "--check", "--strict", SharedData.fixturePath("")])
        #expect(strict.output.contains("ERROR repeated-project.pb: repeated-project.pb:20: vote:"))
        #expect(strict.status != 0)
    }

    @Test func poznansRuleIsNamedInTheResult() throws {
        let run = try CLI.wiec(["tally", SharedData.fixturePath("poznan-top-up-at-80.pb"), "--explain"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("Reguła / rule: greedy-no-skip --top-up 80%"))
        #expect(run.output.contains("B (wynik / score 4): wybrany z dopłatą / funded by the top-up (greedy-no-skip --top-up 80%)"))
        let short = try CLI.wiec(["tally", SharedData.fixturePath("poznan-top-up-at-79.99.pb"), "--format", "json"])
        #expect(try counted(short).selected == ["A"])
        let chosen = try CLI.wiec(["tally", SharedData.fixturePath("poznan-top-up-at-79.99.pb"), "--rule", "greedy-no-skip", "--top-up", "79.99%", "--format", "json"])
        #expect(try counted(chosen).selected == ["A", "B"])
        #expect(try counted(chosen).rule == "greedy-no-skip --top-up 79.99%")
    }

    @Test func anotherCitysLocalRuleIsSkippedWithItsCommentsFirstWords() throws {
        let folder = try LedgerCommandLineTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: SharedData.fixturePath("poznan-top-up-at-80.pb"), encoding: .utf8)
            .replacingOccurrences(of: "unit;Poznań", with: "unit;Testowo")
        try text.write(to: folder.appendingPathComponent("elsewhere.pb"), atomically: true, encoding: .utf8)
        let run = try CLI.wiec(["tally", "--check", folder.path])
        #expect(run.output.contains("SKIP  elsewhere.pb: rule not applicable: greedy-custom: a local rule Wiec does not know: #1: This special greedy rule works as follows:"))
    }

    @Test func anAuditorStatesTheExclusionGroups() throws {
        let path = SharedData.fixturePath("exclusion-group.pb")
        let refused = try CLI.wiec(["tally", path])
        #expect(refused.status != 0)
        let run = try CLI.wiec(["tally", path, "--exclusive", "1,2", "--explain"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("2 (wynik / score 3): pominięty / passed over, grupa wykluczająca pełna / exclusion group full: najwyżej / at most 1 z / of 1, 2"))
        let json = try CLI.wiec(["tally", path, "--exclusive", "1,2", "--format", "json"])
        #expect(try counted(json).selected == ["1", "3", "4"])
        #expect(try CLI.wiec(["tally", path, "--exclusive", "1,9"]).errors.contains("no project '9'"))
    }

    /// Each fixture imports, verifies, and counts from the log exactly as from the file; the log
    /// records which ballots broke which rule.
    @Test(arguments: ["repeated-project.pb", "over-max-sum-cost.pb", "poznan-top-up-at-80.pb", "threshold-no-skip.pb", "exclusion-group.pb"])
    func importRecordsPublishedBallotsAsCounted(name: String) throws {
        let folder = try LedgerCommandLineTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("bo.sqlite").path
        let path = SharedData.fixturePath(name)
        let groups = name == "exclusion-group.pb" ? ["--exclusive", "1,2"] : []
        #expect(try CLI.wiec(["init", "--db", db]).status == 0)
        let imported = try CLI.wiec(["import", path, "--db", db, "--edition", "bo"] + groups)
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(try CLI.wiec(["verify", "--db", db]).status == 0)
        let direct = try CLI.wiec(["tally", path] + groups)
        let logged = try CLI.wiec(["tally", "--db", db, "--edition", "bo"])
        #expect(direct.status == 0)
        #expect(logged.output == direct.output)
        let bundle = folder.appendingPathComponent("bundle").path
        #expect(try CLI.wiec(["export", "--db", db, "--edition", "bo", "--out", bundle]).status == 0)
        let entries = try String(contentsOfFile: bundle + "/entries.jsonl", encoding: .utf8)
        let records = entries.split(separator: "\n").filter { $0.contains(#""type":"published_ballot_recorded""#) }
        switch name {
        case "repeated-project.pb":
            #expect(records.count == 1)
            #expect(records.first?.contains("line 20: vote: project '2' appears twice on the ballot; counted once") == true)
            #expect(imported.errors.contains("1 published ballot breaks the file's stated rules"))
        case "over-max-sum-cost.pb":
            #expect(records.count == 1)
            #expect(records.first?.contains("more than max_sum_cost") == true)
        default:
            #expect(records.isEmpty)
        }
        #expect(try CLI.wiec(["import", path, "--db", db, "--edition", "strict", "--strict"] + groups).status == (records.isEmpty ? 0 : 1))
    }
}
