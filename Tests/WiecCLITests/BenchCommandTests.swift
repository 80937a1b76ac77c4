import Foundation
import Pabulib
import Testing
import WiecTally
import WiecTestSupport

/// `wiec bench --format json`, as `scripts/bench-vs-pabutools` reads it.
struct BenchCommandTests {
    @Test(arguments: [
        (["--tie-breaking", "lexicographic", "--utility", "approval", "--increment", "pabutools"],
         TallyOptions(tieBreaking: .lexicographic, utility: .approval, increment: .pabutools, explainRounds: false)),
        ([], TallyOptions(explainRounds: false)),
    ])
    func jsonTimesTheCountTallySelects(arguments: [String], options: TallyOptions) throws {
        let path = try #require(SharedData.sampleBallots.first { $0.hasSuffix("dzielnica_srodmiescie_2027.pb") })
        let rules: [Rule] = [.equalShares, .equalSharesAdd1, .phragmen, .greedy]
        let run = try CommandLineTests.wiec(
            ["bench", path, "--rules", rules.map(\.rawValue).joined(separator: ","), "--runs", "3", "--format", "json"] + arguments
        )
        #expect(run.status == 0, "\(run.errors)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])

        let election = try PabulibFile.read(path: path, limitCheck: .report).file.election()
        #expect(object["file"] as? String == "dzielnica_srodmiescie_2027.pb")
        #expect(object["ballots"] as? Int == election.ballots.count)
        #expect(object["projects"] as? Int == election.projects.count)
        try expectPositiveTimes(object["parse_seconds"])

        let counts = try #require(object["rules"] as? [[String: Any]])
        #expect(counts.map { $0["rule"] as? String } == rules.map(\.rawValue))
        for (count, rule) in zip(counts, rules) {
            try expectPositiveTimes(count["count_seconds"])
            let expected = try Tally.run(election, rule: rule, options: options).selected.map { election.projects[$0].id }
            #expect(!expected.isEmpty)
            #expect(count["selected"] as? [String] == expected, "\(rule.rawValue)")
        }
    }

    @Test func tableStaysTheDefaultAndUnknownTieBreakingIsRefused() throws {
        let path = try #require(SharedData.sampleBallots.first { $0.hasSuffix("solectwo_wolka_2027.pb") })
        let table = try CommandLineTests.wiec(["bench", path, "--runs", "1"])
        #expect(table.status == 0, "\(table.errors)")
        #expect(table.output.hasPrefix("file | ballots | projects | parse ms (median / best) | greedy ms"))
        #expect(table.output.contains("solectwo_wolka_2027.pb | 96 | 6 | "))

        let refused = try CommandLineTests.wiec(["bench", path, "--tie-breaking", "coin"])
        #expect(refused.status != 0)
        #expect(refused.errors.contains("Unknown tie-breaking 'coin'"))
    }

    private func expectPositiveTimes(_ value: Any?) throws {
        let times = try #require(value as? [String: Any])
        let median = try #require(times["median"] as? Double)
        let best = try #require(times["best"] as? Double)
        #expect(best > 0)
        #expect(best <= median)
    }
}
