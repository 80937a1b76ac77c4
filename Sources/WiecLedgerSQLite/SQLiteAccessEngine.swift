public import Foundation
import GRDB
public import WiecLedger

/// The access data of a SQLite store, in a file of its own beside the ledger (`FILE.access`),
/// so that the ledger file can be handed to an auditor without a single token hash in it.
public final class SQLiteAccessEngine: AccessEngine {
    let database: DatabasePool

    /// Opens (creating if needed) an access file and brings its schema up to date.
    ///
    /// - Throws: ``LedgerError/storage(_:)`` when the file cannot be opened or migrated.
    public init(path: String) throws(LedgerError) {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        do {
            database = try DatabasePool(path: path, configuration: configuration)
            // A revoked token or an ended session must stay revoked after a power cut.
            try SQLiteEngine.syncEveryCommit(database)
            try AccessSchema.migrator.migrate(database)
        } catch {
            throw .storage("cannot open the access file \(path): \(error)")
        }
    }

    public func secret(named name: String) throws -> [UInt8]? {
        try database.read { db in try Data.fetchOne(db, sql: "SELECT value FROM secrets WHERE name = ?", arguments: [name]).map(Array.init) }
    }

    public func secret(named name: String, storingIfAbsent value: [UInt8]) throws -> [UInt8] {
        try database.write { db in
            try db.execute(sql: "INSERT INTO secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", arguments: [name, Data(value)])
            return Array(try Data.fetchOne(db, sql: "SELECT value FROM secrets WHERE name = ?", arguments: [name]) ?? Data(value))
        }
    }

    public func addStaff(_ staff: StoredStaff, tokenHash: [UInt8], created: Date) throws {
        try database.write { db in
            try db.execute(
                sql: "INSERT INTO staff (id, name, role, scope, token_hash, created) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [staff.id, staff.name, staff.role, staff.scope, Data(tokenHash), AccessTime.text(created)])
        }
    }

    public func revokeStaff(id: String, at time: Date) throws -> Bool {
        try database.write { db in
            try db.execute(sql: "UPDATE staff SET revoked = ? WHERE id = ? AND revoked IS NULL", arguments: [AccessTime.text(time), id])
            guard db.changesCount > 0 else { return false }
            try db.execute(sql: "DELETE FROM staff_sessions WHERE staff_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM staff_sign_in_codes WHERE staff_id = ?", arguments: [id])
            return true
        }
    }

    public func activeStaff() throws -> [StoredStaff] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, role, scope FROM staff WHERE revoked IS NULL ORDER BY created, id").map(Self.staff)
        }
    }

    public func activeStaff(tokenHash: [UInt8]) throws -> StoredStaff? {
        try database.read { db in try Self.activeStaff(db, tokenHash: tokenHash) }
    }

    public func storedResidentToken(hash: [UInt8]) throws -> (edition: String, resident: String)? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT edition, resident_id FROM residents WHERE token_hash = ?", arguments: [Data(hash)])
                .map { ($0["edition"], $0["resident_id"]) }
        }
    }

    public func replaceSignInCode(hash: [UInt8], edition: String, voter: String) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM sign_in_codes WHERE edition = ? AND voter_id = ?", arguments: [edition, voter])
            try db.execute(
                sql: "INSERT INTO sign_in_codes (code_hash, edition, voter_id) VALUES (?, ?, ?)", arguments: [Data(hash), edition, voter])
        }
    }

    public func redeemSignInCode(hash: [UInt8], edition: String, voter: String) throws -> Bool {
        try database.write { db in
            try db.execute(
                sql: "DELETE FROM sign_in_codes WHERE code_hash = ? AND edition = ? AND voter_id = ?", arguments: [Data(hash), edition, voter])
            return db.changesCount > 0
        }
    }

    public func replaceStaffSignInCode(hash: [UInt8], staff id: String) throws -> Bool {
        try database.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM staff WHERE id = ? AND revoked IS NULL", arguments: [id]) == true else { return false }
            try db.execute(sql: "DELETE FROM staff_sign_in_codes WHERE staff_id = ?", arguments: [id])
            try db.execute(sql: "INSERT INTO staff_sign_in_codes (code_hash, staff_id) VALUES (?, ?)", arguments: [Data(hash), id])
            return true
        }
    }

    public func startStaffSession(_ credential: StaffCredential, sessionHash: [UInt8], at time: Date) throws -> StoredStaff? {
        try database.write { db in
            let staff: StoredStaff?
            switch credential {
            case .token(let hash):
                staff = try Self.activeStaff(db, tokenHash: hash)
            case .code(let hash):
                let id = try String.fetchOne(db, sql: "SELECT staff_id FROM staff_sign_in_codes WHERE code_hash = ?", arguments: [Data(hash)])
                try db.execute(sql: "DELETE FROM staff_sign_in_codes WHERE code_hash = ?", arguments: [Data(hash)])
                staff = try id.flatMap { id in
                    try Row.fetchOne(db, sql: "SELECT id, name, role, scope FROM staff WHERE id = ? AND revoked IS NULL", arguments: [id])
                        .map(Self.staff)
                }
            }
            guard let staff else { return nil }
            try db.execute(
                sql: "INSERT INTO staff_sessions (token_hash, staff_id, last_seen) VALUES (?, ?, ?)",
                arguments: [Data(sessionHash), staff.id, time.timeIntervalSince1970])
            return staff
        }
    }

    public func useStaffSession(hash: [UInt8], at time: Date, idleTimeout: TimeInterval) throws -> StoredStaff? {
        try database.write { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT staff_sessions.last_seen, staff.id, staff.name, staff.role, staff.scope
                        FROM staff_sessions JOIN staff ON staff.id = staff_sessions.staff_id
                        WHERE staff_sessions.token_hash = ? AND staff.revoked IS NULL
                        """, arguments: [Data(hash)])
            else { return nil }
            let lastSeen: Double = row["last_seen"]
            guard time.timeIntervalSince1970 - lastSeen <= idleTimeout else {
                try db.execute(sql: "DELETE FROM staff_sessions WHERE token_hash = ?", arguments: [Data(hash)])
                return nil
            }
            try db.execute(
                sql: "UPDATE staff_sessions SET last_seen = max(last_seen, ?) WHERE token_hash = ?",
                arguments: [time.timeIntervalSince1970, Data(hash)])
            return Self.staff(row)
        }
    }

    public func endStaffSession(hash: [UInt8]) throws {
        try database.write { db in try db.execute(sql: "DELETE FROM staff_sessions WHERE token_hash = ?", arguments: [Data(hash)]) }
    }

    public func snapshot() throws -> AccessSnapshot {
        try database.read { db in
            var snapshot = AccessSnapshot()
            for row in try Row.fetchAll(db, sql: "SELECT name, value FROM secrets") {
                snapshot.secrets[row["name"]] = Array(row["value"] as Data)
            }
            snapshot.staff = try Row.fetchAll(db, sql: "SELECT id, name, role, scope, token_hash, created, revoked FROM staff ORDER BY created, id")
                .map { .init(staff: Self.staff($0), tokenHash: Array($0["token_hash"] as Data), created: $0["created"], revoked: $0["revoked"]) }
            snapshot.staffCodes = try Self.codes(db, "SELECT code_hash, '' AS edition, staff_id AS holder FROM staff_sign_in_codes")
            snapshot.signInCodes = try Self.codes(db, "SELECT code_hash, edition, voter_id AS holder FROM sign_in_codes")
            snapshot.residentTokens = try Self.codes(db, "SELECT token_hash AS code_hash, edition, resident_id AS holder FROM residents")
            return snapshot
        }
    }

    public func restore(_ snapshot: AccessSnapshot) throws {
        try database.write { db in
            let held = try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM staff) + (SELECT count(*) FROM secrets)") ?? 0
            guard held == 0 else { throw LedgerError.storage("the target's access file holds accounts or secrets already") }
            for (name, value) in snapshot.secrets {
                try db.execute(sql: "INSERT INTO secrets (name, value) VALUES (?, ?)", arguments: [name, Data(value)])
            }
            for row in snapshot.staff {
                try db.execute(
                    sql: "INSERT INTO staff (id, name, role, scope, token_hash, created, revoked) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    arguments: [row.staff.id, row.staff.name, row.staff.role, row.staff.scope, Data(row.tokenHash), row.created, row.revoked])
            }
            for code in snapshot.staffCodes {
                try db.execute(sql: "INSERT INTO staff_sign_in_codes (code_hash, staff_id) VALUES (?, ?)", arguments: [Data(code.hash), code.holder])
            }
            for code in snapshot.signInCodes {
                try db.execute(
                    sql: "INSERT INTO sign_in_codes (code_hash, edition, voter_id) VALUES (?, ?, ?)", arguments: [Data(code.hash), code.edition, code.holder])
            }
            for token in snapshot.residentTokens {
                try db.execute(
                    sql: "INSERT INTO residents (token_hash, edition, resident_id) VALUES (?, ?, ?)",
                    arguments: [Data(token.hash), token.edition, token.holder])
            }
        }
    }

    private static func activeStaff(_ db: Database, tokenHash: [UInt8]) throws -> StoredStaff? {
        try Row.fetchOne(db, sql: "SELECT id, name, role, scope FROM staff WHERE token_hash = ? AND revoked IS NULL", arguments: [Data(tokenHash)])
            .map(staff)
    }

    private static func codes(_ db: Database, _ sql: String) throws -> [AccessSnapshot.Code] {
        try Row.fetchAll(db, sql: sql).map { .init(hash: Array($0["code_hash"] as Data), edition: $0["edition"], holder: $0["holder"]) }
    }

    private static func staff(_ row: Row) -> StoredStaff {
        StoredStaff(id: row["id"], name: row["name"], role: row["role"], scope: row["scope"])
    }
}
