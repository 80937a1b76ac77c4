import ArgumentParser
import Foundation
import Pabulib
import WiecTally

/// `wiec bench`: times parsing and counting of real files, for BENCHMARKS.md and
/// `scripts/bench-vs-pabutools`.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time parsing and counting of .pb files (run on a release build).",
        discussion: """
            Prints, per file, the median and best of several runs, timed in the process: parsing \
            (the file read from disk, checked and made an election as `wiec tally` reads it; \
            published ballots that break the file's rules are counted, each reported on stderr) \
            and each rule's count with the given options, as `wiec tally` counts without \
            --explain. With --format json, one JSON object per file: file, ballots, projects, \
            parse_seconds and, per rule, count_seconds and the selected project ids.
            """
    )

    /// The output format chosen with `--format`.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case table, json
    }

    @Argument(help: "The .pb files or folders to time.")
    var paths: [String]

    @Option(help: "Runs per measurement; the median and the best are printed.")
    var runs = 7

    @Option(help: "Rules to time (comma-separated).")
    var rules: String = "greedy"

    @OptionGroup var counting: CountOptions

    @Option(help: "Output format: table, or json (one object per file).")
    var format: Format = .table

    func run() async throws {
        let rules = try self.rules.split(separator: ",").map { try Rule(pabulibName: String($0)) }
        let options = counting.tallyOptions(explainRounds: false)
        if format == .table {
            print("file | ballots | projects | parse ms (median / best) | " + rules.map { "\($0.rawValue) ms" }.joined(separator: " | ") + " | parse + \(rules[0].rawValue) ms")
        }
        for path in TallyCheck.files(in: paths) {
            let bench = try FileBench(path: path, rules: rules, options: options, runs: runs)
            print(format == .table ? bench.tableRow : bench.json.rendered())
        }
    }
}

/// The timings of one file: its parse and each rule's count, with the projects each selects.
struct FileBench {
    /// One rule's count.
    struct Count {
        var rule: Rule
        var timing: Timing
        var selected: [String]
    }

    var name: String
    var ballots: Int
    var projects: Int
    var parse: Timing
    var counts: [Count]

    init(path: String, rules: [Rule], options: TallyOptions, runs: Int) throws {
        name = (path as NSString).lastPathComponent
        // The file is read from disk in every run, as pabutools' parse_pabulib reads it.
        let (parse, file) = try Timing.measure(runs: runs) {
            try PabulibElection.read(path: path, limitCheck: .report)
        }
        PublishedBallotWarnings.print(file.warnings, file: name)
        let election = file.election
        self.parse = parse
        ballots = election.ballots.count
        projects = election.projects.count
        counts = try rules.map { rule in
            let (timing, result) = try Timing.measure(runs: runs) { try Tally.run(election, rule: rule, options: options) }
            return Count(rule: rule, timing: timing, selected: result.selected.map { election.projects[$0].id })
        }
    }

    var tableRow: String {
        let columns = [name, "\(ballots)", "\(projects)", parse.formatted] + counts.map(\.timing.formatted)
        return (columns + [String(format: "%.1f", (parse.median + counts[0].timing.median) * 1000)]).joined(separator: " | ")
    }

    var json: JSONText {
        .object([
            ("file", .string(name)),
            ("ballots", .integer(ballots)),
            ("projects", .integer(projects)),
            ("parse_seconds", parse.json),
            ("rules", .array(counts.map { count in
                .object([
                    ("rule", .string(count.rule.rawValue)),
                    ("count_seconds", count.timing.json),
                    ("selected", .array(count.selected.map { .string($0) })),
                ])
            })),
        ])
    }
}

/// The median and best wall-clock time of repeated runs, in seconds.
struct Timing {
    var median: Double
    var best: Double

    var formatted: String { String(format: "%.1f / %.1f", median * 1000, best * 1000) }

    var json: JSONText {
        .object([("median", .number(String(format: "%.9f", median))), ("best", .number(String(format: "%.9f", best)))])
    }

    /// Runs `body` `runs` times (at least once) and returns the timing and the last run's value.
    ///
    /// Only `body` is timed: the previous run's value is freed before the clock starts.
    static func measure<Value>(runs: Int, _ body: () throws -> Value) throws -> (Timing, Value) {
        let clock = ContinuousClock()
        var samples: [Double] = []
        var value: Value?
        for _ in 0..<max(runs, 1) {
            value = nil
            let start = clock.now
            let result = try body()
            let elapsed = clock.now - start
            value = result
            samples.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        samples.sort()
        return (Timing(median: samples[samples.count / 2], best: samples[0]), value!)
    }
}
