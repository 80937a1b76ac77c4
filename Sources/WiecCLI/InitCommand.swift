import ArgumentParser
import Foundation
import WiecLedger
import WiecServer

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
        let location = try ledger.location
        guard !location.exists else {
            throw ValidationError("\(location) exists already")
        }
        let files = location.localFiles
        let folder = (files as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let name = origin ?? "wiec.local/" + ((files as NSString).lastPathComponent as NSString).deletingPathExtension
        let signer = try KeyFiles.create(forLedger: files, name: name)
        _ = try location.store(signer: signer)
        print("created \(location)")
        print("signing key \(KeyFiles.privateKeyPath(forLedger: files)) (keep it secret)")
        print("verifier key \(signer.verifier.verifierKeyText)")
    }
}
