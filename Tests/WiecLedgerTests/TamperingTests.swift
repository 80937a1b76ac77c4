import Foundation
import Testing
import WiecCore
@testable import WiecLedger

@Suite("verify names the first bad entry or checkpoint after tampering with the file")
struct TamperingTests {
    /// A published edition, and the sequence number of its first ballot.
    static func ledger() throws -> (TemporaryLedger, Int64) {
        let ledger = try TemporaryLedger()
        try ledger.publishedEdition()
        let seq = try ledger.store.database.read { db in
            try Int64.fetchOne(db, sql: "SELECT MIN(seq) FROM entries WHERE type = 'ballot_cast'")!
        }
        return (ledger, seq)
    }

    static func failure(_ ledger: TemporaryLedger) -> VerificationFailure? {
        do {
            _ = try LedgerVerifier.verify(databaseAt: ledger.path, verifier: ledger.signer.verifier)
            return nil
        } catch {
            return error as? VerificationFailure
        }
    }

    @Test("a changed body")
    func body() throws {
        let (ledger, seq) = try Self.ledger()
        try ledger.tamper(#"UPDATE entries SET body = replace(body, '"A"', '"B"') WHERE seq = \#(seq)"#)
        #expect(Self.failure(ledger)?.sequence == seq)
    }

    @Test("a changed field outside the body (time)")
    func time() throws {
        let (ledger, seq) = try Self.ledger()
        try ledger.tamper("UPDATE entries SET time = '2020-01-01T00:00:00.000Z' WHERE seq = \(seq + 1)")
        #expect(Self.failure(ledger)?.sequence == seq + 1)
    }

    @Test("two entries swapped")
    func order() throws {
        let (ledger, seq) = try Self.ledger()
        try ledger.tamper("""
            UPDATE entries SET seq = 1000000 WHERE seq = \(seq);
            UPDATE entries SET seq = \(seq) WHERE seq = \(seq + 1);
            UPDATE entries SET seq = \(seq + 1) WHERE seq = 1000000;
            """)
        #expect(Self.failure(ledger)?.sequence == seq)
    }

    @Test("an entry deleted, leaving a gap")
    func deletionGap() throws {
        let (ledger, seq) = try Self.ledger()
        try ledger.tamper("DELETE FROM entries WHERE seq = \(seq)")
        let failure = Self.failure(ledger)
        #expect(failure?.sequence == seq)
        #expect(failure?.message.contains("missing") == true)
    }

    @Test("an entry deleted and the rest renumbered")
    func deletionRenumbered() throws {
        let (ledger, seq) = try Self.ledger()
        try ledger.tamper("""
            DELETE FROM entries WHERE seq = \(seq);
            UPDATE entries SET seq = seq + 1000000 WHERE seq > \(seq);
            UPDATE entries SET seq = seq - 1000001 WHERE seq > 1000000;
            """)
        #expect(Self.failure(ledger)?.sequence == seq)
    }

    @Test("an entry inserted with a correct hash and the rest renumbered")
    func insertion() throws {
        let (ledger, seq) = try Self.ledger()
        // Forge a ballot at `seq`, chained correctly to the entry before it.
        let previous: Data = try ledger.store.database.read { db in try Data.fetchOne(db, sql: "SELECT hash FROM entries WHERE seq = \(seq - 1)")! }
        let forged = LedgerEntry(
            sequence: seq, id: "forged", time: "2027-04-29T12:00:00.000Z", type: "ballot_cast", actorRole: "official",
            actorID: "urzednik-1", edition: TemporaryLedger.edition,
            body: #"{"ballot":"bx","method":"paper","points":[],"pool":"osiedle","projects":["B"],"voter":"v4"}"#)
        let hash = Hex.encode(forged.hash(previousHash: Array(previous)))
        try ledger.tamper("""
            UPDATE entries SET seq = seq + 1000000 WHERE seq >= \(seq);
            UPDATE entries SET seq = seq - 999999 WHERE seq > 1000000;
            INSERT INTO entries (seq, id, time, type, actor_role, actor_id, edition, body, hash)
            VALUES (\(seq), 'forged', '\(forged.time)', 'ballot_cast', 'official', 'urzednik-1', '\(forged.edition)', '\(forged.body)', X'\(hash)');
            """)
        let failure = Self.failure(ledger)
        #expect(failure?.sequence == seq)
        #expect(failure?.message.contains("inserted") == true)
    }

    @Test("a forged entry appended at the end and a re-signed checkpoint by another key")
    func changedCheckpoint() throws {
        let (ledger, _) = try Self.ledger()
        let size = try ledger.store.head().size
        let other = try CheckpointSigner(name: ledger.signer.name)
        let note = try other.sign(Checkpoint(origin: other.name, size: size, root: Merkle.emptyRoot, time: "2027-01-01T00:00:00.000Z"))
        try ledger.tamper("UPDATE checkpoints SET note = '\(note)' WHERE size = \(size)")
        let failure = Self.failure(ledger)
        #expect(failure?.checkpointSize == size)
        #expect(failure?.message.contains("signature") == true || failure?.message.contains("no signature") == true)
    }

    @Test("a checkpoint whose signed text was edited")
    func editedCheckpoint() throws {
        let (ledger, _) = try Self.ledger()
        let notes = try ledger.store.checkpoints()
        let target = notes[2]
        let size = try #require(LedgerVerifier.claimedSize(target))
        let edited = target.replacingOccurrences(of: "\n\(size)\n", with: "\n\(size - 1)\n")
        try ledger.tamper("UPDATE checkpoints SET note = '\(edited)' WHERE size = \(size)")
        #expect(Self.failure(ledger)?.checkpointSize == size - 1)
    }

    @Test("a published result changed together with a consistent chain is caught by the re-tally")
    func forgedResult() throws {
        let ledger = try TemporaryLedger()
        try ledger.votingEdition()
        try ledger.run(.castBallot(ballot: "b1", voter: "v1", pool: "osiedle", projects: ["A"], points: [], method: .paper))
        try ledger.run(.advancePhase(to: .closed))
        // Rewrite the log from the last entry on with a forged result, re-signing as the key holder.
        let state = try ledger.store.state(of: TemporaryLedger.edition)
        var result = try state.tally("osiedle")
        result.selected = ["B"]
        let head = try ledger.store.head()
        let (type, body) = try EventCoding.encode(.resultPublished(pool: "osiedle", result: result))
        let entry = LedgerEntry(
            sequence: head.size + 1, id: "forged-result", time: "2027-04-29T12:00:00.000Z", type: type, actorRole: "official",
            actorID: "urzednik-1", edition: TemporaryLedger.edition, body: body)
        try ledger.tamper("""
            INSERT INTO entries (seq, id, time, type, actor_role, actor_id, edition, body, hash)
            VALUES (\(entry.sequence), '\(entry.id)', '\(entry.time)', '\(type)', 'official', 'urzednik-1', '\(entry.edition)', '\(body)', X'\(Hex.encode(entry.hash(previousHash: head.hash)))');
            """)
        let failure = Self.failure(ledger)
        #expect(failure?.sequence == entry.sequence)
        #expect(failure?.message.contains("differs from the re-tally") == true)
    }
}
