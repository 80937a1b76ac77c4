import ArgumentParser
import Foundation
import WiecLedger
import WiecServer

/// `wiec migrate`: copies a store to another engine, entry by entry, and verifies the copy.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy a store into an empty one (SQLite to PostgreSQL or back) and verify the copy before reporting success.",
        discussion: """
            Copies every entry with its hash, every checkpoint, the idempotency keys, the editions' secrets, the personal \
            data and the registers of voting pseudonyms in one transaction, then verifies the copy in full and compares its \
            head hash and checkpoints with the source's. The signing key and the access file are copied to the target's \
            files (PREFIX.key, PREFIX.vkey, PREFIX.access) unless it has its own. Stop the servers of the source first.
            """
    )

    @Option(help: "The store to copy: sqlite:PATH (or PATH) or postgres://user@host:port/database.")
    var from: String

    @Option(help: "The empty store to copy into, on the same or the other engine.")
    var to: String

    func run() async throws {
        let source = try StoreLocation(from)
        let target = try StoreLocation(to)
        guard source != target else { throw ValidationError("--from and --to name the same store") }
        let verifier = try KeyFiles.verifier(at: KeyFiles.verifierKeyPath(forLedger: source.localFiles))
        if case .sqlite(let path) = target, FileManager.default.fileExists(atPath: path) {
            throw ValidationError("\(path) exists already; the copy goes into a new store")
        }
        let folder = (target.localFiles as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let started = Date()
        let outcome = try LedgerMigration.copy(from: try source.readingEngine(), to: try target.engine(), verifier: verifier)
        if source.localFiles != target.localFiles {
            for suffix in [".key", ".vkey", ".access"] where !FileManager.default.fileExists(atPath: target.localFiles + suffix) {
                if FileManager.default.fileExists(atPath: source.localFiles + suffix) {
                    try FileManager.default.copyItem(atPath: source.localFiles + suffix, toPath: target.localFiles + suffix)
                }
            }
        }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        print("copied \(source) to \(target): \(outcome.entries) entries, \(outcome.checkpoints) checkpoints, \(outcome.commands) idempotency keys, \(outcome.residents) residents' personal data (\(seconds) s)")
        print("OK: the copy verifies; head hash \(outcome.headHash) and every checkpoint as in the source; root \(outcome.report.root)")
    }
}
