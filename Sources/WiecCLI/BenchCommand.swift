import ArgumentParser
import Foundation
import Pabulib
import WiecTally

/// `wiec bench`: times parsing and counting of real files, for BENCHMARKS.md.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time parsing and counting of .pb files (run on a release build).",
        discussion: "Prints, per file, the median and best of several runs: reading and checking the file, and each rule's count."
    )

    @Argument(help: "The .pb files or folders to time.")
    var paths: [String]

    @Option(help: "Runs per measurement; the median and the best are printed.")
    var runs = 7

    @Option(help: "Rules to time (comma-separated); the file's own rule when it can be applied.")
    var rules: String = "greedy"

    func run() async throws {
        let rules = try self.rules.split(separator: ",").map { try Rule(pabulibName: String($0)) }
        print("file | ballots | projects | parse ms (median / best) | " + rules.map { "\($0.rawValue) ms" }.joined(separator: " | ") + " | parse + \(rules[0].rawValue) ms")
        for path in TallyCheck.files(in: paths) {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let name = (path as NSString).lastPathComponent
            var file: PabulibFile?
            let parse = try Timing.measure(runs: runs) {
                file = try PabulibFile.parse(bytes, fileName: name, limitCheck: .report).file
            }
            let election = try file!.election()
            var columns = ["\(name)", "\(election.ballots.count)", "\(election.projects.count)", parse.formatted]
            var firstRule: Timing?
            for rule in rules {
                let timing = try Timing.measure(runs: runs) { _ = try Tally.run(election, rule: rule) }
                firstRule = firstRule ?? timing
                columns.append(timing.formatted)
            }
            columns.append(String(format: "%.1f", (parse.median + firstRule!.median) * 1000))
            print(columns.joined(separator: " | "))
        }
    }
}

/// The median and best wall-clock time of repeated runs, in seconds.
struct Timing {
    var median: Double
    var best: Double

    var formatted: String { String(format: "%.1f / %.1f", median * 1000, best * 1000) }

    static func measure(runs: Int, _ body: () throws -> Void) throws -> Timing {
        let clock = ContinuousClock()
        var samples: [Double] = []
        for _ in 0..<max(runs, 1) {
            let elapsed = try clock.measure(body)
            samples.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        samples.sort()
        return Timing(median: samples[samples.count / 2], best: samples[0])
    }
}
