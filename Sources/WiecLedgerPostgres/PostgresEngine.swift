import Foundation
import Logging
import NIOCore
import PostgresNIO
import Synchronization
public import WiecLedger

/// The ledger on a PostgreSQL database, shared by any number of processes and nodes.
///
/// The head of the log is serialized inside the database, never in the process: each write
/// transaction (READ COMMITTED) first takes the transaction-level advisory lock ``headLock``,
/// held until it commits or rolls back, so that only one writer of all the nodes on the
/// database appends at a time, and every statement after the lock sees what the writers before
/// it committed (the ledger re-reads the head there: `LedgerFold.catchUp`). The primary key on
/// `entries.seq` is the backstop: a second head would be refused, not stored. A commit returns
/// when PostgreSQL has made it durable (`synchronous_commit`, on by default).
///
/// Writes in this process share one connection, in turn; readers take connections of their own
/// (REPEATABLE READ, READ ONLY: one snapshot) and never wait for a writer.
///
/// The engine protocol is synchronous; this bridges to postgres-nio's futures by waiting on
/// them (``PostgresSession``), from the caller's thread, never from NIO's event loops.
public final class PostgresEngine: LedgerEngine, @unchecked Sendable {
    /// The key of the advisory lock that holds the head of the log ("WIEC" in ASCII).
    static let headLock: Int64 = 0x5749_4543

    /// The most idle reader connections kept open.
    static let idleReaders = 8

    /// Where the database is.
    public let address: PostgresAddress
    private let logger = Logger(label: "wiec.ledger.postgres")
    private let nextID = Atomic(0)
    /// Held by one write at a time in this process; guards ``writer``.
    private let writing = NSLock()
    private var writer: PostgresSession?
    private let readers = Mutex<[PostgresSession]>([])

    /// Connects to a ledger database and brings its schema up to date.
    ///
    /// - Throws: ``LedgerError`` when the server cannot be reached or the schema cannot be migrated.
    public convenience init(url: String) throws(LedgerError) {
        try self.init(address: try PostgresAddress(url: url))
    }

    /// Connects to a ledger database and brings its schema up to date.
    ///
    /// - Throws: ``LedgerError`` when the server cannot be reached or the schema cannot be migrated.
    public init(address: PostgresAddress) throws(LedgerError) {
        self.address = address
        do {
            let session = try connect()
            try PostgresSchema.migrate(session)
            writer = session
        } catch let error as LedgerError {
            throw error
        } catch {
            throw .storage("cannot open the ledger at \(address): \(error)")
        }
    }

    deinit {
        for session in readers.withLock({ $0 }) + (writer.map { [$0] } ?? []) {
            session.close()
        }
    }

    public func write<T>(_ body: (any LedgerTransaction) throws -> T) throws -> T {
        writing.lock()
        defer { writing.unlock() }
        let session: PostgresSession
        if let open = writer, open.isOpen {
            session = open
        } else {
            writer = nil
            session = try connect()
            writer = session
        }
        do {
            try session.run("BEGIN")
            try session.run("SELECT pg_advisory_xact_lock(\(Self.headLock))")
            let transaction = PostgresLedgerTransaction(session)
            let result = try body(transaction)
            try transaction.flush()
            try session.run("COMMIT")
            return result
        } catch {
            if session.isOpen { try? session.run("ROLLBACK") }
            if !session.isOpen { writer = nil }
            throw error
        }
    }

    public func read<T>(_ body: (any LedgerReading) throws -> T) throws -> T {
        let session = try readers.withLock { $0.popLast() } ?? connect()
        do {
            try session.run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            let result = try body(PostgresLedgerTransaction(session))
            try session.run("COMMIT")
            giveBack(session)
            return result
        } catch {
            if session.isOpen { try? session.run("ROLLBACK") }
            giveBack(session)
            throw error
        }
    }

    /// Runs SQL outside the ledger's transactions, as someone with access to the database would
    /// (the tests' tampering).
    func execute(unsafeSQL sql: String) throws {
        let session = try connect()
        defer { session.close() }
        try session.run(PostgresQuery(unsafeSQL: sql))
    }

    /// Keeps a reader's connection for the next read, while it is open and there is room.
    private func giveBack(_ session: PostgresSession) {
        let kept = session.isOpen && readers.withLock { idle in
            guard idle.count < Self.idleReaders else { return false }
            idle.append(session)
            return true
        }
        if !kept { session.close() }
    }

    /// A new connection to the database.
    private func connect() throws(LedgerError) -> PostgresSession {
        try PostgresSession.connect(to: address, id: nextID.add(1, ordering: .relaxed).newValue, logger: logger)
    }
}
