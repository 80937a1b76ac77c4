import GRDB
import WiecCore

extension LedgerStore {
    /// Drops every derived table's rows and refills them by folding the log from the start.
    public func rebuildProjections() throws {
        try database.write { db in
            for table in LedgerSchema.derivedTables { try db.execute(sql: "DELETE FROM \(table)") }
            var editions: [EditionID: EditionState] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT seq, id, time, type, actor_role, actor_id, edition, body FROM entries ORDER BY seq")
            while let row = try rows.next() {
                let entry = LedgerEntry(row: row)
                let event = try EventCoding.decode(type: entry.type, body: entry.body)
                var state = editions.removeValue(forKey: entry.edition) ?? EditionState(id: entry.edition)
                Edition.evolve(&state, event)
                try Projector.project(event, sequence: entry.sequence, state: state, db: db)
                editions[entry.edition] = state
            }
        }
    }

    /// Every row of every derived table, as text, table by table in key order: what a rebuild
    /// must reproduce exactly.
    public func derivedRows() throws -> [String: [String]] {
        try database.read { db in
            var tables: [String: [String]] = [:]
            for table in LedgerSchema.derivedTables {
                tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2").map(\.description)
            }
            return tables
        }
    }
}
