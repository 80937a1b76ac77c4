import Foundation
public import WiecGateway
public import WiecLedger

/// What a running server holds open: the ledger, the access file and the checkpoint key.
public struct ServerServices: Sendable {
    /// The event store.
    public let store: LedgerStore
    /// Staff accounts and resident tokens.
    public let access: AccessStore
    /// The key that signs checkpoints.
    public let signer: CheckpointSigner

    /// Opens (creating on first start) the ledger, its signing key and the access file.
    ///
    /// - Throws: when a file cannot be created, opened or read.
    public init(configuration: ServerConfiguration) throws {
        let folder = (configuration.databasePath as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        // The key `wiec init` makes; a first start makes it the same way (origin wiec.local/<file>).
        let file = ((configuration.databasePath as NSString).lastPathComponent as NSString).deletingPathExtension
        signer = try KeyFiles.signer(forLedger: configuration.databasePath, creatingAs: "wiec.local/" + file)
        store = try configuration.store.store(signer: signer)
        access = try AccessStore(path: configuration.accessDatabasePath)
    }
}
