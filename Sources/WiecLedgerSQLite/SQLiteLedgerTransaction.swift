import Foundation
import GRDB
import WiecCore
import WiecLedger

/// The ledger's reads and writes on one SQLite connection, inside a transaction the
/// ``SQLiteEngine`` opened. What every request or every entry runs is plain SQL in the
/// connection's statement cache (prepared once, not built and authorized per call); the rest
/// goes through the records.
struct SQLiteLedgerTransaction: LedgerTransaction {
    let db: Database

    func lastSequence() throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(seq) FROM entries")) ?? 0
    }

    func forEachEntry(in range: ClosedRange<Int64>, _ body: (LedgerEntry, [UInt8]) throws -> Void) throws {
        let records = try EntryRecord.fetchCursor(
            db.cachedStatement(sql: "SELECT * FROM entries WHERE seq BETWEEN ? AND ? ORDER BY seq"),
            arguments: [range.lowerBound, range.upperBound])
        while let record = try records.next() { try body(record.entry, record.hash) }
    }

    func storedHash(of sequence: Int64) throws -> [UInt8]? {
        try Data.fetchOne(db.cachedStatement(sql: "SELECT hash FROM entries WHERE seq = ?"), arguments: [sequence]).map(Array.init)
    }

    func editionIDs() throws -> [EditionID] {
        try EntryRecord.select(EntryRecord.Columns.edition, as: String.self)
            .filter(["edition_created", "fund_opened"].contains(EntryRecord.Columns.type)).order(EntryRecord.Columns.sequence).fetchAll(db)
    }

    func checkpoints() throws -> [(size: Int64, note: String)] {
        try CheckpointRecord.order(CheckpointRecord.Columns.size).fetchAll(db).map { ($0.size, $0.note) }
    }

    func commands(withKeys keys: [String]) throws -> [String: StoredCommand] {
        // One cached statement a key: a lookup in the file costs no round trip.
        let statement = try db.cachedStatement(sql: "SELECT * FROM commands WHERE idempotency_key = ?")
        var found: [String: StoredCommand] = [:]
        for key in keys where found[key] == nil {
            if let record = try CommandRecord.fetchOne(statement, arguments: [key]) { found[key] = try record.stored() }
        }
        return found
    }

    func editionSecret(of edition: EditionID) throws -> [UInt8]? {
        try Data.fetchOne(db.cachedStatement(sql: "SELECT hmac_key FROM edition_secrets WHERE edition = ?"), arguments: [edition])
            .map(Array.init)
    }

    func resident(withPeselHMAC digest: [UInt8], in edition: EditionID) throws -> ResidentID? {
        try String.fetchOne(
            db.cachedStatement(sql: "SELECT resident_id FROM personal_data WHERE edition = ? AND pesel_hmac = ?"),
            arguments: [edition, Data(digest)])
    }

    func votingPseudonym(of resident: ResidentID, in edition: EditionID) throws -> VoterID? {
        try String.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT v.pseudonym FROM personal_data p
                    JOIN voting_pseudonyms v ON v.edition = p.edition AND v.pesel_hmac = p.pesel_hmac
                    WHERE p.resident_id = ? AND p.edition = ?
                    """),
            arguments: [resident, edition])
    }

    func isIssuedPseudonym(_ voter: VoterID, in edition: EditionID) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM voting_pseudonyms WHERE edition = ? AND pseudonym = ?)"),
            arguments: [edition, voter]) ?? false
    }

    func append(_ entry: LedgerEntry, hash: [UInt8]) throws {
        try db.cachedStatement(
            sql: "INSERT INTO entries (seq, id, time, type, actor_role, actor_id, edition, body, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        ).execute(arguments: [
            entry.sequence, entry.id, entry.time, entry.type, entry.actorRole, entry.actorID, entry.edition, entry.body, Data(hash),
        ])
    }

    func remember(_ command: StoredCommand, key: String) throws {
        let record = CommandRecord(command, key: key)
        try db.cachedStatement(sql: "INSERT INTO commands (idempotency_key, fingerprint, receipt) VALUES (?, ?, ?)")
            .execute(arguments: [record.idempotencyKey, record.fingerprint, record.receipt])
    }

    func fileCheckpoint(size: Int64, note: String) throws {
        try CheckpointRecord(size: size, note: note).insert(db)
    }

    func storeEditionSecret(_ secret: [UInt8], for edition: EditionID) throws {
        try EditionSecretRecord(edition: edition, hmacKey: Data(secret)).insert(db)
    }

    func storePersonalData(of resident: ResidentID, in edition: EditionID, peselHMAC: [UInt8], name: String, contact: String?) throws {
        try db.cachedStatement(sql: "INSERT INTO personal_data (resident_id, edition, pesel_hmac, name, contact) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [resident, edition, Data(peselHMAC), name, contact])
    }

    func keepPseudonym(_ pseudonym: VoterID, forPeselHMAC digest: [UInt8], in edition: EditionID) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO voting_pseudonyms (edition, pesel_hmac, pseudonym) VALUES (?, ?, ?)")
            .execute(arguments: [edition, Data(digest), pseudonym])
    }

    func retirePseudonyms(in edition: EditionID) throws {
        try PseudonymRecord.filter(PseudonymRecord.Columns.edition == edition).deleteAll(db)
    }

    func erasePersonalData(of resident: ResidentID) throws -> Bool {
        try PersonalDataRecord.filter(PersonalDataRecord.Columns.residentID == resident).deleteAll(db) > 0
    }
}

extension SQLiteLedgerTransaction {
    func forEachRememberedCommand(_ body: (String, StoredCommand) throws -> Void) throws {
        let records = try CommandRecord.fetchCursor(db)
        while let record = try records.next() { try body(record.idempotencyKey, try record.stored()) }
    }

    func editionSecrets() throws -> [(edition: EditionID, secret: [UInt8])] {
        try EditionSecretRecord.fetchAll(db).map { (edition: $0.edition, secret: Array($0.hmacKey)) }
    }

    func personalData() throws -> [StoredPersonalData] {
        try PersonalDataRecord.fetchAll(db).map {
            StoredPersonalData(resident: $0.residentID, edition: $0.edition, peselHMAC: Array($0.peselHMAC), name: $0.name, contact: $0.contact)
        }
    }

    func pseudonyms() throws -> [(edition: EditionID, peselHMAC: [UInt8], pseudonym: VoterID)] {
        try PseudonymRecord.fetchAll(db).map { (edition: $0.edition, peselHMAC: Array($0.peselHMAC), pseudonym: $0.pseudonym) }
    }
}
