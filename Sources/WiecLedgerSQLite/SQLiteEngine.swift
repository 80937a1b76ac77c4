import Foundation
import GRDB
public import WiecLedger

/// The ledger on one SQLite file: WAL, one writer at a time (an IMMEDIATE transaction holds the
/// head, also against other processes on the file), `synchronous=FULL` so that a commit is on
/// disk when it returns, readers on their own snapshots beside the writer.
public final class SQLiteEngine: LedgerEngine {
    /// The file's connections.
    let database: DatabasePool

    /// Opens (creating if needed) a ledger file and brings its schema up to date.
    ///
    /// - Throws: ``LedgerError`` when the file cannot be opened or migrated.
    public init(path: String) throws(LedgerError) {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        do {
            database = try DatabasePool(path: path, configuration: configuration)
            try Self.syncEveryCommit(database)
            try LedgerSchema.migrator.migrate(database)
        } catch {
            throw .storage("cannot open ledger \(path): \(error)")
        }
    }

    /// Opens an existing ledger file read-only, changing nothing in it (`wiec verify --db`).
    ///
    /// - Throws: ``LedgerError`` when there is no such file or it cannot be read.
    public init(readingAt path: String) throws(LedgerError) {
        guard FileManager.default.fileExists(atPath: path) else { throw .notFound("no ledger at \(path)") }
        var configuration = Configuration()
        configuration.readonly = true
        do {
            database = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw .storage("cannot open ledger \(path): \(error)")
        }
    }

    /// Makes the writer's every commit wait for the disk (`synchronous=FULL`). GRDB sets the pool's
    /// writer to `NORMAL` when it turns WAL on, after `prepareDatabase`, and `NORMAL` syncs only
    /// at checkpoints: a commit acknowledged with a receipt could then be lost with the power.
    static func syncEveryCommit(_ database: DatabasePool) throws {
        try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
    }

    public func write<T>(_ body: (any LedgerTransaction) throws -> T) throws -> T {
        do {
            return try database.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(SQLiteLedgerTransaction(db: db))
                    return .commit
                }
                return result!
            }
        } catch {
            throw Self.writeFailure(error)
        }
    }

    public func read<T>(_ body: (any LedgerReading) throws -> T) throws -> T {
        try database.read { db in try body(SQLiteLedgerTransaction(db: db)) }
    }

    /// A write's error as the ledger reports it: a database that cannot write now (disk full,
    /// I/O error, busy past the timeout, read-only file) becomes ``LedgerError/unavailable(_:)``;
    /// the transaction was rolled back, so nothing of it was kept. Anything else passes as it is.
    static func writeFailure(_ error: any Error) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode {
        case .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_READONLY, .SQLITE_CANTOPEN:
            return LedgerError.unavailable("the ledger cannot write now (\(error.resultCode)); nothing was stored")
        default:
            return error
        }
    }
}
