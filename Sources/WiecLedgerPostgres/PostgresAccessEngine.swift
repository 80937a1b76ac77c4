public import Foundation
import Logging
import PostgresNIO
public import WiecLedger

/// The access data of a PostgreSQL store, in the `access_*` tables of the ledger's database, so
/// that every node on the database shares the accounts, the sessions and the secrets: a token
/// made on one node works on all of them, and all sign checkpoints with the one key.
///
/// Its queries go over one connection of its own, in turn, each operation in a transaction
/// (READ COMMITTED); it never waits for the ledger's writer.
public final class PostgresAccessEngine: AccessEngine, @unchecked Sendable {
    private let address: PostgresAddress
    private let logger = Logger(label: "wiec.access.postgres")
    /// Held by one operation at a time; guards ``session``.
    private let lock = NSLock()
    private var session: PostgresSession?

    /// Connects to a store's database and brings its schema up to date.
    ///
    /// - Throws: ``LedgerError`` when the server cannot be reached or the schema cannot be migrated.
    public init(address: PostgresAddress) throws(LedgerError) {
        self.address = address
        let session = try PostgresSession.connect(to: address, id: 0, logger: logger)
        do {
            try PostgresSchema.migrate(session)
        } catch let error as LedgerError {
            throw error
        } catch {
            throw .storage("cannot open the access tables at \(address): \(error)")
        }
        self.session = session
    }

    deinit { session?.close() }

    public func secret(named name: String) throws -> [UInt8]? {
        try transaction { session in
            try session.value("SELECT value FROM access_secrets WHERE name = \(name)", as: Data.self).map(Array.init)
        }
    }

    public func secret(named name: String, storingIfAbsent value: [UInt8]) throws -> [UInt8] {
        try transaction { session in
            try session.run("INSERT INTO access_secrets (name, value) VALUES (\(name), \(Data(value))) ON CONFLICT (name) DO NOTHING")
            return try session.value("SELECT value FROM access_secrets WHERE name = \(name)", as: Data.self).map(Array.init) ?? value
        }
    }

    public func addStaff(_ staff: StoredStaff, tokenHash: [UInt8], created: Date) throws {
        try transaction { session in
            try session.run("""
                INSERT INTO access_staff (id, name, role, scope, token_hash, created)
                VALUES (\(staff.id), \(staff.name), \(staff.role), \(staff.scope), \(Data(tokenHash)), \(AccessTime.text(created)))
                """)
        }
    }

    public func revokeStaff(id: String, at time: Date) throws -> Bool {
        try transaction { session in
            let revoked = try session.rows(
                "UPDATE access_staff SET revoked = \(AccessTime.text(time)) WHERE id = \(id) AND revoked IS NULL RETURNING id")
            guard !revoked.isEmpty else { return false }
            try session.run("DELETE FROM access_staff_sessions WHERE staff_id = \(id)")
            try session.run("DELETE FROM access_staff_sign_in_codes WHERE staff_id = \(id)")
            return true
        }
    }

    public func activeStaff() throws -> [StoredStaff] {
        try transaction { session in
            try session.rows("SELECT id, name, role, scope FROM access_staff WHERE revoked IS NULL ORDER BY created, id").map(Self.staff)
        }
    }

    public func activeStaff(tokenHash: [UInt8]) throws -> StoredStaff? {
        try transaction { session in try Self.activeStaff(session, tokenHash: tokenHash) }
    }

    public func storedResidentToken(hash: [UInt8]) throws -> (edition: String, resident: String)? {
        try transaction { session in
            try session.rows("SELECT edition, resident_id FROM access_residents WHERE token_hash = \(Data(hash))").first
                .map { try Self.decode($0, as: (String, String).self) }
        }
    }

    public func replaceSignInCode(hash: [UInt8], edition: String, voter: String) throws {
        try transaction { session in
            try session.run("DELETE FROM access_sign_in_codes WHERE edition = \(edition) AND voter_id = \(voter)")
            try session.run("INSERT INTO access_sign_in_codes (code_hash, edition, voter_id) VALUES (\(Data(hash)), \(edition), \(voter))")
        }
    }

    public func redeemSignInCode(hash: [UInt8], edition: String, voter: String) throws -> Bool {
        try transaction { session in
            !(try session.rows("""
                DELETE FROM access_sign_in_codes WHERE code_hash = \(Data(hash)) AND edition = \(edition) AND voter_id = \(voter)
                RETURNING code_hash
                """)).isEmpty
        }
    }

    public func replaceStaffSignInCode(hash: [UInt8], staff id: String) throws -> Bool {
        try transaction { session in
            // The account's row is locked, so that a revocation cannot slip in between.
            guard !(try session.rows("SELECT 1 FROM access_staff WHERE id = \(id) AND revoked IS NULL FOR UPDATE")).isEmpty else { return false }
            try session.run("DELETE FROM access_staff_sign_in_codes WHERE staff_id = \(id)")
            try session.run("INSERT INTO access_staff_sign_in_codes (code_hash, staff_id) VALUES (\(Data(hash)), \(id))")
            return true
        }
    }

    public func startStaffSession(_ credential: StaffCredential, sessionHash: [UInt8], at time: Date) throws -> StoredStaff? {
        try transaction { session in
            let staff: StoredStaff?
            switch credential {
            case .token(let hash):
                staff = try Self.activeStaff(session, tokenHash: hash)
            case .code(let hash):
                let id = try session.value("DELETE FROM access_staff_sign_in_codes WHERE code_hash = \(Data(hash)) RETURNING staff_id", as: String.self)
                staff = try id.flatMap { id in
                    try session.rows("SELECT id, name, role, scope FROM access_staff WHERE id = \(id) AND revoked IS NULL").first.map(Self.staff)
                }
            }
            guard let staff else { return nil }
            try session.run("""
                INSERT INTO access_staff_sessions (token_hash, staff_id, last_seen)
                VALUES (\(Data(sessionHash)), \(staff.id), \(time.timeIntervalSince1970))
                """)
            return staff
        }
    }

    public func useStaffSession(hash: [UInt8], at time: Date, idleTimeout: TimeInterval) throws -> StoredStaff? {
        try transaction { session in
            guard
                let row = try session.rows("""
                    SELECT access_staff.id, access_staff.name, access_staff.role, access_staff.scope, access_staff_sessions.last_seen
                    FROM access_staff_sessions JOIN access_staff ON access_staff.id = access_staff_sessions.staff_id
                    WHERE access_staff_sessions.token_hash = \(Data(hash)) AND access_staff.revoked IS NULL
                    FOR UPDATE OF access_staff_sessions
                    """).first
            else { return nil }
            let (id, name, role, scope, lastSeen) = try Self.decode(row, as: (String, String, String, String, Double).self)
            guard time.timeIntervalSince1970 - lastSeen <= idleTimeout else {
                try session.run("DELETE FROM access_staff_sessions WHERE token_hash = \(Data(hash))")
                return nil
            }
            try session.run("""
                UPDATE access_staff_sessions SET last_seen = greatest(last_seen, \(time.timeIntervalSince1970))
                WHERE token_hash = \(Data(hash))
                """)
            return StoredStaff(id: id, name: name, role: role, scope: scope)
        }
    }

    public func endStaffSession(hash: [UInt8]) throws {
        try transaction { session in try session.run("DELETE FROM access_staff_sessions WHERE token_hash = \(Data(hash))") }
    }

    public func snapshot() throws -> AccessSnapshot {
        try transaction { session in
            var snapshot = AccessSnapshot()
            for row in try session.rows("SELECT name, value FROM access_secrets") {
                let (name, value) = try Self.decode(row, as: (String, Data).self)
                snapshot.secrets[name] = Array(value)
            }
            snapshot.staff = try session.rows(
                "SELECT id, name, role, scope, token_hash, created, revoked FROM access_staff ORDER BY created, id"
            ).map { row in
                let (id, name, role, scope, hash, created, revoked) = try Self.decode(
                    row, as: (String, String, String, String, Data, String, String?).self)
                return .init(staff: StoredStaff(id: id, name: name, role: role, scope: scope), tokenHash: Array(hash), created: created, revoked: revoked)
            }
            snapshot.staffCodes = try Self.codes(session.rows("SELECT code_hash, '', staff_id FROM access_staff_sign_in_codes"))
            snapshot.signInCodes = try Self.codes(session.rows("SELECT code_hash, edition, voter_id FROM access_sign_in_codes"))
            snapshot.residentTokens = try Self.codes(session.rows("SELECT token_hash, edition, resident_id FROM access_residents"))
            return snapshot
        }
    }

    public func restore(_ snapshot: AccessSnapshot) throws {
        try transaction { session in
            let held = try session.value(
                "SELECT (SELECT count(*) FROM access_staff) + (SELECT count(*) FROM access_secrets)", as: Int64.self) ?? 0
            guard held == 0 else { throw LedgerError.storage("the target's access tables hold accounts or secrets already") }
            for (name, value) in snapshot.secrets {
                try session.run("INSERT INTO access_secrets (name, value) VALUES (\(name), \(Data(value)))")
            }
            for row in snapshot.staff {
                try session.run("""
                    INSERT INTO access_staff (id, name, role, scope, token_hash, created, revoked)
                    VALUES (\(row.staff.id), \(row.staff.name), \(row.staff.role), \(row.staff.scope), \(Data(row.tokenHash)), \(row.created), \(row.revoked))
                    """)
            }
            for code in snapshot.staffCodes {
                try session.run("INSERT INTO access_staff_sign_in_codes (code_hash, staff_id) VALUES (\(Data(code.hash)), \(code.holder))")
            }
            for code in snapshot.signInCodes {
                try session.run(
                    "INSERT INTO access_sign_in_codes (code_hash, edition, voter_id) VALUES (\(Data(code.hash)), \(code.edition), \(code.holder))")
            }
            for token in snapshot.residentTokens {
                try session.run(
                    "INSERT INTO access_residents (token_hash, edition, resident_id) VALUES (\(Data(token.hash)), \(token.edition), \(token.holder))")
            }
        }
    }

    /// Runs an operation in a transaction of its own, reconnecting first when the connection was lost.
    private func transaction<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        let session: PostgresSession
        if let open = self.session, open.isOpen {
            session = open
        } else {
            self.session = nil
            session = try PostgresSession.connect(to: address, id: 0, logger: logger)
            self.session = session
        }
        do {
            try session.run("BEGIN")
            let result = try body(session)
            try session.run("COMMIT")
            return result
        } catch {
            if session.isOpen { try? session.run("ROLLBACK") } else { self.session = nil }
            throw error
        }
    }

    private static func activeStaff(_ session: PostgresSession, tokenHash: [UInt8]) throws -> StoredStaff? {
        try session.rows("SELECT id, name, role, scope FROM access_staff WHERE token_hash = \(Data(tokenHash)) AND revoked IS NULL").first
            .map(staff)
    }

    private static func staff(_ row: PostgresRow) throws -> StoredStaff {
        let (id, name, role, scope) = try decode(row, as: (String, String, String, String).self)
        return StoredStaff(id: id, name: name, role: role, scope: scope)
    }

    private static func codes(_ rows: [PostgresRow]) throws -> [AccessSnapshot.Code] {
        try rows.map { row in
            let (hash, edition, holder) = try decode(row, as: (Data, String, String).self)
            return .init(hash: Array(hash), edition: edition, holder: holder)
        }
    }

    private static func decode<each Column: PostgresDecodable>(
        _ row: PostgresRow, as type: (repeat each Column).Type
    ) throws -> (repeat each Column) {
        do {
            return try row.decode(type)
        } catch {
            throw LedgerError.storage("cannot read the access tables: \(error)")
        }
    }
}
