import ArgumentParser
import Foundation
import Pabulib
import WiecTally

/// `wiec tally`: counts a pool from a `.pb` file, or checks files against their official results.
struct TallyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: "Count a pool from a pabulib .pb file, or check files against their official selection.",
        discussion: """
            Applies the file's own rule unless --rule names another. With --check, every .pb file \
            under the given paths is counted by its own rule (ranking by the file's official \
            score/votes column) and compared with its `selected` column.
            """
    )

    @Argument(help: "The .pb file to count; with --check, files or folders to check.")
    var paths: [String] = []

    @Option(name: [.customLong("store"), .customLong("db")], help: "Count from a store instead of a .pb file (with --edition): sqlite:PATH (or PATH) or postgres://user@host:port/database.")
    var database: String?

    @Option(help: "With --db: the edition to count.")
    var edition: String?

    @Option(help: "With --db: the pool to count (default: every pool of the edition).")
    var pool: String?

    @Option(help: "The rule to apply instead of the file's own (\(Rule.allCases.map(\.rawValue).joined(separator: ", "))).")
    var rule: String?

    @Option(help: "Output format: table, json or md.")
    var format: TallyReport.Format = .table

    @Flag(help: "Explain the count step by step.")
    var explain = false

    @OptionGroup var counting: CountOptions

    @Flag(help: "Refuse a file whose published ballots break its own rules (a project twice, length, cost or points limits), naming the first line, instead of counting them as published with a warning each.")
    var strict = false

    @Flag(help: "Compare computed selections with the files' `selected` columns.")
    var check = false

    @Option(name: .customLong("exclusive"), help: "Projects of which at most one may be funded, as ID,ID,... (repeatable): the exclusion groups a greedy-exclusive file states only in prose.")
    var exclusive: [String] = []

    func validate() throws {
        if database != nil {
            if !paths.isEmpty || check || edition == nil { throw ValidationError("With --db, give --edition and no .pb file.") }
        } else if !check, paths.count != 1 { throw ValidationError("Give exactly one .pb file (or use --check).") }
        if !exclusive.isEmpty, check || database != nil {
            throw ValidationError("--exclusive states the groups of one .pb file: not with --check or --db.")
        }
    }

    func run() async throws {
        if check {
            try runCheck(tieBreaking: counting.namedTieBreaking)
            return
        }
        if let database, let edition {
            try runLedger(database: database, edition: edition)
            return
        }
        let path = paths[0]
        let file = try PabulibElection.read(path: path, limitCheck: strict ? .enforce : .report)
        PublishedBallotWarnings.print(file.warnings, file: (path as NSString).lastPathComponent)
        var election = file.election
        election.exclusionGroups = try ExclusiveOption.groups(exclusive, in: election.projects.map(\.id)).map {
            ExclusionGroup(projects: $0, limit: 1)
        }
        let spec = try counting.applying(to: try self.rule.map(RuleSpec.init(name:)) ?? file.ruleSpec())
        let result = try Tally.run(election, spec: spec, options: counting.tallyOptions(explainRounds: explain))
        let report = TallyReport(
            source: (path as NSString).lastPathComponent, election: election, result: result,
            currency: file[meta: "currency"] ?? "PLN"
        )
        print(report.rendered(as: format, explain: explain))
    }

    private func runCheck(tieBreaking: TieBreaking?) throws {
        let checker = TallyCheck(tieBreaking: tieBreaking, limitCheck: strict ? .enforce : .report)
        var (matched, differ, skipped) = (0, 0, 0)
        for path in TallyCheck.files(in: paths) {
            let line = checker.check(path: path)
            print(line.rendered)
            switch line.verdict {
            case .matched: matched += 1
            case .differs, .reserveDiffers, .unreadable: differ += 1
            case .skipped: skipped += 1
            }
        }
        print("\(matched) matched, \(differ) differ, \(skipped) skipped")
        if differ > 0 { throw ExitCode.failure }
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

extension TallyReport.Format: ExpressibleByArgument {}
