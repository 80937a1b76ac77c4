import Foundation
import NIOCore
import PostgresNIO
import WiecCore
import WiecLedger

/// The ledger's reads and writes on one connection, inside a transaction the ``PostgresEngine``
/// opened. Appended entries and remembered commands are held back and sent as one statement
/// each (`unnest` over arrays) before the next read and before the commit, so a batch or a
/// group commit costs a few round trips rather than one per entry.
final class PostgresLedgerTransaction: LedgerTransaction {
    /// The most entries one query brings back while folding.
    static let page: Int64 = 20_000
    /// The most entries (or commands) held back before they are sent.
    static let held = 5_000

    let session: PostgresSession
    private var entries: [(LedgerEntry, [UInt8])] = []
    private var commands: [(StoredCommand, String)] = []

    init(_ session: PostgresSession) {
        self.session = session
    }

    // MARK: Reading

    func lastSequence() throws -> Int64 {
        try flush()
        return try session.value("SELECT coalesce(max(seq), 0)::int8 FROM entries", as: Int64.self) ?? 0
    }

    func forEachEntry(in range: ClosedRange<Int64>, _ body: (LedgerEntry, [UInt8]) throws -> Void) throws {
        try flush()
        var start = range.lowerBound
        while start <= range.upperBound {
            let end = min(range.upperBound, start + Self.page - 1)
            let rows = try session.rows(
                "SELECT seq, id, time, type, actor_role, actor_id, edition, body, hash FROM entries WHERE seq BETWEEN \(start) AND \(end) ORDER BY seq")
            for row in rows {
                let (sequence, id, time, type, role, actor, edition, text, hash) = try decode(
                    row, as: (Int64, String, String, String, String, String, String, String, Data).self)
                try body(
                    LedgerEntry(sequence: sequence, id: id, time: time, type: type, actorRole: role, actorID: actor, edition: edition, body: text),
                    Array(hash))
            }
            // A gap at the end of a page is the caller's to find; stop at the range's end.
            start = end + 1
        }
    }

    func storedHash(of sequence: Int64) throws -> [UInt8]? {
        try flush()
        return try session.value("SELECT hash FROM entries WHERE seq = \(sequence)", as: Data.self).map(Array.init)
    }

    func editionIDs() throws -> [EditionID] {
        try flush()
        return try session.rows("SELECT edition FROM entries WHERE type IN ('edition_created', 'fund_opened') ORDER BY seq")
            .map { try decode($0, as: String.self) }
    }

    func checkpoints() throws -> [(size: Int64, note: String)] {
        try flush()
        return try session.rows("SELECT size, note FROM checkpoints ORDER BY size").map { row in
            let (size, note) = try decode(row, as: (Int64, String).self)
            return (size: size, note: note)
        }
    }

    func commands(withKeys keys: [String]) throws -> [String: StoredCommand] {
        try flush()
        var found: [String: StoredCommand] = [:]
        for row in try session.rows("SELECT idempotency_key, fingerprint, receipt FROM commands WHERE idempotency_key = ANY(\(keys)::text[])") {
            let (key, fingerprint, receipt) = try decode(row, as: (String, Data, String).self)
            found[key] = try StoredCommand(fingerprint: Array(fingerprint), receiptJSON: receipt)
        }
        return found
    }

    func editionSecret(of edition: EditionID) throws -> [UInt8]? {
        try session.value("SELECT hmac_key FROM edition_secrets WHERE edition = \(edition)", as: Data.self).map(Array.init)
    }

    func resident(withPeselHMAC digest: [UInt8], in edition: EditionID) throws -> ResidentID? {
        try session.value("SELECT resident_id FROM personal_data WHERE edition = \(edition) AND pesel_hmac = \(Data(digest))", as: String.self)
    }

    func votingPseudonym(of resident: ResidentID, in edition: EditionID) throws -> VoterID? {
        try session.value(
            """
            SELECT v.pseudonym FROM personal_data p
            JOIN voting_pseudonyms v ON v.edition = p.edition AND v.pesel_hmac = p.pesel_hmac
            WHERE p.resident_id = \(resident) AND p.edition = \(edition)
            """,
            as: String.self)
    }

    func isIssuedPseudonym(_ voter: VoterID, in edition: EditionID) throws -> Bool {
        try session.value("SELECT 1::int4 FROM voting_pseudonyms WHERE edition = \(edition) AND pseudonym = \(voter)", as: Int32.self) != nil
    }

    func forEachRememberedCommand(_ body: (String, StoredCommand) throws -> Void) throws {
        try flush()
        var after: String?
        while true {
            let rows = try session.rows(
                """
                SELECT idempotency_key, fingerprint, receipt FROM commands
                WHERE \(after == nil) OR idempotency_key > \(after ?? "") ORDER BY idempotency_key LIMIT \(Self.page)
                """)
            for row in rows {
                let (key, fingerprint, receipt) = try decode(row, as: (String, Data, String).self)
                try body(key, try StoredCommand(fingerprint: Array(fingerprint), receiptJSON: receipt))
                after = key
            }
            if rows.count < Self.page { return }
        }
    }

    func editionSecrets() throws -> [(edition: EditionID, secret: [UInt8])] {
        try session.rows("SELECT edition, hmac_key FROM edition_secrets ORDER BY edition").map { row in
            let (edition, secret) = try decode(row, as: (String, Data).self)
            return (edition: edition, secret: Array(secret))
        }
    }

    func personalData() throws -> [StoredPersonalData] {
        try session.rows("SELECT resident_id, edition, pesel_hmac, name, contact FROM personal_data ORDER BY resident_id").map { row in
            let (resident, edition, digest, name, contact) = try decode(row, as: (String, String, Data, String, String?).self)
            return StoredPersonalData(resident: resident, edition: edition, peselHMAC: Array(digest), name: name, contact: contact)
        }
    }

    func pseudonyms() throws -> [(edition: EditionID, peselHMAC: [UInt8], pseudonym: VoterID)] {
        try session.rows("SELECT edition, pesel_hmac, pseudonym FROM voting_pseudonyms ORDER BY edition, pseudonym").map { row in
            let (edition, digest, pseudonym) = try decode(row, as: (String, Data, String).self)
            return (edition: edition, peselHMAC: Array(digest), pseudonym: pseudonym)
        }
    }

    // MARK: Writing

    func append(_ entry: LedgerEntry, hash: [UInt8]) throws {
        entries.append((entry, hash))
        if entries.count >= Self.held { try flush() }
    }

    func remember(_ command: StoredCommand, key: String) throws {
        commands.append((command, key))
        if commands.count >= Self.held { try flush() }
    }

    func fileCheckpoint(size: Int64, note: String) throws {
        try flush()
        try session.run("INSERT INTO checkpoints (size, note) VALUES (\(size), \(note))")
    }

    func storeEditionSecret(_ secret: [UInt8], for edition: EditionID) throws {
        try session.run("INSERT INTO edition_secrets (edition, hmac_key) VALUES (\(edition), \(Data(secret)))")
    }

    func storePersonalData(of resident: ResidentID, in edition: EditionID, peselHMAC: [UInt8], name: String, contact: String?) throws {
        try session.run(
            """
            INSERT INTO personal_data (resident_id, edition, pesel_hmac, name, contact)
            VALUES (\(resident), \(edition), \(Data(peselHMAC)), \(name), \(contact))
            """)
    }

    func keepPseudonym(_ pseudonym: VoterID, forPeselHMAC digest: [UInt8], in edition: EditionID) throws {
        try session.run(
            """
            INSERT INTO voting_pseudonyms (edition, pesel_hmac, pseudonym) VALUES (\(edition), \(Data(digest)), \(pseudonym))
            ON CONFLICT (edition, pesel_hmac) DO NOTHING
            """)
    }

    func retirePseudonyms(in edition: EditionID) throws {
        try session.run("DELETE FROM voting_pseudonyms WHERE edition = \(edition)")
    }

    func erasePersonalData(of resident: ResidentID) throws -> Bool {
        try session.value("WITH gone AS (DELETE FROM personal_data WHERE resident_id = \(resident) RETURNING 1) SELECT count(*)::int8 FROM gone", as: Int64.self) ?? 0 > 0
    }

    /// Sends the entries and commands held back, each kind as one statement. The primary key on
    /// `seq` refuses a sequence number already taken.
    func flush() throws {
        if !entries.isEmpty {
            let batch = entries
            entries = []
            try session.run(
                """
                INSERT INTO entries (seq, id, time, type, actor_role, actor_id, edition, body, hash)
                SELECT * FROM unnest(\(batch.map(\.0.sequence))::int8[], \(batch.map(\.0.id))::text[], \(batch.map(\.0.time))::text[],
                    \(batch.map(\.0.type))::text[], \(batch.map(\.0.actorRole))::text[], \(batch.map(\.0.actorID))::text[],
                    \(batch.map(\.0.edition))::text[], \(batch.map(\.0.body))::text[], \(batch.map { ByteBuffer(bytes: $0.1) })::bytea[])
                """)
        }
        if !commands.isEmpty {
            let batch = commands
            commands = []
            let receipts = batch.map { $0.0.receiptJSON() }
            try session.run(
                """
                INSERT INTO commands (idempotency_key, fingerprint, receipt)
                SELECT * FROM unnest(\(batch.map(\.1))::text[], \(batch.map { ByteBuffer(bytes: $0.0.fingerprint) })::bytea[], \(receipts)::text[])
                """)
        }
    }

    private func decode<each Column: PostgresDecodable>(_ row: PostgresRow, as type: (repeat each Column).Type) throws -> (repeat each Column) {
        do {
            return try row.decode(type)
        } catch {
            throw LedgerError.storage("cannot read a row of the ledger: \(error)")
        }
    }

    private func decode<Column: PostgresDecodable>(_ row: PostgresRow, as type: Column.Type) throws -> Column {
        do {
            return try row.decode(type)
        } catch {
            throw LedgerError.storage("cannot read a row of the ledger: \(error)")
        }
    }
}
