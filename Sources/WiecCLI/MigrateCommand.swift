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
            head hash and checkpoints with the source's. The signing key and the access data (staff accounts, sign-in codes, \
            the server's secret, so that every token stays valid) go with it: into FILE.key, FILE.vkey and FILE.access \
            beside a SQLite target, or into a PostgreSQL target's tables. Page sessions do not; staff sign in again. Stop \
            the servers of the source first.
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
        let signer = try source.signer()
        if case .sqlite(let path) = target, FileManager.default.fileExists(atPath: path) {
            throw ValidationError("\(path) exists already; the copy goes into a new store")
        }
        try target.createFolder()
        let targetAccess = try target.accessEngine()
        guard try targetAccess.snapshot().isEmpty else {
            throw ValidationError("\(target) holds a signing key, staff accounts or secrets already; the copy goes into a new store")
        }
        let started = Date()
        let outcome = try LedgerMigration.copy(from: try source.readingEngine(), to: try target.engine(), verifier: signer.verifier)
        var access = try source.accessEngine().snapshot()
        access.secrets[StoreLocation.signingKeySecret] = nil
        try targetAccess.restore(access)
        try target.keep(signer)
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        print("copied \(source) to \(target): \(outcome.entries) entries, \(outcome.checkpoints) checkpoints, \(outcome.commands) idempotency keys, \(outcome.residents) residents' personal data, \(access.staff.count) staff accounts (\(seconds) s)")
        print("OK: the copy verifies; head hash \(outcome.headHash) and every checkpoint as in the source; root \(outcome.report.root)")
    }
}
