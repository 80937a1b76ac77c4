import Crypto
public import Foundation
import GRDB
public import WiecCore

extension LedgerStore {
    /// Registers a person as a resident: the log gets `resident_registered` with the random
    /// resident id only; the personal data goes to the erasable table, and the person's voting
    /// pseudonym to the register of pseudonyms, in the same transaction. The pseudonym enters
    /// the log only with the person's first ballot (``votingRegister``), so that neither the
    /// registration nor any public act of the resident shares an entry, an id or a moment with
    /// a ballot.
    ///
    /// The person must be at least the edition's minimum voter age on the day of `time` in the
    /// Europe/Warsaw calendar (``CalendarDay/warsaw``), since that is the day the resident sees
    /// where the budget is run: someone who turns 16 today may register from midnight Polish time.
    ///
    /// A person whose data was erased before the edition was published registers again with the
    /// voting pseudonym they had, so that erasure never opens the door to a second vote.
    ///
    /// - Throws: `Refusal` with `too_young` when the PESEL's age on that day is below the limit,
    ///   `already_registered` when the same PESEL is already registered in the edition, or any
    ///   refusal of the command, with nothing appended or stored; ``LedgerError`` otherwise.
    public func registerResident(
        _ resident: ResidentID, person: PersonalData, on edition: EditionID, by actor: Actor, idempotencyKey: String, at time: Date
    ) throws -> Receipt {
        let day = CalendarDay(time, in: CalendarDay.warsaw)
        return try write(
            [LedgerCommand(.registerResident(resident: resident), on: edition, by: actor)], idempotencyKey: idempotencyKey, at: time,
            check: { state in try Edition.checkVoterAge(state, pesel: person.pesel, on: day) }
        ) { db, _ in
            let digest = try Self.peselHMAC(person.pesel, edition: edition, db: db, create: true)!
            if let existing = try String.fetchOne(
                db, sql: "SELECT resident_id FROM personal_data WHERE edition = ? AND pesel_hmac = ?", arguments: [edition, digest])
            {
                throw Refusal(.alreadyRegistered, "this person is already registered in \(edition) as resident \(existing)")
            }
            try db.execute(
                sql: "INSERT INTO personal_data (resident_id, edition, pesel_hmac, name, contact) VALUES (?, ?, ?, ?, ?)",
                arguments: [resident, edition, digest, person.name, person.contact])
            // A pseudonym kept from before an erasure stays the person's.
            try db.execute(
                sql: "INSERT OR IGNORE INTO voting_pseudonyms (edition, pesel_hmac, pseudonym) VALUES (?, ?, ?)",
                arguments: [edition, digest, Self.newPseudonym()])
        }
    }

    /// Erases a resident's personal data: name, contact, and the link from the resident id to
    /// the PESEL's keyed hash and so to the voting pseudonym. The log is untouched, so the chain
    /// still verifies. Until the edition is published the register of voting pseudonyms keeps
    /// the keyed hash beside the pseudonym (no name, no resident id), so that the same person
    /// registering again gets the same pseudonym; publication drops it.
    ///
    /// - Returns: Whether there was anything to erase.
    public func erasePersonalData(of resident: ResidentID) throws -> Bool {
        try database.write { db in
            try db.execute(sql: "DELETE FROM personal_data WHERE resident_id = ?", arguments: [resident])
            return db.changesCount > 0
        }
    }

    /// The resident id registered for a PESEL in an edition, if any.
    public func resident(withPesel pesel: Pesel, in edition: EditionID) throws -> ResidentID? {
        try database.read { db in
            guard let digest = try Self.peselHMAC(pesel, edition: edition, db: db, create: false) else { return nil }
            return try String.fetchOne(
                db, sql: "SELECT resident_id FROM personal_data WHERE edition = ? AND pesel_hmac = ?", arguments: [edition, digest])
        }
    }

    /// The voting pseudonym of a registered resident: `nil` when the resident's data was erased,
    /// the edition is published, or there is no such resident.
    public func votingPseudonym(of resident: ResidentID, in edition: EditionID) throws -> VoterID? {
        try database.read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT v.pseudonym FROM personal_data p
                    JOIN voting_pseudonyms v ON v.edition = p.edition AND v.pesel_hmac = p.pesel_hmac
                    WHERE p.resident_id = ? AND p.edition = ?
                    """,
                arguments: [resident, edition])
        }
    }

    /// HMAC-SHA256 of a PESEL under the edition's secret key (created on first use).
    private static func peselHMAC(_ pesel: Pesel, edition: EditionID, db: Database, create: Bool) throws -> Data? {
        var secret = try Data.fetchOne(db, sql: "SELECT hmac_key FROM edition_secrets WHERE edition = ?", arguments: [edition])
        if secret == nil {
            guard create else { return nil }
            let key = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
            try db.execute(sql: "INSERT INTO edition_secrets (edition, hmac_key) VALUES (?, ?)", arguments: [edition, key])
            secret = key
        }
        let mac = HMAC<SHA256>.authenticationCode(for: Array(pesel.digits.utf8), using: SymmetricKey(data: secret!))
        return Data(mac)
    }

    /// A fresh random voting pseudonym: drawn, never derived, so that no key links it to anything.
    private static func newPseudonym() -> VoterID {
        "v-" + SymmetricKey(size: .bits128).withUnsafeBytes { Hex.encode(Array($0)) }
    }
}
