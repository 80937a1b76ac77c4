public import Foundation
import GRDB

extension AccessStore {
    /// The tables of staff sign-in codes and page sessions (hashes only), added to the access file.
    static func registerStaffSessions(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-staff-sessions") { db in
            try db.execute(sql: """
                CREATE TABLE staff_sign_in_codes (
                    code_hash BLOB PRIMARY KEY,
                    staff_id TEXT NOT NULL UNIQUE
                );
                CREATE TABLE staff_sessions (
                    token_hash BLOB PRIMARY KEY,
                    staff_id TEXT NOT NULL,
                    last_seen REAL NOT NULL
                );
                CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);
                """)
        }
    }

    /// The letters of a staff sign-in code: capitals and digits that cannot be mistaken for each
    /// other when read aloud or written down (no 0/O, 1/I/L).
    static let staffCodeAlphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    /// Issues a one-time sign-in code for an active staff account, replacing any earlier one:
    /// sixteen characters in four groups (about 79 bits), stored only as a hash.
    ///
    /// - Returns: The code, to be shown once; `nil` when no active account has this id.
    public func issueStaffSignInCode(staff id: String) throws -> String? {
        var generator = SystemRandomNumberGenerator()
        let letters = (0..<16).map { _ in Self.staffCodeAlphabet.randomElement(using: &generator)! }
        let code = stride(from: 0, to: 16, by: 4).map { String(letters[$0..<$0 + 4]) }.joined(separator: "-")
        return try database.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM staff WHERE id = ? AND revoked IS NULL", arguments: [id]) == true else { return nil }
            try db.execute(sql: "DELETE FROM staff_sign_in_codes WHERE staff_id = ?", arguments: [id])
            try db.execute(
                sql: "INSERT INTO staff_sign_in_codes (code_hash, staff_id) VALUES (?, ?)", arguments: [Self.staffCodeHash(code), id])
            return code
        }
    }

    /// Signs a staff member in to the pages with their bearer token or their one-time code (used
    /// up here), starting a page session.
    ///
    /// - Returns: The session's token (for the cookie, stored only as a hash) and the account;
    ///   `nil` when the credential belongs to no active account.
    public func startStaffSession(credential: String, at time: Date) throws -> (token: String, account: StaffAccount)? {
        let credential = credential.trimmingCharacters(in: .whitespaces)
        guard !credential.isEmpty, credential.count <= 200 else { return nil }
        let token = "wiec_p_" + Self.randomText()
        return try database.write { db in
            let staffID: String?
            if credential.hasPrefix("wiec_s_") {
                staffID = try String.fetchOne(
                    db, sql: "SELECT id FROM staff WHERE token_hash = ? AND revoked IS NULL", arguments: [Self.hash(credential)])
            } else {
                let digest = Self.staffCodeHash(credential)
                staffID = try String.fetchOne(db, sql: "SELECT staff_id FROM staff_sign_in_codes WHERE code_hash = ?", arguments: [digest])
                try db.execute(sql: "DELETE FROM staff_sign_in_codes WHERE code_hash = ?", arguments: [digest])
            }
            guard let staffID,
                let row = try Row.fetchOne(
                    db, sql: "SELECT id, name, role, scope FROM staff WHERE id = ? AND revoked IS NULL", arguments: [staffID]),
                let account = Self.account(row)
            else { return nil }
            try db.execute(
                sql: "INSERT INTO staff_sessions (token_hash, staff_id, last_seen) VALUES (?, ?, ?)",
                arguments: [Self.hash(token), staffID, time.timeIntervalSince1970])
            return (token, account)
        }
    }

    /// The account a page session belongs to, if the session is still open: its account is not
    /// revoked and it was used within the idle timeout. Using it keeps it open; a session idle
    /// for longer is ended.
    public func staffSession(token: String, at time: Date, idleTimeout: TimeInterval) throws -> StaffAccount? {
        guard token.hasPrefix("wiec_p_"), token.count <= 200 else { return nil }
        let digest = Self.hash(token)
        return try database.write { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT staff_sessions.last_seen, staff.id, staff.name, staff.role, staff.scope
                        FROM staff_sessions JOIN staff ON staff.id = staff_sessions.staff_id
                        WHERE staff_sessions.token_hash = ? AND staff.revoked IS NULL
                        """, arguments: [digest]),
                let account = Self.account(row)
            else { return nil }
            let lastSeen: Double = row["last_seen"]
            guard time.timeIntervalSince1970 - lastSeen <= idleTimeout else {
                try db.execute(sql: "DELETE FROM staff_sessions WHERE token_hash = ?", arguments: [digest])
                return nil
            }
            try db.execute(
                sql: "UPDATE staff_sessions SET last_seen = ? WHERE token_hash = ?", arguments: [max(lastSeen, time.timeIntervalSince1970), digest])
            return account
        }
    }

    /// Ends a page session (signing out); an unknown token changes nothing.
    public func endStaffSession(token: String) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM staff_sessions WHERE token_hash = ?", arguments: [Self.hash(token)])
        }
    }

    /// Ends every page session and sign-in code of an account, in the revoking transaction.
    static func endStaffSessions(_ db: Database, staff id: String) throws {
        try db.execute(sql: "DELETE FROM staff_sessions WHERE staff_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM staff_sign_in_codes WHERE staff_id = ?", arguments: [id])
    }

    /// A code's hash, the same whether it is typed with or without its dashes, in any case.
    private static func staffCodeHash(_ code: String) -> Data {
        hash("staff-sign-in\n" + code.uppercased().filter { $0 != "-" && !$0.isWhitespace })
    }
}
