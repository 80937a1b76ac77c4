import GRDB
import WiecLedger

/// The ledger's tables, as named migrations of plain SQL. A shipped migration is never edited.
enum LedgerSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-ledger") { db in
            try db.execute(sql: """
                CREATE TABLE entries (
                    seq INTEGER PRIMARY KEY CHECK (seq > 0),
                    id TEXT NOT NULL UNIQUE,
                    time TEXT NOT NULL,
                    type TEXT NOT NULL,
                    actor_role TEXT NOT NULL,
                    actor_id TEXT NOT NULL,
                    edition TEXT NOT NULL,
                    body TEXT NOT NULL,
                    hash BLOB NOT NULL
                );
                CREATE TABLE commands (
                    idempotency_key TEXT PRIMARY KEY,
                    fingerprint BLOB NOT NULL,
                    receipt TEXT NOT NULL
                );
                CREATE TABLE checkpoints (
                    size INTEGER PRIMARY KEY,
                    note TEXT NOT NULL
                );
                CREATE TABLE edition_secrets (
                    edition TEXT PRIMARY KEY,
                    hmac_key BLOB NOT NULL
                );
                CREATE TABLE personal_data (
                    voter_id TEXT PRIMARY KEY,
                    edition TEXT NOT NULL,
                    pesel_hmac BLOB NOT NULL,
                    name TEXT NOT NULL,
                    contact TEXT,
                    UNIQUE (edition, pesel_hmac)
                );
                CREATE TABLE view_editions (
                    edition TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    phase TEXT NOT NULL
                );
                CREATE TABLE view_proposals (
                    edition TEXT NOT NULL,
                    proposal TEXT NOT NULL,
                    pool TEXT NOT NULL,
                    title TEXT NOT NULL,
                    cost_estimate INTEGER NOT NULL,
                    reviewed_cost INTEGER,
                    supporters INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    PRIMARY KEY (edition, proposal)
                );
                CREATE TABLE view_ballots (
                    edition TEXT NOT NULL,
                    ballot TEXT NOT NULL,
                    pool TEXT NOT NULL,
                    voter TEXT NOT NULL,
                    method TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    voided TEXT,
                    PRIMARY KEY (edition, ballot)
                );
                CREATE TABLE view_results (
                    edition TEXT NOT NULL,
                    pool TEXT NOT NULL,
                    rule TEXT NOT NULL,
                    selected TEXT NOT NULL,
                    spent INTEGER NOT NULL,
                    PRIMARY KEY (edition, pool)
                );
                """)
        }
        migrator.registerMigration("v2-voting-pseudonyms") { db in
            // A person's ballots carry a voting pseudonym of their own, apart from the resident id
            // of their public acts. The register of pseudonyms is keyed by the PESEL's keyed hash,
            // so that it outlives an erasure until the edition is published (one person, one vote).
            // Registrations made before keep their one id as both.
            try db.execute(sql: """
                CREATE TABLE voting_pseudonyms (
                    edition TEXT NOT NULL,
                    pesel_hmac BLOB NOT NULL,
                    pseudonym TEXT NOT NULL UNIQUE,
                    PRIMARY KEY (edition, pesel_hmac)
                );
                INSERT INTO voting_pseudonyms (edition, pesel_hmac, pseudonym) SELECT edition, pesel_hmac, voter_id FROM personal_data;
                ALTER TABLE personal_data RENAME COLUMN voter_id TO resident_id;
                """)
        }
        migrator.registerMigration("v3-no-derived-tables") { db in
            // Every reader takes the fold of the log (`EditionState`), so the derived tables
            // written beside each entry had no reader left.
            try db.execute(sql: """
                DROP TABLE view_editions;
                DROP TABLE view_proposals;
                DROP TABLE view_ballots;
                DROP TABLE view_results;
                """)
        }
        return migrator
    }
}
