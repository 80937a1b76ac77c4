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

    @Option(name: .customLong("db"), help: "Count from a ledger file instead of a .pb file (with --edition).")
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

    @Flag(help: "Count ballots that break the file's own limits, reporting each on stderr, instead of refusing the file.")
    var allowLimitViolations = false

    @Flag(help: "Compare computed selections with the files' `selected` columns.")
    var check = false

    func validate() throws {
        if database != nil {
            if !paths.isEmpty || check || edition == nil { throw ValidationError("With --db, give --edition and no .pb file.") }
        } else if !check, paths.count != 1 { throw ValidationError("Give exactly one .pb file (or use --check).") }
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
        let file = try PabulibElection.read(path: path, limitCheck: allowLimitViolations ? .report : .enforce)
        for violation in file.warnings { printError("warning: \(violation)") }
        let election = file.election
        let rule = try Rule(pabulibName: self.rule ?? file.rule ?? "unknown")
        let result = try Tally.run(election, rule: rule, options: counting.tallyOptions(explainRounds: explain))
        let report = TallyReport(
            source: (path as NSString).lastPathComponent, election: election, result: result,
            currency: file[meta: "currency"] ?? "PLN"
        )
        print(report.rendered(as: format, explain: explain))
    }

    private func runCheck(tieBreaking: TieBreaking?) throws {
        let checker = TallyCheck(tieBreaking: tieBreaking)
        var (matched, differ, skipped) = (0, 0, 0)
        for path in TallyCheck.files(in: paths) {
            let line = checker.check(path: path)
            print(line.rendered)
            switch line.verdict {
            case .matched: matched += 1
            case .differs, .unreadable: differ += 1
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
