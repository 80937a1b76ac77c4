import ArgumentParser
import Foundation
import Pabulib
import WiecCore
import WiecLedger
import WiecLedgerSQLite
import WiecExchange

/// `wiec import`: records pabulib elections as an edition of the ledger.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import .pb files as one edition: a pool per file, projects, voters, ballots, phases up to closed.",
        discussion: """
            Everything goes in as ordinary events in one transaction. A published ballot that breaks its \
            file's rules (a project twice, length, cost or points limits) goes in as it was counted, with \
            what it breaks recorded beside it, and is reported as a warning; --strict refuses such a file.
            """
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

    @Option(name: .customLong("exclusive"), help: "Projects of which at most one may be funded, as ID,ID,... (repeatable), recorded as an exclusion group of the pool that holds them.")
    var exclusive: [String] = []

    @Flag(help: "Refuse a file whose published ballots break its own rules, naming the first line.")
    var strict = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one .pb file.") }
        if !pool.isEmpty, pool.count != files.count { throw ValidationError("Give one --pool per file, or none.") }
    }

    func run() async throws {
        let started = Date()
        var pools: [PabulibImport.Pool] = []
        for (position, path) in files.enumerated() {
            let id = pool.isEmpty ? ((path as NSString).lastPathComponent as NSString).deletingPathExtension : pool[position]
            let (file, warnings) = try PabulibFile.read(path: path, limitCheck: strict ? .enforce : .report)
            PublishedBallotWarnings.print(warnings, file: (path as NSString).lastPathComponent)
            pools.append(PabulibImport.Pool(id: id, file: file, warnings: warnings))
        }
        for value in exclusive {
            let first = String(value.prefix { $0 != "," })
            guard let position = pools.firstIndex(where: { $0.file.projects.contains { $0.id == first } }) else {
                throw ValidationError("--exclusive \(value): no pool has a project '\(first)'.")
            }
            let ids = pools[position].file.projects.map(\.id)
            for group in try ExclusiveOption.groups([value], in: ids) {
                pools[position].exclusionGroups.append(PoolExclusionGroup(projects: group.map { ids[$0] }))
            }
        }
        let store = try ledger.signedStore().store
        let receipt = try store.importPabulib(
            pools, edition: edition, name: name ?? pools[0].file[meta: "description"] ?? edition,
            idempotencyKey: "import:\(edition)", at: Date())
        let ballots = pools.reduce(0) { $0 + $1.file.votes.count }
        let seconds = Date().timeIntervalSince(started)
        print("imported \(edition): \(pools.count) pool(s), \(ballots) ballots, entries \(receipt.firstSequence)...\(receipt.lastSequence) in \(String(format: "%.2f", seconds)) s")
    }
}
