import ArgumentParser
import WiecLedger
import WiecServer

/// The store a command works on: `--store sqlite:PATH` (or `--db PATH`) or `--store postgres://…`.
struct LedgerOptions: ParsableArguments {
    @Option(
        name: [.customLong("store"), .customLong("db")],
        help: "The store: sqlite:PATH (or a bare PATH) or postgres://user@host:port/database. Its signing key is PATH.key beside the SQLite file, or kept in the PostgreSQL database.")
    var path: String

    /// Where the store is.
    var location: StoreLocation {
        get throws { try StoreLocation(path) }
    }

    /// Opens the store with its signing key.
    func signedStore() throws -> (store: LedgerStore, signer: CheckpointSigner) {
        let location = try location
        let signer = try location.signer()
        return (try location.store(signer: signer), signer)
    }
}
