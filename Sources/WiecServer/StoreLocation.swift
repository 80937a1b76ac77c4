import Foundation
public import WiecLedger
public import WiecLedgerPostgres
import WiecLedgerSQLite

/// Where a ledger is kept, as `--store` names it: `sqlite:PATH` (a bare path means the same) or
/// `postgres://user@host:port/database`.
///
/// The checkpoint signing key and the access data (staff accounts, sessions, codes, the server's
/// secret) live with the store: beside a SQLite file (`FILE.key`, mode 0600; `FILE.vkey`;
/// `FILE.access`), or in a PostgreSQL database's `access_*` tables (the key as the secret
/// ``signingKeySecret``), so that every node on the database, wherever it runs, signs with the one
/// key and accepts every token the others made.
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

    /// The name of the access secret that holds a PostgreSQL store's signing key.
    public static let signingKeySecret = "checkpoint-signing-key"

    /// The origin a key made for this store is named by unless told otherwise:
    /// `wiec.local/` and the file's name without its extension, or the database's name.
    public var defaultOrigin: String {
        switch self {
        case .sqlite(let path): "wiec.local/" + ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        case .postgres(let address): "wiec.local/" + address.database
        }
    }

    /// Whether a store is there already: the SQLite file, or a PostgreSQL database with a signing key.
    ///
    /// - Throws: ``LedgerError`` when the database cannot be reached.
    public func exists() throws -> Bool {
        switch self {
        case .sqlite(let path): FileManager.default.fileExists(atPath: path)
        case .postgres: try accessEngine().secret(named: Self.signingKeySecret) != nil
        }
    }

    /// Creates the folder a SQLite store's files go in; a PostgreSQL store needs none.
    public func createFolder() throws {
        guard case .sqlite(let path) = self else { return }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
    }

    /// Opens (creating if needed) the store's access data.
    ///
    /// - Throws: ``LedgerError`` when it cannot be opened or migrated.
    public func accessEngine() throws(LedgerError) -> any AccessEngine {
        switch self {
        case .sqlite(let path): try SQLiteAccessEngine(path: path + ".access")
        case .postgres(let address): try PostgresAccessEngine(address: address)
        }
    }

    /// The store's signing key.
    ///
    /// - Throws: ``LedgerError`` when it has none or it cannot be read.
    public func signer() throws -> CheckpointSigner {
        switch self {
        case .sqlite(let path):
            return try KeyFiles.signer(forLedger: path)
        case .postgres:
            guard let key = try accessEngine().secret(named: Self.signingKeySecret) else {
                throw LedgerError.notFound("\(self) has no signing key (wiec init --store \(self))")
            }
            return try CheckpointSigner(privateKey: String(decoding: key, as: UTF8.self))
        }
    }

    /// The store's signing key, made under `name` when it has none yet (a server's first start);
    /// of processes that start at once, all get the one key that was stored.
    ///
    /// - Throws: ``LedgerError`` when the key can be neither read nor stored.
    public func signer(creatingAs name: String) throws -> CheckpointSigner {
        switch self {
        case .sqlite(let path):
            return try KeyFiles.signer(forLedger: path, creatingAs: name)
        case .postgres:
            let made = Array(try CheckpointSigner(name: name).privateKeyText.utf8)
            let key = try accessEngine().secret(named: Self.signingKeySecret, storingIfAbsent: made)
            return try CheckpointSigner(privateKey: String(decoding: key, as: UTF8.self))
        }
    }

    /// Makes the store's signing key; refuses when it has one (a store's key is never replaced).
    ///
    /// - Throws: ``LedgerError/key(_:)`` when it has a key already.
    public func createSigner(name: String) throws -> CheckpointSigner {
        let signer = try CheckpointSigner(name: name)
        try keep(signer)
        return signer
    }

    /// Keeps a key as the store's signing key (a new store's, or a copy's in `wiec migrate`).
    ///
    /// - Throws: ``LedgerError/key(_:)`` when the store has another key already.
    public func keep(_ signer: CheckpointSigner) throws {
        switch self {
        case .sqlite(let path):
            try KeyFiles.write(signer, forLedger: path)
        case .postgres:
            let key = Array(signer.privateKeyText.utf8)
            guard try accessEngine().secret(named: Self.signingKeySecret, storingIfAbsent: key) == key else {
                throw LedgerError.key("\(self) has a signing key already; a ledger's key is never replaced")
            }
        }
    }

    /// The key a store's checkpoints verify with: `FILE.vkey` beside a SQLite file, or the one
    /// of the key in a PostgreSQL database.
    ///
    /// - Throws: ``LedgerError`` when the store has no key.
    public func verifier() throws -> CheckpointVerifier {
        switch self {
        case .sqlite(let path): try KeyFiles.verifier(at: KeyFiles.verifierKeyPath(forLedger: path))
        case .postgres: try signer().verifier
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
