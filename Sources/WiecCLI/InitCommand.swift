import ArgumentParser
import Foundation
import WiecLedger
import WiecServer

/// `wiec init`: creates a ledger and its checkpoint signing key.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a ledger and its Ed25519 signing key (beside a SQLite FILE: FILE.key, mode 0600, and FILE.vkey to publish; in the database for PostgreSQL)."
    )

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "The log's origin, which names the key in every checkpoint (default: wiec.local/<file name>).")
    var origin: String?

    func run() async throws {
        let location = try ledger.location
        guard try !location.exists() else {
            throw ValidationError("\(location) exists already")
        }
        try location.createFolder()
        let signer = try location.createSigner(name: origin ?? location.defaultOrigin)
        _ = try location.store(signer: signer)
        print("created \(location)")
        switch location {
        case .sqlite(let path): print("signing key \(KeyFiles.privateKeyPath(forLedger: path)) (keep it secret)")
        case .postgres: print("signing key in the database's access_secrets table (keep the database's access closed)")
        }
        print("verifier key \(signer.verifier.verifierKeyText)")
    }
}
