import Foundation
import Testing
import WiecCore
import WiecTally
@testable import WiecLedger
@testable import WiecLedgerSQLite

@Suite("The SQLite ledger: appends, idempotency, durability, personal data")
struct LedgerStoreTests {
    @Test("a published edition verifies, with a checkpoint at every phase change and the result re-tallied")
    func lifecycleVerifies() throws {
        let ledger = try TemporaryLedger()
        try ledger.publishedEdition()
        let state = try ledger.store.state(of: TemporaryLedger.edition)
        #expect(state.phase == .published)
        #expect(state.results["osiedle"]?.selected == ["A", "C"])
        let report = try LedgerVerifier.verify(databaseAt: ledger.path, verifier: ledger.signer.verifier)
        #expect(report.entries == (try ledger.store.head().size))
        #expect(report.checkpoints == 6)
        #expect(report.tallies.count == 1)
        #expect(report.tallies.first?.result?.selected == ["A", "C"])
        #expect(report.tallies.first?.published == true)
    }

    @Test("a retried command returns the first receipt and appends nothing; a reused key with another command is refused")
    func idempotentRetry() throws {
        let ledger = try TemporaryLedger()
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
    }

    @Test("a refused command in a batch appends nothing of the batch")
    func batchIsAtomic() throws {
        let ledger = try TemporaryLedger()
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
        try ledger.run(.registerVoter(voter: "v5"))
        #expect(try LedgerVerifier.verify(databaseAt: ledger.path, verifier: ledger.signer.verifier).entries == size + 1)
    }

    @Test("an acknowledged append is in the file: a new store on the same file sees the same state")
    func durableAndReopened() throws {
        let ledger = try TemporaryLedger()
        try ledger.publishedEdition()
        let reopened = try LedgerStore(path: ledger.path, signer: nil)
        #expect(try reopened.state(of: TemporaryLedger.edition) == ledger.store.state(of: TemporaryLedger.edition))
        #expect(try reopened.head().hash == ledger.store.head().hash)
        #expect(throws: LedgerError.self) {
            try reopened.execute(.registerVoter(voter: "v9"), on: TemporaryLedger.edition, by: TemporaryLedger.official, idempotencyKey: "k", at: Date())
        }
    }

    @Test("two stores on one file: each folds what the other appended before writing")
    func twoWriters() throws {
        let ledger = try TemporaryLedger()
        try ledger.votingEdition()
        let second = try LedgerStore(path: ledger.path, signer: ledger.signer)
        _ = try second.execute(.registerVoter(voter: "v7"), on: TemporaryLedger.edition, by: TemporaryLedger.official, idempotencyKey: "s1", at: ledger.tick())
        #expect {
            try ledger.run(.registerVoter(voter: "v7"))
        } throws: { ($0 as? Refusal)?.reason == .alreadyRegistered }
        try ledger.run(.registerVoter(voter: "v8"))
        #expect(try LedgerVerifier.verify(databaseAt: ledger.path, verifier: ledger.signer.verifier).entries == (try second.head().size))
    }

    @Test("an inclusion receipt verifies offline; a changed entry or proof does not")
    func inclusionReceipt() throws {
        let ledger = try TemporaryLedger()
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
