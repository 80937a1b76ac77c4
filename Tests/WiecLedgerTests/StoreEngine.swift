import Foundation
import Testing
import WiecLedger
import WiecLedgerPostgres
import WiecLedgerSQLite

/// The engines the store suite runs on: SQLite always, PostgreSQL when `WIEC_TEST_POSTGRES`
/// names a server (`scripts/test-all` starts a throwaway cluster and sets it).
enum StoreEngine: String, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    /// The PostgreSQL server's URL, when the tests have one.
    static let postgresURL = ProcessInfo.processInfo.environment["WIEC_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }

    /// The engines to run on here.
    static let available: [StoreEngine] = postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]

    var testDescription: String { rawValue }

    /// Opens an engine on a store: a SQLite file's path or a database's URL.
    func open(_ location: String) throws -> any LedgerEngine {
        switch self {
        case .sqlite: try SQLiteEngine(path: location)
        case .postgres: try PostgresEngine(url: location)
        }
    }
}
