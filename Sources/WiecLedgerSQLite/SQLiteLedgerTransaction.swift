import Foundation
import GRDB
import WiecCore
import WiecLedger

/// The ledger's reads and writes on one SQLite connection, inside a transaction the
/// ``SQLiteEngine`` opened.
struct SQLiteLedgerTransaction: LedgerTransaction {
    let db: Database

    func lastSequence() throws -> Int64 {
        try EntryRecord.select(max(EntryRecord.Columns.sequence), as: Int64.self).fetchOne(db) ?? 0
    }

    func forEachEntry(in range: ClosedRange<Int64>, _ body: (LedgerEntry, [UInt8]) throws -> Void) throws {
        let records = try EntryRecord.filter(range.contains(EntryRecord.Columns.sequence)).order(EntryRecord.Columns.sequence).fetchCursor(db)
        while let record = try records.next() { try body(record.entry, record.hash) }
    }

    func storedHash(of sequence: Int64) throws -> [UInt8]? {
        try EntryRecord.select(EntryRecord.Columns.hash, as: Data.self).filter(EntryRecord.Columns.sequence == sequence).fetchOne(db)
            .map(Array.init)
    }

    func editionIDs() throws -> [EditionID] {
        try EntryRecord.select(EntryRecord.Columns.edition, as: String.self)
            .filter(["edition_created", "fund_opened"].contains(EntryRecord.Columns.type)).order(EntryRecord.Columns.sequence).fetchAll(db)
    }

    func checkpoints() throws -> [(size: Int64, note: String)] {
        try CheckpointRecord.order(CheckpointRecord.Columns.size).fetchAll(db).map { ($0.size, $0.note) }
    }

    func command(withKey key: String) throws -> StoredCommand? {
        try CommandRecord.filter(CommandRecord.Columns.idempotencyKey == key).fetchOne(db)?.stored()
    }

    func editionSecret(of edition: EditionID) throws -> [UInt8]? {
        try EditionSecretRecord.filter(EditionSecretRecord.Columns.edition == edition).fetchOne(db).map { Array($0.hmacKey) }
    }

    func resident(withPeselHMAC digest: [UInt8], in edition: EditionID) throws -> ResidentID? {
        try PersonalDataRecord.filter(PersonalDataRecord.Columns.edition == edition && PersonalDataRecord.Columns.peselHMAC == Data(digest))
            .fetchOne(db)?.residentID
    }

    func votingPseudonym(of resident: ResidentID, in edition: EditionID) throws -> VoterID? {
        try String.fetchOne(
            db,
            sql: """
                SELECT v.pseudonym FROM personal_data p
                JOIN voting_pseudonyms v ON v.edition = p.edition AND v.pesel_hmac = p.pesel_hmac
                WHERE p.resident_id = ? AND p.edition = ?
                """,
            arguments: [resident, edition])
    }

    func isIssuedPseudonym(_ voter: VoterID, in edition: EditionID) throws -> Bool {
        try PseudonymRecord.filter(PseudonymRecord.Columns.edition == edition && PseudonymRecord.Columns.pseudonym == voter).isEmpty(db) == false
    }

    func append(_ entry: LedgerEntry, hash: [UInt8]) throws {
        try EntryRecord(entry, hash: hash).insert(db)
    }

    func remember(_ command: StoredCommand, key: String) throws {
        try CommandRecord(command, key: key).insert(db)
    }

    func fileCheckpoint(size: Int64, note: String) throws {
        try CheckpointRecord(size: size, note: note).insert(db)
    }

    func storeEditionSecret(_ secret: [UInt8], for edition: EditionID) throws {
        try EditionSecretRecord(edition: edition, hmacKey: Data(secret)).insert(db)
    }

    func storePersonalData(of resident: ResidentID, in edition: EditionID, peselHMAC: [UInt8], name: String, contact: String?) throws {
        try PersonalDataRecord(residentID: resident, edition: edition, peselHMAC: Data(peselHMAC), name: name, contact: contact).insert(db)
    }

    func keepPseudonym(_ pseudonym: VoterID, forPeselHMAC digest: [UInt8], in edition: EditionID) throws {
        try PseudonymRecord(edition: edition, peselHMAC: Data(digest), pseudonym: pseudonym).insert(db, onConflict: .ignore)
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
