import ArgumentParser
import Foundation
import Pabulib
import WiecLedger
import WiecLedgerSQLite
import WiecExchange

/// `wiec bench-ledger`: measures the ledger (run it from a release build).
struct LedgerBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-ledger",
        abstract: "Measure ballot appends (one per commit and batched), a pabulib import, and verify of a large log."
    )

    @Option(help: "Ballots appended one per transaction (one fsync each).")
    var single = 2000

    @Option(help: "Ballots appended in batched transactions.")
    var batched = 100_000

    @Option(help: "Ballots per batched transaction.")
    var batchSize = 1000

    @Option(name: .customLong("import"), help: "A .pb file to import and time.")
    var importFile: String?

    @Option(help: "Entries of the log to build and verify (0: skip).")
    var verifyEntries = 1_000_000

    @Option(help: "Scratch folder for the ledger files.")
    var scratch = NSTemporaryDirectory()

    func run() async throws {
        var bench = try LedgerBenchmark(folder: scratch)
        defer { bench.cleanUp() }
        let appends = try bench.votingLedger(named: "appends", voters: single + batched)
        let singleRate = try LedgerBenchmark.castBallots(into: appends.store, count: single, batchSize: 1)
        print(String(format: "append, one ballot per commit: %8.0f ballots/s (%d ballots)", singleRate, single))
        let batchedRate = try LedgerBenchmark.castBallots(into: appends.store, count: batched, batchSize: batchSize, from: single)
        print(String(format: "append, %d ballots per commit: %8.0f ballots/s (%d ballots)", batchSize, batchedRate, batched))
        if let importFile {
            let started = Date()
            let file = try PabulibFile.read(path: importFile)
            let read = Date()
            let target = try bench.votingLedger(named: "import", voters: 0)
            let beforeImport = Date()
            let receipt = try target.store.importPabulib(
                [PabulibImport.Pool(id: "pool", file: file)], edition: "imported", name: "bench", idempotencyKey: "import", at: .now)
            let done = Date()
            print(String(
                format: "import %@: %d ballots, %lld entries in %.2f s (read %.2f s + append %.2f s)",
                (importFile as NSString).lastPathComponent, file.votes.count, receipt.lastSequence - receipt.firstSequence + 1,
                read.timeIntervalSince(started) + done.timeIntervalSince(beforeImport), read.timeIntervalSince(started),
                done.timeIntervalSince(beforeImport)))
        }
        if verifyEntries > 0 {
            let voters = max(1, (verifyEntries - 40) / 2)
            let big = try bench.votingLedger(named: "verify", voters: voters)
            _ = try LedgerBenchmark.castBallots(into: big.store, count: verifyEntries - 40 - voters, batchSize: 50_000)
            _ = try big.store.checkpoint(at: .now)
            let started = Date()
            let report = try LedgerVerifier.verify(databaseAt: big.path, verifier: big.signer.verifier)
            print(String(format: "verify --db: %lld entries, %d checkpoints in %.2f s", report.entries, report.checkpoints, Date().timeIntervalSince(started)))
        }
    }
}
