import PostgresNIO

/// The ledger's tables on PostgreSQL, as named migrations of plain SQL, with the same meaning
/// as the SQLite engine's (`LedgerSchema`): `entries` (the log; its primary key on `seq` is the
/// backstop against a second head), `commands` (idempotency keys and receipts), `checkpoints`,
/// `edition_secrets`, `personal_data` and `voting_pseudonyms` (erasable, beside the log); and
/// the access data every node shares (`access_*`, as the SQLite store's access file holds it).
/// A shipped migration is never edited; `ledger_migrations` records the ones applied.
enum PostgresSchema {
    /// The migrations, in order.
    static let migrations: [(name: String, statements: [String])] = [
        (
            "v1-ledger",
            [
                """
                CREATE TABLE entries (
                    seq bigint PRIMARY KEY CHECK (seq > 0),
                    id text NOT NULL UNIQUE,
                    time text NOT NULL,
                    type text NOT NULL,
                    actor_role text NOT NULL,
                    actor_id text NOT NULL,
                    edition text NOT NULL,
                    body text NOT NULL,
                    hash bytea NOT NULL
                )
                """,
                """
                CREATE INDEX entries_editions ON entries (seq) WHERE type IN ('edition_created', 'fund_opened')
                """,
                """
                CREATE TABLE commands (
                    idempotency_key text PRIMARY KEY,
                    fingerprint bytea NOT NULL,
                    receipt text NOT NULL
                )
                """,
                """
                CREATE TABLE checkpoints (
                    size bigint PRIMARY KEY,
                    note text NOT NULL
                )
                """,
                """
                CREATE TABLE edition_secrets (
                    edition text PRIMARY KEY,
                    hmac_key bytea NOT NULL
                )
                """,
                """
                CREATE TABLE personal_data (
                    resident_id text PRIMARY KEY,
                    edition text NOT NULL,
                    pesel_hmac bytea NOT NULL,
                    name text NOT NULL,
                    contact text,
                                UNIQUE (edition, pesel_hmac)
                )
                """,
                """
                CREATE TABLE voting_pseudonyms (
                    edition text NOT NULL,
                    pesel_hmac bytea NOT NULL,
                    pseudonym text NOT NULL UNIQUE,
                                PRIMARY KEY (edition, pesel_hmac)
                )
                """,
            ]
        ),
        (
            "v2-access",
            [
                """
                CREATE TABLE access_staff (
                    id text PRIMARY KEY,
                    name text NOT NULL,
                    role text NOT NULL,
                    scope text NOT NULL,
                    token_hash bytea NOT NULL UNIQUE,
                    created text NOT NULL,
                    revoked text
                )
                """,
                """
                CREATE TABLE access_residents (
                    token_hash bytea PRIMARY KEY,
                    edition text NOT NULL,
                    resident_id text NOT NULL
                )
                """,
                """
                CREATE TABLE access_secrets (
                    name text PRIMARY KEY,
                    value bytea NOT NULL
                )
                """,
                """
                CREATE TABLE access_sign_in_codes (
                    code_hash bytea PRIMARY KEY,
                    edition text NOT NULL,
                    voter_id text NOT NULL
                )
                """,
                """
                CREATE INDEX access_sign_in_codes_voter ON access_sign_in_codes (edition, voter_id)
                """,
                """
                CREATE TABLE access_staff_sign_in_codes (
                    code_hash bytea PRIMARY KEY,
                    staff_id text NOT NULL UNIQUE
                )
                """,
                """
                CREATE TABLE access_staff_sessions (
                    token_hash bytea PRIMARY KEY,
                    staff_id text NOT NULL,
                    last_seen double precision NOT NULL
                )
                """,
                """
                CREATE INDEX access_staff_sessions_staff ON access_staff_sessions (staff_id)
                """,
            ]
        ),
    ]

    /// Applies the migrations not applied yet, in one transaction under the head's lock, so
    /// that nodes opening the same database at once migrate it once.
    static func migrate(_ session: PostgresSession) throws {
        try session.run("BEGIN")
        do {
            try session.run("SELECT pg_advisory_xact_lock(\(PostgresEngine.headLock))")
            try session.run("CREATE TABLE IF NOT EXISTS ledger_migrations (name text PRIMARY KEY)")
            let applied = Set(try session.rows("SELECT name FROM ledger_migrations").map { try $0.decode(String.self) })
            for migration in migrations where !applied.contains(migration.name) {
                for statement in migration.statements { try session.run(PostgresQuery(unsafeSQL: statement)) }
                try session.run("INSERT INTO ledger_migrations (name) VALUES (\(migration.name))")
            }
            try session.run("COMMIT")
        } catch {
            try? session.run("ROLLBACK")
            throw error
        }
    }
}
