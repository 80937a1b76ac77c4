import ArgumentParser
import WiecLedger
import WiecLedgerSQLite
import WiecExchange

/// `wiec export`: writes an edition's audit bundle.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the audit bundle: entries (JSON lines), checkpoints, verifier key, per-pool .pb files, results."
    )

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "The edition whose pools and results to export (the log is exported whole).")
    var edition: String

    @Option(help: "The folder to write.")
    var out: String

    func run() async throws {
        let (store, signer) = try ledger.signedStore()
        _ = try store.checkpoint(at: .now)
        let count = try AuditBundle.export(from: store, edition: edition, verifier: signer.verifier, to: out)
        print("exported \(count) entries of the log and edition \(edition) to \(out)")
    }
}
