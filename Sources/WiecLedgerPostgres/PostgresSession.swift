import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import WiecLedger

/// One connection to the server, used synchronously: each call sends its query and waits for
/// the answer.
///
/// The ledger's engine protocol (``LedgerEngine``) is synchronous, since the SQLite engine below
/// it is, and the ledger's callers run it on their own threads (the group committer's writer,
/// the command line, a request's task). postgres-nio is asynchronous: its connections live on
/// the module's own event loops (``eventLoops``), and this bridges by waiting on the returned
/// future (`wait()`), which is safe on any thread but those loops', and none of Wiec's callers
/// runs there. Rewriting the protocol as `async` would spare the waiting thread; it is left for
/// when the SQLite engine has an asynchronous form too.
struct PostgresSession {
    let connection: PostgresConnection
    let logger: Logger

    /// The event loops of the ledger's connections: the module's own, so that no caller's thread
    /// (a server's event loop among them) is ever one whose future it waits on.
    static let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: 2)

    /// Opens a connection to the database at `address`, on the module's event loops.
    ///
    /// - Throws: ``LedgerError/unavailable(_:)`` when the server cannot be reached or refuses.
    static func connect(to address: PostgresAddress, id: Int, logger: Logger) throws(LedgerError) -> PostgresSession {
        let configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: .disable)
        do {
            let connection = try PostgresConnection.connect(
                on: eventLoops.next(), configuration: configuration, id: id, logger: logger
            ).wait()
            return PostgresSession(connection: connection, logger: logger)
        } catch {
            throw .unavailable("cannot connect to the ledger at \(address): \(String(reflecting: error))")
        }
    }

    /// Runs a query and collects its rows.
    func rows(_ query: PostgresQuery) throws(LedgerError) -> [PostgresRow] {
        do {
            return try connection.query(query, logger: logger).wait().rows
        } catch {
            throw PostgresFailure.ledgerError(error, doing: query.sql)
        }
    }

    /// Runs a query whose rows are not needed.
    func run(_ query: PostgresQuery) throws(LedgerError) {
        _ = try rows(query)
    }

    /// Runs a query and decodes the first column of its first row, if there is a row.
    func value<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type) throws(LedgerError) -> T? {
        guard let row = try rows(query).first else { return nil }
        do {
            return try row.decode(T.self)
        } catch {
            throw LedgerError.storage("cannot read the answer to \(query.sql): \(error)")
        }
    }

    /// Whether the connection can still be used.
    var isOpen: Bool { !connection.isClosed }

    /// Closes the connection.
    func close() {
        try? connection.close().wait()
    }
}
