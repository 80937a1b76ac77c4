import ArgumentParser
import Foundation
import Pabulib
import WiecLedger

/// `wiec import`: records pabulib elections as an edition of the ledger.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import .pb files as one edition: a pool per file, projects, voters, ballots, phases up to closed.",
        discussion: "Everything goes in as ordinary events in one transaction; a file whose ballots break its own limits is refused."
    )

    @Argument(help: "The .pb files, one pool each.")
    var files: [String]

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "The new edition's id.")
    var edition: String

    @Option(help: "The edition's name (default: the first file's description).")
    var name: String?

    @Option(help: "The pool ids, one per file in order (default: each file's name without .pb).")
    var pool: [String] = []

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one .pb file.") }
        if !pool.isEmpty, pool.count != files.count { throw ValidationError("Give one --pool per file, or none.") }
    }

    func run() async throws {
        let started = Date()
        var pools: [PabulibImport.Pool] = []
        for (position, path) in files.enumerated() {
            let id = pool.isEmpty ? ((path as NSString).lastPathComponent as NSString).deletingPathExtension : pool[position]
            pools.append(PabulibImport.Pool(id: id, file: try PabulibFile.read(path: path)))
        }
        let store = try LedgerStore(path: ledger.path, signer: try KeyFiles.signer(forLedger: ledger.path))
        let receipt = try store.importPabulib(
            pools, edition: edition, name: name ?? pools[0].file[meta: "description"] ?? edition,
            idempotencyKey: "import:\(edition)", at: Date())
        let ballots = pools.reduce(0) { $0 + $1.file.votes.count }
        let seconds = Date().timeIntervalSince(started)
        print("imported \(edition): \(pools.count) pool(s), \(ballots) ballots, entries \(receipt.firstSequence)...\(receipt.lastSequence) in \(String(format: "%.2f", seconds)) s")
    }
}
