import GRDB

/// The tables of a SQLite store's access file (`FILE.access`, beside the ledger), as named
/// migrations: `staff`, `residents` (resident tokens stored by hash before they proved
/// themselves), `secrets`, `sign_in_codes`, `staff_sign_in_codes` and `staff_sessions`.
/// Tokens and codes are kept only as hashes. A shipped migration is never edited.
enum AccessSchema {
    /// The migrator that brings an access file up to date.
    static var migrator: DatabaseMigrator {
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
        migrator.registerMigration("v2-sign-in-codes") { db in
            try db.execute(sql: """
                CREATE TABLE sign_in_codes (
                    code_hash BLOB PRIMARY KEY,
                    edition TEXT NOT NULL,
                    voter_id TEXT NOT NULL
                );
                CREATE INDEX sign_in_codes_voter ON sign_in_codes (edition, voter_id);
                """)
        }
        migrator.registerMigration("v2-resident-ids") { db in
            // The table holds resident ids: the ids of residents' public acts, not of their ballots.
            try db.execute(sql: "ALTER TABLE residents RENAME COLUMN voter_id TO resident_id")
        }
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
        return migrator
    }
}
