import Foundation
public import WiecLedger
public import WiecLedgerPostgres
import WiecLedgerSQLite

/// Where a ledger is kept, as `--store` names it: `sqlite:PATH` (a bare path means the same) or
/// `postgres://user@host:port/database`.
///
/// The signing key (`PREFIX.key`, `PREFIX.vkey`) and the access file of staff and resident tokens
/// (`PREFIX.access`, SQLite) stay files on the machine, at ``localFiles``: beside the SQLite file,
/// or `wiec-data/DATABASE` under the working folder for a PostgreSQL database, so that nodes
/// started in one folder share them.
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// A SQLite file.
    case sqlite(path: String)
    /// A PostgreSQL database.
    case postgres(PostgresAddress)

    /// The default store: `sqlite:wiec-data/wiec.sqlite`.
    public static let standard = StoreLocation.sqlite(path: "wiec-data/wiec.sqlite")

    /// Reads a location from its `--store` form.
    ///
    /// - Throws: ``LedgerError/malformed(_:)`` for an empty path or a wrong `postgres://` URL.
    public init(_ text: String) throws(LedgerError) {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(try PostgresAddress(url: text))
            return
        }
        let path = text.hasPrefix("sqlite:") ? String(text.dropFirst("sqlite:".count)) : text
        guard !path.isEmpty else { throw .malformed("--store \(text) names no file (sqlite:PATH or postgres://user@host:port/database)") }
        self = .sqlite(path: path)
    }

    /// The prefix of the files kept on this machine: the signing key and the access file.
    public var localFiles: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let address): "wiec-data/\(address.database)"
        }
    }

    /// Whether a store is there already: the SQLite file, or, for PostgreSQL, its key file.
    public var exists: Bool {
        switch self {
        case .sqlite(let path): FileManager.default.fileExists(atPath: path)
        case .postgres: FileManager.default.fileExists(atPath: KeyFiles.privateKeyPath(forLedger: localFiles))
        }
    }

    /// Opens (creating if needed) the store's engine.
    ///
    /// - Throws: ``LedgerError`` when it cannot be opened or migrated.
    public func engine() throws(LedgerError) -> any LedgerEngine {
        switch self {
        case .sqlite(let path): try SQLiteEngine(path: path)
        case .postgres(let address): try PostgresEngine(address: address)
        }
    }

    /// Opens an existing store to read it, changing nothing in a SQLite file (`wiec verify`).
    ///
    /// - Throws: ``LedgerError`` when there is no such store or it cannot be read.
    public func readingEngine() throws(LedgerError) -> any LedgerEngine {
        switch self {
        case .sqlite(let path): try SQLiteEngine(readingAt: path)
        case .postgres(let address): try PostgresEngine(address: address)
        }
    }

    /// Opens a store over the location's engine.
    public func store(signer: CheckpointSigner?) throws(LedgerError) -> LedgerStore {
        LedgerStore(engine: try engine(), signer: signer)
    }

    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let address): address.description
        }
    }
}
