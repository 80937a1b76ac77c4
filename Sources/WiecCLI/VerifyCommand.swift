import ArgumentParser
import Foundation
import WiecLedger
import WiecServer

/// `wiec verify`: checks a bundle or a ledger file, end to end.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every hash, the chain, every checkpoint, and re-tally every pool; exit 1 naming the first bad entry.",
        discussion: "Give an audit bundle folder, or --store URL (sqlite:PATH or postgres://user@host:port/database; --db PATH is the same as sqlite:PATH) with its key (FILE.vkey beside a SQLite file, or the key a PostgreSQL database holds), or --key."
    )

    @Argument(help: "An audit bundle folder.")
    var bundle: String?

    @Option(name: [.customLong("store"), .customLong("db")], help: "A store to verify in place instead: sqlite:PATH (or PATH) or postgres://user@host:port/database.")
    var path: String?

    @Option(help: "The verifier key file to trust (default: the bundle's key.vkey, FILE.vkey beside a SQLite store, or the key a PostgreSQL store holds).")
    var key: String?

    func validate() throws {
        if (bundle == nil) == (path == nil) { throw ValidationError("Give a bundle folder or --store URL, not both.") }
    }

    func run() async throws {
        let started = Date()
        let report: VerificationReport
        do {
            if let path {
                let location = try StoreLocation(path)
                let verifier = try key.map(KeyFiles.verifier(at:)) ?? location.verifier()
                report = try LedgerVerifier.verify(try location.readingEngine(), verifier: verifier)
            } else {
                report = try AuditBundle.verify(folder: bundle!, verifier: try key.map(KeyFiles.verifier(at:)))
            }
        } catch let failure as VerificationFailure {
            printError("verification FAILED: \(failure)")
            throw ExitCode.failure
        }
        let seconds = Date().timeIntervalSince(started)
        print("OK: \(report.entries) entries, \(report.checkpoints) checkpoints, root \(report.root) (\(String(format: "%.2f", seconds)) s)")
        for fund in report.villageFunds {
            print("  \(fund): village fund amounts = the formula of art. 3 ust. 1 applied to the announced inputs")
        }
        for tally in report.tallies {
            if let result = tally.result {
                print("  \(tally.edition)/\(tally.pool): \(result.rule) selects \(result.selected.joined(separator: ", "))\(tally.published ? " = published" : "")")
            } else {
                print("  \(tally.edition)/\(tally.pool): not tallied: \(tally.problem ?? "")")
            }
        }
    }
}
