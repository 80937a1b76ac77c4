import Foundation
import GRDB
import Testing
import WiecTestSupport
@testable import WiecLedgerSQLite

/// A SQLite commit that returned is on the disk: the ledger's and the access file's writers
/// sync every commit (`synchronous=FULL`), whatever GRDB sets when it turns WAL on.
@Suite struct SQLiteDurabilityTests {
    /// The `synchronous` level of a pool's writer connection (2 is FULL, 1 NORMAL).
    static func writerSynchronous(_ database: DatabasePool) throws -> Int? {
        try database.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
    }

    @Test("the ledger's writer syncs every commit, also after the file is reopened")
    func ledgerWriterSyncsEveryCommit() throws {
        let folder = try TemporaryFolder("wiec-durability")
        let path = folder.url.appendingPathComponent("wiec.sqlite").path
        #expect(try Self.writerSynchronous(SQLiteEngine(path: path).database) == 2)
        #expect(try Self.writerSynchronous(SQLiteEngine(path: path).database) == 2)
    }

    @Test("the access file's writer syncs every commit")
    func accessWriterSyncsEveryCommit() throws {
        let folder = try TemporaryFolder("wiec-durability")
        let engine = try SQLiteAccessEngine(path: folder.url.appendingPathComponent("wiec.sqlite.access").path)
        #expect(try Self.writerSynchronous(engine.database) == 2)
    }
}
