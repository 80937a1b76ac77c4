import ArgumentParser
import Foundation
import WiecLedger
import WiecLedgerSQLite

/// `wiec proof`: prints an entry's inclusion receipt.
struct ProofCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proof",
        abstract: "Print an inclusion receipt (JSON) for an entry against the latest checkpoint, checkpointing first if needed."
    )

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "The entry's sequence number.")
    var entry: Int64

    func run() async throws {
        let store = try ledger.signedStore().store
        let receipt = try store.inclusionReceipt(for: entry, at: .now)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(receipt), as: UTF8.self))
    }
}
