import Crypto
public import Foundation
import GRDB
import WiecLedger
public import WiecCore

/// Staff accounts and resident tokens, in their own SQLite file beside the ledger. Only a
/// SHA-256 of each staff token is stored; a token is shown once, when it is made. A resident
/// token proves itself (an HMAC under the server's secret), so issuing one writes nothing.
///
/// A resident's id and token are derived from a server secret and the registration's
/// idempotency key, so a retried registration gets the same resident id and the same token.
/// A token leads to the resident id only: the ledger alone links it to a voting pseudonym.
public final class AccessStore: Sendable {
    let database: DatabasePool
    private let secret: [UInt8]

    /// Opens (creating if needed) the access file.
    ///
    /// - Throws: GRDB errors when the file cannot be opened or migrated.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        database = try DatabasePool(path: path, configuration: configuration)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-access") { db in
            try db.execute(sql: """
                CREATE TABLE staff (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    role TEXT NOT NULL,
                    scope TEXT NOT NULL,
                    token_hash BLOB NOT NULL UNIQUE,
                    created TEXT NOT NULL,
                    revoked TEXT
                );
                CREATE TABLE residents (
                    token_hash BLOB PRIMARY KEY,
                    edition TEXT NOT NULL,
                    voter_id TEXT NOT NULL
                );
                CREATE TABLE secrets (
                    name TEXT PRIMARY KEY,
                    value BLOB NOT NULL
                );
                """)
        }
        Self.registerSignInCodes(&migrator)
        migrator.registerMigration("v2-resident-ids") { db in
            // The table holds resident ids: the ids of residents' public acts, not of their ballots.
            try db.execute(sql: "ALTER TABLE residents RENAME COLUMN voter_id TO resident_id")
        }
        Self.registerStaffSessions(&migrator)
        try migrator.migrate(database)
        let stored = try database.write { db -> Data in
            if let value = try Data.fetchOne(db, sql: "SELECT value FROM secrets WHERE name = 'server'") { return value }
            let value = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
            try db.execute(sql: "INSERT INTO secrets (name, value) VALUES ('server', ?)", arguments: [value])
            return value
        }
        secret = Array(stored)
    }

    /// Creates a staff account.
    ///
    /// - Returns: The account and its bearer token, which is never shown again.
    public func addStaff(name: String, role: StaffRole, scope: StaffScope, at time: Date) throws -> (StaffAccount, String) {
        let token = "wiec_s_" + Self.randomText()
        let account = StaffAccount(id: "staff-" + Self.randomText(bytes: 6), name: name, role: role, scope: scope)
        try database.write { db in
            try db.execute(
                sql: "INSERT INTO staff (id, name, role, scope, token_hash, created) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [account.id, name, role.rawValue, scope.text, Self.hash(token), ISO8601DateFormatter().string(from: time)])
        }
        return (account, token)
    }

    /// Revokes a staff account: its token, its sign-in code and its page sessions stop working at once.
    ///
    /// - Returns: Whether an active account with this id existed.
    public func revokeStaff(id: String, at time: Date) throws -> Bool {
        try database.write { db in
            try db.execute(
                sql: "UPDATE staff SET revoked = ? WHERE id = ? AND revoked IS NULL",
                arguments: [ISO8601DateFormatter().string(from: time), id])
            guard db.changesCount > 0 else { return false }
            try Self.endStaffSessions(db, staff: id)
            return true
        }
    }

    /// The active staff accounts.
    public func staff() throws -> [StaffAccount] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, role, scope FROM staff WHERE revoked IS NULL ORDER BY created, id")
                .compactMap(Self.account)
        }
    }

    /// The resident id a registration gets, derived from the edition and the request's key.
    public func residentID(edition: EditionID, idempotencyKey: String) -> ResidentID {
        "r-" + Hex.encode(mac("resident-id\n\(edition)\n\(idempotencyKey)").prefix(12))
    }

    /// The token of a registered resident: the edition and the resident id with an HMAC of both
    /// under the server's secret, so that it proves itself and nothing is written to issue it
    /// (a retried registration gets the same token).
    ///
    /// - Returns: The resident token.
    public func residentToken(edition: EditionID, resident: ResidentID) -> String {
        "wiec_r_" + Base64URL.encode(Array(edition.utf8)) + "." + Base64URL.encode(Array(resident.utf8)) + "."
            + Base64URL.encode(mac(Self.residentTokenText(edition: edition, resident: resident)))
    }

    /// Who holds a bearer token, if anyone.
    public func principal(token: String) throws -> Principal? {
        if token.hasPrefix("wiec_r_"), let resident = residentPrincipal(token: token) { return resident }
        let digest = Self.hash(token)
        return try database.read { db in
            if token.hasPrefix("wiec_r_") {
                // A token issued before tokens proved themselves was stored by its hash.
                guard let row = try Row.fetchOne(db, sql: "SELECT edition, resident_id FROM residents WHERE token_hash = ?", arguments: [digest])
                else { return nil }
                return .resident(edition: row["edition"], resident: row["resident_id"])
            }
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT id, name, role, scope FROM staff WHERE token_hash = ? AND revoked IS NULL", arguments: [digest]),
                let account = Self.account(row)
            else { return nil }
            return .staff(account)
        }
    }

    /// The resident a self-proving token names, when its HMAC holds.
    private func residentPrincipal(token: String) -> Principal? {
        let parts = token.dropFirst("wiec_r_".count).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let edition = Base64URL.decode(parts[0]), let resident = Base64URL.decode(parts[1]),
            let code = Base64URL.decode(parts[2])
        else { return nil }
        let (editionID, residentID) = (String(decoding: edition, as: UTF8.self), String(decoding: resident, as: UTF8.self))
        let text = Self.residentTokenText(edition: editionID, resident: residentID)
        guard HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: Array(text.utf8), using: SymmetricKey(data: secret)) else {
            return nil
        }
        return .resident(edition: editionID, resident: residentID)
    }

    private static func residentTokenText(edition: EditionID, resident: ResidentID) -> String {
        "resident\n\(edition)\n\(resident)"
    }

    /// A key for one purpose (`csrf`), derived from the server's secret: the same after every
    /// restart over this store, and different for every purpose.
    public func derivedKey(purpose: String) -> [UInt8] {
        mac("derived-key:" + purpose)
    }

    /// An HMAC of a text under the server's secret.
    func mac(_ text: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: SymmetricKey(data: secret)))
    }

    static func account(_ row: Row) -> StaffAccount? {
        guard let role = StaffRole(rawValue: row["role"]), let scope = StaffScope(row["scope"]) else { return nil }
        return StaffAccount(id: row["id"], name: row["name"], role: role, scope: scope)
    }

    static func hash(_ token: String) -> Data { Data(SHA256.hash(data: Array(token.utf8))) }

    static func randomText(bytes: Int = 32) -> String {
        Base64URL.encode(SymmetricKey(size: SymmetricKeySize(bitCount: bytes * 8)).withUnsafeBytes { Array($0) })
    }
}
