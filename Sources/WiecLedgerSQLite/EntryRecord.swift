import Foundation
import GRDB
import WiecLedger

/// A row of `entries`: an entry of the log and the hash stored beside it.
struct EntryRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "entries"

    /// The columns of `entries`.
    enum Columns {
        static let sequence = Column("seq")
        static let id = Column("id")
        static let time = Column("time")
        static let type = Column("type")
        static let actorRole = Column("actor_role")
        static let actorID = Column("actor_id")
        static let edition = Column("edition")
        static let body = Column("body")
        static let hash = Column("hash")
    }

    var entry: LedgerEntry
    var hash: [UInt8]

    init(row: Row) throws {
        entry = LedgerEntry(
            sequence: row[Columns.sequence], id: row[Columns.id], time: row[Columns.time], type: row[Columns.type],
            actorRole: row[Columns.actorRole], actorID: row[Columns.actorID], edition: row[Columns.edition], body: row[Columns.body])
        hash = Array(row[Columns.hash] as Data)
    }
}
