import ArgumentParser
import Foundation
import WiecLedger
import WiecLedgerSQLite

/// `wiec init`: creates a ledger and its checkpoint signing key.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a ledger file and its Ed25519 signing key (FILE.key, mode 0600; FILE.vkey to publish)."
    )

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "The log's origin, which names the key in every checkpoint (default: wiec.local/<file name>).")
    var origin: String?

    func run() async throws {
        guard !FileManager.default.fileExists(atPath: ledger.path) else {
            throw ValidationError("\(ledger.path) exists already")
        }
        let name = origin ?? "wiec.local/" + ((ledger.path as NSString).lastPathComponent as NSString).deletingPathExtension
        let signer = try KeyFiles.create(forLedger: ledger.path, name: name)
        _ = try LedgerStore(path: ledger.path, signer: signer)
        print("created \(ledger.path)")
        print("signing key \(KeyFiles.privateKeyPath(forLedger: ledger.path)) (keep it secret)")
        print("verifier key \(signer.verifier.verifierKeyText)")
    }
}
