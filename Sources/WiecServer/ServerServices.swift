import Foundation
public import WiecGateway
public import WiecLedger

/// What a running server holds open: the ledger, its access data and the checkpoint key.
public struct ServerServices: Sendable {
    /// The event store.
    public let store: LedgerStore
    /// Staff accounts and resident tokens.
    public let access: AccessStore
    /// The key that signs checkpoints.
    public let signer: CheckpointSigner

    /// Opens (creating on first start) the ledger, its signing key and its access data.
    ///
    /// - Throws: when the store cannot be created, opened or read.
    public init(configuration: ServerConfiguration) throws {
        let location = configuration.store
        try location.createFolder()
        // The key `wiec init` makes; a first start makes it the same way.
        signer = try location.signer(creatingAs: location.defaultOrigin)
        store = try location.store(signer: signer)
        access = try AccessStore(engine: try location.accessEngine())
    }
}
