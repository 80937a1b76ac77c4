import Foundation
import Testing
import WiecCore
@testable import WiecLedger
@testable import WiecLedgerSQLite

@Suite("The minimum voter age through the ledger: set in the log, checked at registration")
struct VoterAgeLedgerTests {
    /// A valid PESEL for a birth date in the 1900s or 2000s.
    static func pesel(_ year: Int, _ month: Int, _ day: Int, serial: Int = 4321) throws -> Pesel {
        let text = [year % 100, month + (year >= 2000 ? 20 : 0), day].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined() + String(serial)
        let sum = zip(text.map { Int(String($0))! }, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]).reduce(0) { $0 + $1.0 * $1.1 }
        return try Pesel(text + String((10 - sum % 10) % 10))
    }

    static func time(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test("below the limit on the Warsaw day of registration: too_young, nothing appended or stored; at and above: registered")
    func registration() throws {
        let ledger = try TemporaryLedger()
        try ledger.run(.createEdition(name: "BO Świecie 2027"))
        try ledger.run(.setVoterAgeLimit(minimumAge: 16))
        let edition = TemporaryLedger.edition
        let official = TemporaryLedger.official
        let teen = PersonalData(pesel: try Self.pesel(2011, 6, 15), name: "Ala Nowak")
        func register(_ voter: ResidentID, _ person: PersonalData, key: String, at time: String) throws -> Receipt {
            try ledger.store.registerResident(voter, person: person, on: edition, by: official, idempotencyKey: key, at: Self.time(time))
        }
        func personalRows() throws -> Int {
            try ledger.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM personal_data")! }
        }
        let head = try ledger.store.head()
        // 23:59:59 on 14 June in Warsaw (CEST): the day before the 16th birthday.
        #expect {
            try register("r-teen", teen, key: "r1", at: "2027-06-14T21:59:59Z")
        } throws: { ($0 as? Refusal)?.reason == .tooYoung }
        #expect(try ledger.store.head().size == head.size)
        #expect(try personalRows() == 0)
        #expect(try ledger.store.resident(withPesel: teen.pesel, in: edition) == nil)
        #expect(try ledger.store.state(of: edition).residents.isEmpty)
        // Midnight in Warsaw is 22:00 UTC: the birthday has come, the age is exactly the limit.
        let receipt = try register("r-teen", teen, key: "r2", at: "2027-06-14T22:00:00Z")
        #expect(receipt.firstSequence == head.size + 1 && receipt.lastSequence == head.size + 1)
        #expect(try ledger.store.resident(withPesel: teen.pesel, in: edition) == "r-teen")
        // Well above the limit.
        let adult = PersonalData(pesel: try Self.pesel(1980, 1, 2), name: "Jan Kowalski")
        _ = try register("r-adult", adult, key: "r3", at: "2027-03-01T10:00:00Z")
        #expect(try ledger.store.state(of: edition).residents == ["r-teen", "r-adult"])
        #expect(try personalRows() == 2)
        // The log holds the limit and the resident ids only, never a PESEL or a birth date.
        let entries = try ledger.database.read { db in try String.fetchAll(db, sql: "SELECT type || body FROM entries") }
        #expect(entries.contains(#"voter_age_limit_set{"minimumAge":16}"#))
        #expect(!entries.contains { $0.contains(teen.pesel.digits) || $0.contains(adult.pesel.digits) || $0.contains("2011") })
        #expect(try LedgerVerifier.verify(databaseAt: ledger.path, verifier: ledger.signer.verifier).entries > 0)
    }

    @Test("no limit lets anyone register; a removed limit is folded again from the file")
    func noLimit() throws {
        let ledger = try TemporaryLedger()
        try ledger.run(.createEdition(name: "Sołectwo Wólka"))
        try ledger.run(.setVoterAgeLimit(minimumAge: 18))
        try ledger.run(.setVoterAgeLimit(minimumAge: nil))
        let child = PersonalData(pesel: try Self.pesel(2020, 1, 1), name: "Staś")
        _ = try ledger.store.registerResident(
            "r-child", person: child, on: TemporaryLedger.edition, by: TemporaryLedger.official, idempotencyKey: "c", at: Self.time("2027-01-01T12:00:00Z"))
        let reopened = try LedgerStore(path: ledger.path, signer: nil)
        let state = try reopened.state(of: TemporaryLedger.edition)
        #expect(state.minimumVoterAge == nil)
        #expect(state.residents == ["r-child"])
    }

    @Test("the limit survives a reopening of the file and still refuses")
    func reopened() throws {
        let ledger = try TemporaryLedger()
        try ledger.run(.createEdition(name: "BO"))
        try ledger.run(.setVoterAgeLimit(minimumAge: 13))
        let store = try LedgerStore(path: ledger.path, signer: ledger.signer)
        #expect(try store.state(of: TemporaryLedger.edition).minimumVoterAge == 13)
        let child = PersonalData(pesel: try Self.pesel(2015, 5, 5), name: "Ola")
        #expect {
            try store.registerResident(
                "v1", person: child, on: TemporaryLedger.edition, by: TemporaryLedger.official, idempotencyKey: "k", at: Self.time("2027-05-04T12:00:00Z"))
        } throws: { ($0 as? Refusal)?.reason == .tooYoung }
        _ = try store.registerResident(
            "v1", person: child, on: TemporaryLedger.edition, by: TemporaryLedger.official, idempotencyKey: "k2", at: Self.time("2028-05-05T12:00:00Z"))
    }
}
