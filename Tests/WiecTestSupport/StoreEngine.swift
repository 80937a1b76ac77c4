import Foundation
import Testing
public import WiecLedger
public import WiecLedgerPostgres
public import WiecLedgerSQLite

/// The engines the store suites run on: SQLite always, PostgreSQL when `WIEC_TEST_POSTGRES`
/// names a server (`scripts/test-all` starts a throwaway cluster and sets it).
public enum StoreEngine: String, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    /// The PostgreSQL server's URL, when the tests have one.
    public static let postgresURL = ProcessInfo.processInfo.environment["WIEC_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }

    /// The engines to run on here.
    public static let available: [StoreEngine] = postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]

    public var testDescription: String { rawValue }

    /// A new empty store: a SQLite file's path in `folder`, or the URL of a new database on the
    /// test server (left to the throwaway cluster).
    ///
    /// - Throws: when there is no test server for PostgreSQL, or it refuses a new database.
    public func freshStore(in folder: URL) throws -> String {
        switch self {
        case .sqlite:
            return folder.appendingPathComponent("wiec-\(UUID().uuidString).sqlite").path
        case .postgres:
            guard let url = Self.postgresURL else { throw LedgerError.notFound("WIEC_TEST_POSTGRES is not set") }
            let server = try PostgresAddress(url: url)
            let name = "wiec_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            try PostgresEngine.createDatabase(named: name, beside: server)
            return server.database(name).description
        }
    }

    /// Opens the ledger's engine on a store: a SQLite file's path or a database's URL.
    public func open(_ location: String) throws -> any LedgerEngine {
        switch self {
        case .sqlite: try SQLiteEngine(path: location)
        case .postgres: try PostgresEngine(url: location)
        }
    }

    /// Opens the access engine of a store, as ``open(_:)`` names it: the access file beside the
    /// SQLite file, or the database's access tables.
    public func openAccess(_ location: String) throws -> any AccessEngine {
        switch self {
        case .sqlite: try SQLiteAccessEngine(path: location + ".access")
        case .postgres: try PostgresAccessEngine(address: try PostgresAddress(url: location))
        }
    }
}
