import Crypto
public import Foundation
import GRDB
public import WiecCore

extension LedgerStore {
    /// Registers a person as a voter: the log gets `voter_registered` with the random voter id
    /// only; the personal data goes to the erasable table in the same transaction.
    ///
    /// The person must be at least the edition's minimum voter age on the day of `time` in the
    /// Europe/Warsaw calendar (``CalendarDay/warsaw``), since that is the day the resident sees
    /// where the budget is run: someone who turns 16 today may register from midnight Polish time.
    ///
    /// - Throws: `Refusal` with `too_young` when the PESEL's age on that day is below the limit,
    ///   `already_registered` when the same PESEL is already registered in the edition, or any
    ///   refusal of the command, with nothing appended or stored; ``LedgerError`` otherwise.
    public func registerVoter(
        _ voter: VoterID, person: PersonalData, on edition: EditionID, by actor: Actor, idempotencyKey: String, at time: Date
    ) throws -> Receipt {
        let day = CalendarDay(time, in: CalendarDay.warsaw)
        return try write(
            [LedgerCommand(.registerVoter(voter: voter), on: edition, by: actor)], idempotencyKey: idempotencyKey, at: time,
            check: { state in try Edition.checkVoterAge(state, pesel: person.pesel, on: day) }
        ) { db, _ in
            let digest = try Self.peselHMAC(person.pesel, edition: edition, db: db, create: true)!
            if let existing = try String.fetchOne(
                db, sql: "SELECT voter_id FROM personal_data WHERE edition = ? AND pesel_hmac = ?", arguments: [edition, digest])
            {
                throw Refusal(.alreadyRegistered, "this person is already registered in \(edition) as voter \(existing)")
            }
            try db.execute(
                sql: "INSERT INTO personal_data (voter_id, edition, pesel_hmac, name, contact) VALUES (?, ?, ?, ?, ?)",
                arguments: [voter, edition, digest, person.name, person.contact])
        }
    }

    /// Erases a voter's personal data. The log is untouched, so the chain still verifies; the
    /// voter id stays in the log with no way back to the person.
    ///
    /// - Returns: Whether there was anything to erase.
    public func erasePersonalData(of voter: VoterID) throws -> Bool {
        try database.write { db in
            try db.execute(sql: "DELETE FROM personal_data WHERE voter_id = ?", arguments: [voter])
            return db.changesCount > 0
        }
    }

    /// The voter id registered for a PESEL in an edition, if any.
    public func voter(withPesel pesel: Pesel, in edition: EditionID) throws -> VoterID? {
        try database.read { db in
            guard let digest = try Self.peselHMAC(pesel, edition: edition, db: db, create: false) else { return nil }
            return try String.fetchOne(
                db, sql: "SELECT voter_id FROM personal_data WHERE edition = ? AND pesel_hmac = ?", arguments: [edition, digest])
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
}
