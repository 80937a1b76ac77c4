import PostgresNIO
import WiecLedger

/// How a PostgreSQL error reaches the ledger.
enum PostgresFailure {
    /// A failed query as a ``LedgerError``: ``LedgerError/unavailable(_:)`` when the server
    /// cannot take writes now (the connection is gone or refused, the disk is full, the server
    /// shuts down, a serialization failure or deadlock), so that nothing was kept and the write
    /// may be retried with the same idempotency key; ``LedgerError/storage(_:)`` otherwise
    /// (a key already taken among them: the backstop against a second head).
    static func ledgerError(_ error: any Error, doing sql: String) -> LedgerError {
        guard let error = error as? PSQLError else { return .storage("\(sql): \(error)") }
        guard let state = error.serverInfo?[.sqlState] else {
            // No answer from the server: the connection failed or was closed.
            return .unavailable("the ledger's PostgreSQL server cannot be reached (\(error.code)); nothing was stored")
        }
        let message = error.serverInfo?[.message] ?? "\(error.code)"
        let unavailableClasses = ["08", "53", "57", "58"]
        if unavailableClasses.contains(String(state.prefix(2))) || state == "40001" || state == "40P01" || state == "25006" {
            return .unavailable("the ledger cannot write now (PostgreSQL \(state): \(message)); nothing was stored")
        }
        return .storage("PostgreSQL \(state): \(message) (\(sql.prefix(80)))")
    }
}
