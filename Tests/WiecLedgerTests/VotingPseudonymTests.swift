import Foundation
import GRDB
import Testing
import WiecCore
@testable import WiecLedger
@testable import WiecLedgerSQLite

@Suite("Residents act under one id and vote under a pseudonym the log gets only with their first ballot; erasure never gives a second vote")
struct VotingPseudonymTests {
    static let edition = TemporaryLedger.edition
    static let desk = Actor(role: .official, id: "registration-desk")

    static func person(_ pesel: String = "44051401359") throws -> PersonalData {
        PersonalData(pesel: try Pesel(pesel), name: "Jan Kowalski", contact: "jan@example.pl")
    }

    @discardableResult
    static func register(_ resident: ResidentID, _ person: PersonalData, in ledger: TemporaryLedger) throws -> Receipt {
        try ledger.store.registerResident(resident, person: person, on: edition, by: desk, idempotencyKey: "reg-\(resident)", at: ledger.tick())
    }

    static func entries(_ ledger: TemporaryLedger, after seq: Int64 = 0) throws -> [(type: String, actor: String, body: String)] {
        try ledger.database.read { db in
            try Row.fetchAll(db, sql: "SELECT type, actor_id, body FROM entries WHERE seq > ? ORDER BY seq", arguments: [seq])
                .map { ($0["type"], $0["actor_id"], $0["body"]) }
        }
    }

    static func rows(_ table: String, in ledger: TemporaryLedger) throws -> Int {
        try ledger.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE edition = ?", arguments: [edition])! }
    }

    @Test("registration logs the resident id only; the first ballot registers the pseudonym with it, a refused one registers nothing")
    func pseudonymWithFirstBallot() throws {
        let ledger = try TemporaryLedger()
        try ledger.votingEdition()
        let person = try Self.person()
        let head = try ledger.store.head().size
        try Self.register("r-1", person, in: ledger)
        #expect(try Self.entries(ledger, after: head).map(\.type) == ["resident_registered"])
        let voter = try #require(try ledger.store.votingPseudonym(of: "r-1", in: Self.edition))
        #expect(voter != "r-1" && voter.hasPrefix("v-"))
        #expect(try !Self.entries(ledger).contains { $0.body.contains(voter) || $0.actor == voter })
        // A refused first ballot (a project not on the ballot) appends nothing, not even the registration.
        let asVoter = Actor(role: .voter, id: voter)
        #expect {
            try ledger.run(.castBallot(ballot: "b-x", voter: voter, pool: "osiedle", projects: ["Z"], points: [], method: .internet), by: asVoter)
        } throws: { ($0 as? Refusal)?.reason == .unknownProject }
        let beforeBallot = try ledger.store.head().size
        let receipt = try ledger.run(
            .castBallot(ballot: "b-1", voter: voter, pool: "osiedle", projects: ["A"], points: [], method: .internet), by: asVoter)
        let appended = try Self.entries(ledger, after: beforeBallot)
        #expect(appended.map(\.type) == ["voter_registered", "ballot_cast"])
        #expect(appended.map(\.actor) == [LedgerStore.votingRegister.id, voter])
        #expect(receipt.firstSequence == beforeBallot + 1 && receipt.lastSequence == beforeBallot + 2)
        // A pseudonym nobody was issued is not registered by a ballot.
        #expect {
            try ledger.run(.castBallot(ballot: "b-2", voter: "v-unknown", pool: "osiedle", projects: ["A"], points: [], method: .paper))
        } throws: { ($0 as? Refusal)?.reason == .notRegistered }
        #expect(try LedgerVerifier.verify(databaseAt: ledger.path, verifier: ledger.signer.verifier).entries == receipt.lastSequence)
    }

    @Test("the group commit registers a pseudonym with its first ballot too, and the next ballot alone")
    func groupCommit() throws {
        let ledger = try TemporaryLedger()
        try ledger.votingEdition()
        for (index, pesel) in ["44051401359", "02070803628"].enumerated() { try Self.register("r-\(index)", try Self.person(pesel), in: ledger) }
        let voters = try (0..<2).map { try #require(try ledger.store.votingPseudonym(of: "r-\($0)", in: Self.edition)) }
        let head = try ledger.store.head().size
        let commands = voters.enumerated().map { index, voter in
            LedgerWrite(
                LedgerCommand(
                    .castBallot(ballot: "b-\(index)", voter: voter, pool: "osiedle", projects: ["B"], points: [], method: .internet),
                    on: Self.edition, by: Actor(role: .voter, id: voter)),
                idempotencyKey: "g-\(index)")
        }
        let results = try ledger.store.execute(each: commands + [commands[0]], at: ledger.tick())
        #expect(results.allSatisfy { (try? $0.get()) != nil })
        #expect(try Self.entries(ledger, after: head).map(\.type) == ["voter_registered", "ballot_cast", "voter_registered", "ballot_cast"])
        #expect(try ledger.store.state(of: Self.edition).voters.isSuperset(of: voters))
    }

    @Test("erased while voting is open, the same PESEL registers again with the same pseudonym and cannot vote twice")
    func erasureDoesNotReopenTheVote() throws {
        let ledger = try TemporaryLedger()
        try ledger.votingEdition()
        let person = try Self.person()
        try Self.register("r-first", person, in: ledger)
        let voter = try #require(try ledger.store.votingPseudonym(of: "r-first", in: Self.edition))
        try ledger.run(.castBallot(ballot: "b-1", voter: voter, pool: "osiedle", projects: ["A"], points: [], method: .internet), by: Actor(role: .voter, id: voter))
        #expect(try ledger.store.erasePersonalData(of: "r-first"))
        #expect(try ledger.store.erasePersonalData(of: "r-first") == false)
        #expect(try ledger.store.resident(withPesel: person.pesel, in: Self.edition) == nil)
        #expect(try ledger.store.votingPseudonym(of: "r-first", in: Self.edition) == nil)
        // What stays: the keyed hash beside the pseudonym, without name, contact or resident id.
        #expect(try Self.rows("personal_data", in: ledger) == 0)
        #expect(try Self.rows("voting_pseudonyms", in: ledger) == 1)
        try Self.register("r-again", person, in: ledger)
        #expect(try ledger.store.votingPseudonym(of: "r-again", in: Self.edition) == voter)
        #expect {
            try ledger.run(.castBallot(ballot: "b-2", voter: voter, pool: "osiedle", projects: ["B"], points: [], method: .internet), by: Actor(role: .voter, id: voter))
        } throws: { ($0 as? Refusal)?.reason == .alreadyVoted }
        let state = try ledger.store.state(of: Self.edition)
        #expect(state.countedBallots(in: "osiedle").map(\.id) == ["b-1"])
        // Publication ends the need: the register of pseudonyms goes, the chain still verifies.
        try ledger.run(.advancePhase(to: .closed))
        #expect(try Self.rows("voting_pseudonyms", in: ledger) == 1)
        try ledger.run(.advancePhase(to: .published))
        #expect(try Self.rows("voting_pseudonyms", in: ledger) == 0)
        #expect(try Self.rows("personal_data", in: ledger) == 1)
        #expect(try ledger.store.votingPseudonym(of: "r-again", in: Self.edition) == nil)
        let report = try LedgerVerifier.verify(databaseAt: ledger.path, verifier: ledger.signer.verifier)
        #expect(report.tallies.first?.result?.scores == [1, 0, 0])
    }

    @Test("no PESEL, name or contact in the log; one PESEL registers once per edition")
    func personalDataStaysOut() throws {
        let ledger = try TemporaryLedger()
        try ledger.votingEdition()
        let person = try Self.person()
        try Self.register("r-1", person, in: ledger)
        #expect(try ledger.store.resident(withPesel: person.pesel, in: Self.edition) == "r-1")
        #expect {
            try Self.register("r-2", person, in: ledger)
        } throws: { ($0 as? Refusal)?.reason == .alreadyRegistered }
        #expect(try Self.rows("voting_pseudonyms", in: ledger) == 1)
        let text = try Self.entries(ledger).map { $0.type + $0.actor + $0.body }.joined()
        #expect(!text.contains("44051401359") && !text.contains("Kowalski") && !text.contains("jan@"))
    }

    @Test("a ledger of the first schema keeps its registrations: one id serves as resident id and pseudonym")
    func migration() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wiec-migrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.sqlite").path
        let migrator = LedgerSchema.migrator
        let old = try DatabaseQueue(path: path)
        try migrator.migrate(old, upTo: "v1-ledger")
        try old.write { db in
            try db.execute(sql: "INSERT INTO personal_data (voter_id, edition, pesel_hmac, name) VALUES ('v-old', 'e', x'01', 'Ala')")
        }
        try old.close()
        let store = try LedgerStore(path: path, signer: nil)
        #expect(try store.votingPseudonym(of: "v-old", in: "e") == "v-old")
    }
}
