import Dispatch
import Foundation
import WiecTestSupport
import Synchronization
import Testing
import WiecCore
import WiecTally
@testable import WiecLedger

/// The one store suite every engine passes (``StoreEngine``): a new engine is added there and
/// runs all of it.
@Suite("The ledger on every engine: appends, batches, idempotency, tampering, reopening, erasure, concurrent appenders")
struct LedgerStoreTests {
    @Test("PostgreSQL is there for the store suite", .enabled(if: StoreEngine.postgresURL != nil, "WIEC_TEST_POSTGRES is not set: the store suite runs on SQLite only (scripts/test-all starts a PostgreSQL cluster)"))
    func postgresIsThere() throws {
        #expect(StoreEngine.available.contains(.postgres))
        let ledger = try TemporaryLedger(on: .postgres)
        #expect(try ledger.store.head().size == 0)
    }

    @Test("a published edition verifies, with a checkpoint at every phase change and the result re-tallied", arguments: StoreEngine.available)
    func lifecycleVerifies(_ engine: StoreEngine) throws {
        let ledger = try TemporaryLedger(on: engine)
        try ledger.publishedEdition()
        let state = try ledger.store.state(of: TemporaryLedger.edition)
        #expect(state.phase == .published)
        #expect(state.results["osiedle"]?.selected == ["A", "C"])
        #expect(try ledger.store.editions() == [TemporaryLedger.edition])
        let report = try ledger.verify()
        #expect(report.entries == (try ledger.store.head().size))
        #expect(report.checkpoints == 6)
        #expect(report.tallies.count == 1)
        #expect(report.tallies.first?.result?.selected == ["A", "C"])
        #expect(report.tallies.first?.published == true)
    }

    @Test("a retried command returns the first receipt and appends nothing; a reused key with another command is refused", arguments: StoreEngine.available)
    func idempotentRetry(_ engine: StoreEngine) throws {
        let ledger = try TemporaryLedger(on: engine)
        try ledger.votingEdition()
        let ballot = Command.castBallot(ballot: "b1", voter: "v1", pool: "osiedle", projects: ["A"], points: [], method: .internet)
        let voter = Actor(role: .voter, id: "v1")
        let first = try ledger.store.execute(ballot, on: TemporaryLedger.edition, by: voter, idempotencyKey: "ballot-v1", at: ledger.tick())
        let size = try ledger.store.head().size
        let retry = try ledger.store.execute(ballot, on: TemporaryLedger.edition, by: voter, idempotencyKey: "ballot-v1", at: ledger.tick())
        #expect(retry == first)
        #expect(try ledger.store.head().size == size)
        let other = Command.castBallot(ballot: "b2", voter: "v1", pool: "osiedle", projects: ["B"], points: [], method: .internet)
        #expect {
            try ledger.store.execute(other, on: TemporaryLedger.edition, by: voter, idempotencyKey: "ballot-v1", at: ledger.tick())
        } throws: { ($0 as? Refusal)?.reason == .idempotencyConflict }
        // Without the key, the second ballot is a second vote.
        #expect {
            try ledger.store.execute(other, on: TemporaryLedger.edition, by: voter, idempotencyKey: "ballot-v1-again", at: ledger.tick())
        } throws: { ($0 as? Refusal)?.reason == .alreadyVoted }
        #expect(try ledger.store.head().size == size)
        // The key holds for another store on the same database too.
        let elsewhere = LedgerStore(engine: try ledger.reopen(), signer: ledger.signer)
        #expect(try elsewhere.execute(ballot, on: TemporaryLedger.edition, by: voter, idempotencyKey: "ballot-v1", at: ledger.tick()) == first)
    }

    @Test("a write without a key is remembered nowhere: the same write again is decided again", arguments: StoreEngine.available)
    func keylessWrite(_ engine: StoreEngine) throws {
        let ledger = try TemporaryLedger(on: engine)
        try ledger.votingEdition()
        func remembered() throws -> Int {
            try ledger.store.engine.read { reading in
                var count = 0
                try reading.forEachRememberedCommand { _, _ in count += 1 }
                return count
            }
        }
        let before = try remembered()
        let ballot = LedgerWrite(
            LedgerCommand(
                .castBallot(ballot: "b1", voter: "v1", pool: "osiedle", projects: ["A"], points: [], method: .internet),
                on: TemporaryLedger.edition, by: Actor(role: .voter, id: "v1")),
            idempotencyKey: nil)
        let first = try ledger.store.execute(each: [ballot], at: ledger.tick())
        let size = try ledger.store.head().size
        #expect(try first[0].get().lastSequence == size)
        #expect(try remembered() == before)
        let again = try ledger.store.execute(each: [ballot, ballot], at: ledger.tick())
        for result in again {
            #expect(throws: Refusal.self) { try result.get() }
            if case .failure(let refusal as Refusal) = result { #expect(refusal.reason == .duplicateID) }
        }
        #expect(try ledger.store.head().size == size)
        #expect(try remembered() == before)
    }

    @Test("a replayed registration key gives its receipt to the same person only", arguments: StoreEngine.available)
    func registrationReplay(_ engine: StoreEngine) throws {
        let ledger = try TemporaryLedger(on: engine)
        try ledger.votingEdition()
        let desk = Actor(role: .official, id: "registration-desk")
        let edition = TemporaryLedger.edition
        let first = PersonalData(pesel: try Pesel("44051401359"), name: "Jan Kowalski", contact: nil)
        let other = PersonalData(pesel: try Pesel("02070803628"), name: "Anna Nowak", contact: nil)
        let receipt = try ledger.store.registerResident("r-1", person: first, on: edition, by: desk, idempotencyKey: "desk-1", at: ledger.tick())
        let size = try ledger.store.head().size
        #expect(try ledger.store.registerResident("r-1", person: first, on: edition, by: desk, idempotencyKey: "desk-1", at: ledger.tick()) == receipt)
        #expect {
            try ledger.store.registerResident("r-1", person: other, on: edition, by: desk, idempotencyKey: "desk-1", at: ledger.tick())
        } throws: { ($0 as? Refusal)?.reason == .idempotencyConflict }
        #expect(try ledger.store.head().size == size)
        #expect(try ledger.store.resident(withPesel: other.pesel, in: edition) == nil)
    }

    @Test("a refused command in a batch appends nothing of the batch; a group of requests shares one commit", arguments: StoreEngine.available)
    func batches(_ engine: StoreEngine) throws {
        let ledger = try TemporaryLedger(on: engine)
        try ledger.votingEdition()
        let size = try ledger.store.head().size
        let batch = [
            LedgerCommand(.registerVoter(voter: "v5"), on: TemporaryLedger.edition, by: TemporaryLedger.official),
            LedgerCommand(.registerVoter(voter: "v1"), on: TemporaryLedger.edition, by: TemporaryLedger.official),
        ]
        #expect {
            try ledger.store.execute(batch: batch, idempotencyKey: "batch", at: ledger.tick())
        } throws: { ($0 as? Refusal)?.reason == .alreadyRegistered }
        #expect(try ledger.store.head().size == size)
        #expect(try ledger.store.state(of: TemporaryLedger.edition).voters.contains("v5") == false)
        // Independent requests in one transaction: a refused one leaves the others standing.
        let writes = ["v5", "v1", "v6"].map { voter in
            LedgerWrite([LedgerCommand(.registerVoter(voter: voter), on: TemporaryLedger.edition, by: TemporaryLedger.official)], idempotencyKey: "reg-\(voter)")
        }
        let results = try ledger.store.execute(each: writes, at: ledger.tick())
        #expect(try results[0].get().firstSequence == size + 1)
        #expect(throws: Refusal.self) { try results[1].get() }
        #expect(try results[2].get().firstSequence == size + 2)
        #expect(try ledger.verify().entries == size + 2)
    }

    @Test("a ballot made in the transaction for a resident carries their pseudonym, never their id; an unregistered one is refused alone", arguments: StoreEngine.available)
    func ballotsMadeForVoters(_ engine: StoreEngine) throws {
        let ledger = try TemporaryLedger(on: engine)
        let edition = TemporaryLedger.edition
        try ledger.votingEdition()
        let desk = Actor(role: .official, id: "registration-desk")
        for (resident, pesel) in [("r-1", "44051401359"), ("r-2", "02070803628")] {
            let person = PersonalData(pesel: try Pesel(pesel), name: "Jan Kowalski", contact: nil)
            _ = try ledger.store.registerResident(resident, person: person, on: edition, by: desk, idempotencyKey: "reg-\(resident)", at: ledger.tick())
        }
        let voters = try ["r-1", "r-2"].map { try #require(try ledger.store.votingPseudonym(of: $0, in: edition)) }
        let size = try ledger.store.head().size
        let requests = ["r-1", "r-unknown", "r-2", "r-1"].map { resident in
            LedgerRequest.asVoter(resident, in: edition) { voter in
                let ballot = Command.castBallot(ballot: "b-\(voter.id)", voter: voter.id, pool: "osiedle", projects: ["A"], points: [], method: .internet)
                return LedgerWrite(LedgerCommand(ballot, on: edition, by: voter), idempotencyKey: "cast:\(voter.id)")
            }
        }
        let results = try ledger.store.execute(requests: requests, at: ledger.tick())
        #expect(try results[0].get().write.commands[0].actor == Actor(role: .voter, id: voters[0]))
        #expect { try results[1].get() } throws: { ($0 as? Refusal)?.reason == .notRegistered }
        #expect(try results[2].get().write.commands[0].actor == Actor(role: .voter, id: voters[1]))
        #expect(try results[3].get().receipt == results[0].get().receipt, "the same voter's key again gets the first receipt")
        // Each first ballot registers its pseudonym with it: two entries per voter.
        let lines = try ledger.store.entryLines(from: size + 1, through: size + 4)
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { !$0.contains("r-1") && !$0.contains("r-2") && !$0.contains("r-unknown") })
        #expect(try ledger.store.state(of: edition).voters.isSuperset(of: voters))
        #expect(try ledger.verify().entries == size + 4)
    }

    @Test("an acknowledged append survives: a new store on the same file or database rebuilds the same state", arguments: StoreEngine.available)
    func durableAndReopened(_ engine: StoreEngine) throws {
        let ledger = try TemporaryLedger(on: engine)
        try ledger.publishedEdition()
        let reopened = LedgerStore(engine: try ledger.reopen(), signer: nil)
        #expect(try reopened.state(of: TemporaryLedger.edition) == ledger.store.state(of: TemporaryLedger.edition))
        #expect(try reopened.head().hash == ledger.store.head().hash)
        #expect(try reopened.checkpoints() == ledger.store.checkpoints())
        #expect(throws: LedgerError.self) {
            try reopened.execute(.registerVoter(voter: "v9"), on: TemporaryLedger.edition, by: TemporaryLedger.official, idempotencyKey: "k", at: Date())
        }
    }

    @Test("two stores on one store: each folds what the other appended before writing", arguments: StoreEngine.available)
    func twoWriters(_ engine: StoreEngine) throws {
        let ledger = try TemporaryLedger(on: engine)
        try ledger.votingEdition()
        let second = LedgerStore(engine: try ledger.reopen(), signer: ledger.signer)
        _ = try second.execute(.registerVoter(voter: "v7"), on: TemporaryLedger.edition, by: TemporaryLedger.official, idempotencyKey: "s1", at: ledger.tick())
        #expect {
            try ledger.run(.registerVoter(voter: "v7"))
        } throws: { ($0 as? Refusal)?.reason == .alreadyRegistered }
        try ledger.run(.registerVoter(voter: "v8"))
        #expect(try second.state(of: TemporaryLedger.edition).voters.contains("v8"))
        #expect(try ledger.verify().entries == (try second.head().size))
    }

    @Test("a store that lost its last entries under a running store is refused, and nothing is appended to it", arguments: StoreEngine.available)
    func shorterStoreIsRefused(_ engine: StoreEngine) throws {
        let ledger = try TemporaryLedger(on: engine)
        try ledger.votingEdition()
        try ledger.run(.registerVoter(voter: "v7"))
        let head = try ledger.store.head().size
        try ledger.tamper("DELETE FROM entries WHERE seq = \(head)")
        let failure = try #require(throws: LedgerError.self) { try ledger.run(.registerVoter(voter: "v8")) }
        #expect(failure.message.contains("fewer than the \(head)"), "\(failure)")
        let reader = LedgerStore(engine: try ledger.reopen(), signer: nil)
        #expect(try reader.head().size == head - 1, "nothing was appended after the loss")
    }

    @Test("concurrent appenders on one store: a gapless sequence, an unbroken chain, one receipt per key", arguments: StoreEngine.available)
    func concurrentAppenders(_ engine: StoreEngine) throws {
        let ledger = try TemporaryLedger(on: engine)
        try ledger.votingEdition()
        let start = try ledger.store.head().size
        let stores = [ledger.store, LedgerStore(engine: try ledger.reopen(), signer: ledger.signer)]
        let perStore = 60
        let receipts = Mutex<[Receipt]>([])
        let shared = Mutex<[Receipt]>([])
        let failures = Mutex<[String]>([])
        let time = ledger.tick()
        DispatchQueue.concurrentPerform(iterations: stores.count) { node in
            for index in 0..<perStore {
                do {
                    let voter = "n\(node)-\(index)"
                    let receipt = try stores[node].execute(
                        .registerVoter(voter: voter), on: TemporaryLedger.edition, by: TemporaryLedger.official, idempotencyKey: voter, at: time)
                    receipts.withLock { $0.append(receipt) }
                    if index == perStore / 2 {
                        // The same request on both nodes at once: one append, the same receipt for both.
                        let again = try stores[node].execute(
                            .registerVoter(voter: "both"), on: TemporaryLedger.edition, by: TemporaryLedger.official, idempotencyKey: "both", at: time)
                        shared.withLock { $0.append(again) }
                    }
                } catch {
                    failures.withLock { $0.append("\(node)/\(index): \(error)") }
                }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let sequences = receipts.withLock { $0 }.map(\.firstSequence) + [shared.withLock { $0 }[0].firstSequence]
        #expect(Set(sequences) == Set((start + 1)...(start + Int64(stores.count * perStore) + 1)))
        #expect(Set(shared.withLock { $0 }).count == 1)
        let report = try ledger.verify()
        #expect(report.entries == start + Int64(stores.count * perStore) + 1)
        let voters = try stores[1].state(of: TemporaryLedger.edition).voters
        #expect(voters.count == 4 + stores.count * perStore + 1)
        #expect(try stores[0].head() == stores[1].head())
    }

    @Test("a changed entry or checkpoint is caught where it lies, by verifying the store in place", arguments: StoreEngine.available)
    func tampering(_ engine: StoreEngine) throws {
        for change in ["body", "gap", "checkpoint"] {
            let ledger = try TemporaryLedger(on: engine)
            try ledger.publishedEdition()
            let ballot = try #require(try ledger.engine.read { reading in
                var found: Int64?
                try reading.forEachEntry(in: 1...(try reading.lastSequence())) { entry, _ in if entry.type == "ballot_cast", found == nil { found = entry.sequence } }
                return found
            })
            let head = try ledger.store.head().size
            let expected: (sequence: Int64, words: String)
            switch change {
            case "body":
                try ledger.tamper(#"UPDATE entries SET body = replace(body, '"projects":["', '"projects":["X') WHERE seq = \#(ballot)"#)
                expected = (ballot, "does not match its hash")
            case "gap":
                try ledger.tamper("DELETE FROM entries WHERE seq = \(ballot)")
                expected = (ballot, "missing")
            default:
                try ledger.tamper("DELETE FROM checkpoints WHERE size = \(head)")
                expected = (head, "without its checkpoint")
            }
            let failure = try #require(throws: VerificationFailure.self, "\(change)") { try ledger.verify() }
            #expect(failure.sequence == expected.sequence, "\(change): \(failure)")
            #expect(failure.message.contains(expected.words), "\(change): \(failure)")
        }
    }

    @Test("erasure removes the personal data, keeps the chain, and gives no second vote", arguments: StoreEngine.available)
    func erasure(_ engine: StoreEngine) throws {
        let ledger = try TemporaryLedger(on: engine)
        try ledger.votingEdition()
        let person = PersonalData(pesel: try Pesel("44051401359"), name: "Jan Kowalski", contact: "jan@example.pl")
        let desk = Actor(role: .official, id: "registration-desk")
        _ = try ledger.store.registerResident("r-1", person: person, on: TemporaryLedger.edition, by: desk, idempotencyKey: "reg-1", at: ledger.tick())
        #expect(try ledger.store.resident(withPesel: person.pesel, in: TemporaryLedger.edition) == "r-1")
        #expect {
            try ledger.store.registerResident("r-2", person: person, on: TemporaryLedger.edition, by: desk, idempotencyKey: "reg-2", at: ledger.tick())
        } throws: { ($0 as? Refusal)?.reason == .alreadyRegistered }
        let voter = try #require(try ledger.store.votingPseudonym(of: "r-1", in: TemporaryLedger.edition))
        try ledger.run(.castBallot(ballot: "b-1", voter: voter, pool: "osiedle", projects: ["A"], points: [], method: .internet), by: Actor(role: .voter, id: voter))
        #expect(try ledger.store.erasePersonalData(of: "r-1"))
        #expect(try ledger.store.erasePersonalData(of: "r-1") == false)
        #expect(try ledger.store.resident(withPesel: person.pesel, in: TemporaryLedger.edition) == nil)
        #expect(try ledger.store.votingPseudonym(of: "r-1", in: TemporaryLedger.edition) == nil)
        _ = try ledger.store.registerResident("r-3", person: person, on: TemporaryLedger.edition, by: desk, idempotencyKey: "reg-3", at: ledger.tick())
        #expect(try ledger.store.votingPseudonym(of: "r-3", in: TemporaryLedger.edition) == voter)
        #expect {
            try ledger.run(.castBallot(ballot: "b-2", voter: voter, pool: "osiedle", projects: ["B"], points: [], method: .internet), by: Actor(role: .voter, id: voter))
        } throws: { ($0 as? Refusal)?.reason == .alreadyVoted }
        try ledger.run(.advancePhase(to: .closed))
        try ledger.run(.advancePhase(to: .published))
        #expect(try ledger.store.votingPseudonym(of: "r-3", in: TemporaryLedger.edition) == nil)
        #expect(try ledger.verify().tallies.first?.result?.scores == [1, 0, 0])
    }

    @Test("an inclusion receipt verifies offline; a changed entry or proof does not", arguments: StoreEngine.available)
    func inclusionReceipt(_ engine: StoreEngine) throws {
        let ledger = try TemporaryLedger(on: engine)
        try ledger.votingEdition()
        let receipt = try ledger.run(.castBallot(ballot: "b1", voter: "v1", pool: "osiedle", projects: ["A"], points: [], method: .internet), by: Actor(role: .voter, id: "v1"))
        try ledger.run(.registerVoter(voter: "v9"))
        let proof = try ledger.store.inclusionReceipt(for: receipt.lastSequence, at: ledger.tick())
        #expect(proof.entry.contains("\"ballot_cast\""))
        let head = try proof.verify(with: ledger.signer.verifier)
        #expect(head.size == (try ledger.store.head().size))
        var forged = proof
        forged.entry = proof.entry.replacingOccurrences(of: "[\"A\"]", with: "[\"B\"]")
        #expect(throws: LedgerError.self) { try forged.verify(with: ledger.signer.verifier) }
        var wrongIndex = proof
        wrongIndex.sequence -= 1
        #expect(throws: LedgerError.self) { try wrongIndex.verify(with: ledger.signer.verifier) }
        let stranger = try CheckpointSigner(name: "wiec.test/swiecie")
        #expect(throws: LedgerError.self) { try proof.verify(with: stranger.verifier) }
    }

    @Test("a store copied to another engine verifies with the same head and checkpoints, and works on", arguments: StoreEngine.available, StoreEngine.available)
    func migration(_ from: StoreEngine, _ to: StoreEngine) throws {
        let source = try TemporaryLedger(on: from)
        try source.votingEdition()
        let person = PersonalData(pesel: try Pesel("44051401359"), name: "Jan Kowalski", contact: nil)
        let desk = Actor(role: .official, id: "registration-desk")
        let registered = try source.store.registerResident("r-1", person: person, on: TemporaryLedger.edition, by: desk, idempotencyKey: "reg-1", at: source.tick())
        try source.run(.castBallot(ballot: "b1", voter: "v1", pool: "osiedle", projects: ["A"], points: [], method: .internet), by: Actor(role: .voter, id: "v1"))
        let target = try TemporaryLedger(on: to)
        let outcome = try LedgerMigration.copy(from: source.engine, to: target.engine, verifier: source.signer.verifier)
        #expect(outcome.entries == (try source.store.head().size))
        #expect(outcome.checkpoints == 4)
        #expect(outcome.residents == 1)
        let copy = LedgerStore(engine: try target.reopen(), signer: source.signer)
        #expect(try copy.head() == source.store.head())
        #expect(try copy.checkpoints() == source.store.checkpoints())
        #expect(try copy.state(of: TemporaryLedger.edition) == source.store.state(of: TemporaryLedger.edition))
        // The keys, the personal data and the pseudonyms came along: a retry gets its first receipt,
        // the same PESEL is still registered, and the copy appends on.
        #expect(try copy.registerResident("r-1", person: person, on: TemporaryLedger.edition, by: desk, idempotencyKey: "reg-1", at: source.tick()) == registered)
        #expect(try copy.resident(withPesel: person.pesel, in: TemporaryLedger.edition) == "r-1")
        #expect(try copy.votingPseudonym(of: "r-1", in: TemporaryLedger.edition) == source.store.votingPseudonym(of: "r-1", in: TemporaryLedger.edition))
        _ = try copy.execute(.registerVoter(voter: "v9"), on: TemporaryLedger.edition, by: TemporaryLedger.official, idempotencyKey: "after", at: source.tick())
        #expect(try LedgerVerifier.verify(try target.reopen(), verifier: source.signer.verifier).entries == outcome.entries + 1)
        // A store is copied only into an empty one, and a changed source does not pass as a copy.
        #expect(throws: LedgerError.self) { try LedgerMigration.copy(from: source.engine, to: target.engine, verifier: source.signer.verifier) }
        try source.tamper("UPDATE entries SET actor_id = actor_id || '-x' WHERE seq = 3")
        let other = try TemporaryLedger(on: to)
        let failure = try #require(throws: VerificationFailure.self) {
            try LedgerMigration.copy(from: source.engine, to: other.engine, verifier: source.signer.verifier)
        }
        #expect(failure.sequence == 3)
    }

    @Test("signing keys survive their text form")
    func keyText() throws {
        let signer = try CheckpointSigner(name: "wiec.test/log")
        let again = try CheckpointSigner(privateKey: signer.privateKeyText)
        #expect(again.verifier == signer.verifier)
        #expect(try CheckpointVerifier(verifierKey: signer.verifier.verifierKeyText) == signer.verifier)
        let note = try signer.sign(Checkpoint(origin: "wiec.test/log", size: 3, root: Merkle.emptyRoot, time: "2027-01-01T00:00:00.000Z"))
        #expect(try again.verifier.verify(note: note).size == 3)
    }
}
