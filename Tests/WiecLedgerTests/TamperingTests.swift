import Foundation
import GRDB
import Pabulib
import Testing
import WiecCore
import WiecTestSupport
@testable import WiecLedger
@testable import WiecLedgerSQLite
import WiecExchange

@Suite("verify names the first bad entry or checkpoint after any insider change to the SQLite file")
struct TamperingTests {
    static let edition = "przyklad-2027"

    /// The sample elections of `ballots/` imported as one edition and published: four pools,
    /// about 2,300 ballots, a checkpoint at every phase change.
    static func importedElection() throws -> TemporaryLedger {
        let ledger = try TemporaryLedger()
        let pools = try SharedData.sampleBallots.map { path in
            PabulibImport.Pool(
                id: String(URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent), file: try PabulibFile.read(path: path))
        }
        _ = try ledger.store.importPabulib(pools, edition: edition, name: "BO Przykładowo 2027", idempotencyKey: "import", at: ledger.tick())
        _ = try ledger.store.execute(
            .advancePhase(to: .published), on: edition, by: PabulibImport.official, idempotencyKey: "publish", at: ledger.tick())
        return ledger
    }

    static func failure(_ ledger: TemporaryLedger) -> VerificationFailure? {
        do {
            _ = try LedgerVerifier.verify(databaseAt: ledger.path, verifier: ledger.signer.verifier)
            return nil
        } catch {
            return error as? VerificationFailure
        }
    }

    /// Where a change is made and what verify must name.
    struct Site {
        /// A ballot in the middle of the log.
        var ballot: Int64
        /// The last entry, which the last checkpoint covers.
        var head: Int64
        /// The checkpoint sizes, ascending.
        var checkpoints: [Int64]
    }

    /// What verify must report: the entry or the checkpoint it names, and words of its message.
    enum Expected: CustomStringConvertible {
        case entry(Int64, String)
        case checkpoint(Int64, String)

        var description: String {
            switch self {
            case .entry(let seq, let words): "entry \(seq) (\(words))"
            case .checkpoint(let size, let words): "checkpoint at tree size \(size) (\(words))"
            }
        }
    }

    /// Every kind of change someone with write access to the file can make.
    enum Change: String, CaseIterable, CustomStringConvertible {
        case bodyEdited, timeEdited, actorEdited, typeEdited
        case twoSwapped, deletedLeavingGap, deletedAndRenumbered, insertedWithCorrectHash
        case duplicated, duplicatedWithCorrectHash
        case tailTruncatedBelowLastCheckpoint
        case bodyEditedAndChainRehashed, secondBallotAndChainRehashed, unregisteredVoterAndChainRehashed
        case checkpointReplacedByAnEarlierOne, checkpointDeleted, checkpointResignedByAnotherKey, checkpointTextEdited

        var description: String { rawValue }

        /// Makes the change and returns what verify must name.
        func apply(to ledger: TemporaryLedger, at site: Site) throws -> Expected {
            let seq = site.ballot
            switch self {
            case .bodyEdited:
                try ledger.tamper(#"UPDATE entries SET body = replace(body, '"projects":["', '"projects":["X') WHERE seq = \#(seq)"#)
                return .entry(seq, "does not match its hash")
            case .timeEdited:
                try ledger.tamper("UPDATE entries SET time = '2020-01-01T00:00:00.000Z' WHERE seq = \(seq)")
                return .entry(seq, "does not match its hash")
            case .actorEdited:
                try ledger.tamper("UPDATE entries SET actor_id = actor_id || '-x' WHERE seq = \(seq)")
                return .entry(seq, "does not match its hash")
            case .typeEdited:
                try ledger.tamper("UPDATE entries SET type = 'ballot_voided' WHERE seq = \(seq)")
                return .entry(seq, "does not match its hash")
            case .twoSwapped:
                try ledger.tamper("""
                    UPDATE entries SET seq = 100000000 WHERE seq = \(seq);
                    UPDATE entries SET seq = \(seq) WHERE seq = \(seq + 1);
                    UPDATE entries SET seq = \(seq + 1) WHERE seq = 100000000;
                    """)
                return .entry(seq, "does not match its hash")
            case .deletedLeavingGap:
                try ledger.tamper("DELETE FROM entries WHERE seq = \(seq)")
                return .entry(seq, "missing")
            case .deletedAndRenumbered:
                try ledger.tamper("""
                    DELETE FROM entries WHERE seq = \(seq);
                    UPDATE entries SET seq = seq + 100000000 WHERE seq > \(seq);
                    UPDATE entries SET seq = seq - 100000001 WHERE seq > 100000000;
                    """)
                return .entry(seq, "does not match its hash")
            case .insertedWithCorrectHash:
                // A forged voiding of an earlier ballot at `seq`, chained correctly to the entry before it.
                let previous = try Self.hash(of: seq - 1, in: ledger)
                let row = try Self.row(seq, in: ledger)
                let earlier = try ledger.database.read { db in
                    try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM entries WHERE type = 'ballot_cast' AND seq < ?", arguments: [seq])!
                }
                let ballot = try #require(try Self.body(of: earlier, in: ledger)["ballot"] as? String)
                let forged = LedgerEntry(
                    sequence: seq, id: "forged", time: row.time, type: "ballot_voided", actorRole: "official", actorID: "pabulib-import",
                    edition: TamperingTests.edition, body: #"{"ballot":"\#(ballot)","reason":"forged"}"#)
                try Self.shift(from: seq, by: 1, in: ledger)
                try Self.insert(forged, hash: forged.hash(previousHash: previous), into: ledger)
                return .entry(seq, "inserted")
            case .duplicated, .duplicatedWithCorrectHash:
                // A copy right after the entry (a new id, as the table wants unique ids), its hash
                // copied or computed for where it stands.
                var copy = try Self.row(seq, in: ledger)
                let original = try Self.hash(of: seq, in: ledger)
                try Self.shift(from: seq + 1, by: 1, in: ledger)
                copy.sequence = seq + 1
                copy.id += "-copy"
                let rehashed = self == .duplicatedWithCorrectHash
                try Self.insert(copy, hash: rehashed ? copy.hash(previousHash: original) : original, into: ledger)
                // A copy that hashes well where it stands gives itself away as a ballot cast twice.
                return .entry(seq + 1, rehashed ? "is cast twice" : "duplicate")
            case .tailTruncatedBelowLastCheckpoint:
                try ledger.tamper("DELETE FROM entries WHERE seq > \(site.head - 3)")
                return .entry(site.head - 2, "missing")
            case .bodyEditedAndChainRehashed:
                // Someone who recomputes every hash after the change: only the signed roots can tell.
                try ledger.tamper(#"UPDATE entries SET body = replace(body, '"projects":["', '"projects":["X') WHERE seq = \#(seq)"#)
                try Self.rehash(from: seq, in: ledger)
                let signed = site.checkpoints.first { $0 >= seq }!
                let before = site.checkpoints.last { $0 < seq }!
                return .checkpoint(signed, "an entry in \(before + 1)...\(signed) was changed")
            case .secondBallotAndChainRehashed, .unregisteredVoterAndChainRehashed:
                // A second ballot of the same voter, or a ballot of a voter never registered, after
                // `seq`, with every hash after it recomputed: the auditor's one-vote checks catch it
                // before any signed root is compared.
                var forged = try Self.row(seq, in: ledger)
                forged.sequence = seq + 1
                forged.id = "forged"
                forged.body = forged.body.replacingOccurrences(of: #"{"ballot":""#, with: #"{"ballot":"forged-"#)
                if self == .unregisteredVoterAndChainRehashed {
                    forged.body = forged.body.replacingOccurrences(of: #""voter":""#, with: #""voter":"forged-"#)
                }
                try Self.shift(from: seq + 1, by: 1, in: ledger)
                try Self.insert(forged, hash: [], into: ledger)
                try Self.rehash(from: seq + 1, in: ledger)
                return .entry(seq + 1, self == .secondBallotAndChainRehashed ? "already has a ballot" : "is not registered")
            case .checkpointReplacedByAnEarlierOne:
                let earlier = site.checkpoints[site.checkpoints.count - 2]
                try ledger.tamper("UPDATE checkpoints SET note = (SELECT note FROM checkpoints WHERE size = \(earlier)) WHERE size = \(site.head)")
                return .checkpoint(site.head, "replaced")
            case .checkpointDeleted:
                try ledger.tamper("DELETE FROM checkpoints WHERE size = \(site.head)")
                return .entry(site.head, "without its checkpoint")
            case .checkpointResignedByAnotherKey:
                // The right size and root, signed by a key of the same name that is not the log's.
                let other = try CheckpointSigner(name: ledger.signer.name)
                let root = Merkle.root(try Self.leaves(ledger)[...])
                let note = try other.sign(Checkpoint(origin: other.name, size: site.head, root: root, time: "2027-10-01T00:00:00.000Z"))
                try ledger.tamper("UPDATE checkpoints SET note = '\(note)' WHERE size = \(site.head)")
                return .checkpoint(site.head, "signature")
            case .checkpointTextEdited:
                let size = site.checkpoints[2]
                let note = try #require(try ledger.store.checkpoints().first { LedgerVerifier.claimedSize($0) == size })
                let edited = note.replacingOccurrences(of: "\n\(size)\n", with: "\n\(size - 1)\n")
                try ledger.tamper("UPDATE checkpoints SET note = '\(edited)' WHERE size = \(size)")
                return .checkpoint(size, "replaced")
            }
        }

        static func row(_ seq: Int64, in ledger: TemporaryLedger) throws -> LedgerEntry {
            try ledger.database.read { db in
                try #require(try EntryRecord.fetchOne(db, key: seq)).entry
            }
        }

        static func body(of seq: Int64, in ledger: TemporaryLedger) throws -> [String: Any] {
            let body = try row(seq, in: ledger).body
            return try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        }

        static func hash(of seq: Int64, in ledger: TemporaryLedger) throws -> [UInt8] {
            try ledger.database.read { db in
                Array(try #require(try Data.fetchOne(db, sql: "SELECT hash FROM entries WHERE seq = ?", arguments: [seq])))
            }
        }

        /// Renumbers the entries from `seq` on by `offset`, in two steps so the key stays unique.
        static func shift(from seq: Int64, by offset: Int64, in ledger: TemporaryLedger) throws {
            try ledger.tamper("""
                UPDATE entries SET seq = seq + 100000000 WHERE seq >= \(seq);
                UPDATE entries SET seq = seq - 100000000 + \(offset) WHERE seq >= 100000000;
                """)
        }

        static func insert(_ entry: LedgerEntry, hash: [UInt8], into ledger: TemporaryLedger) throws {
            try ledger.database.writeWithoutTransaction { db in
                try db.execute(
                    sql: "INSERT INTO entries (seq, id, time, type, actor_role, actor_id, edition, body, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    arguments: [
                        entry.sequence, entry.id, entry.time, entry.type, entry.actorRole, entry.actorID, entry.edition, entry.body,
                        Data(hash),
                    ])
            }
        }

        /// Recomputes the stored hash of every entry from `seq` on, as a forger would.
        static func rehash(from seq: Int64, in ledger: TemporaryLedger) throws {
            var previous = try hash(of: seq - 1, in: ledger)
            try ledger.database.writeWithoutTransaction { db in
                let records = try EntryRecord.filter(EntryRecord.Columns.sequence >= seq).order(EntryRecord.Columns.sequence).fetchAll(db)
                for entry in records.map(\.entry) {
                    previous = entry.hash(previousHash: previous)
                    try db.execute(sql: "UPDATE entries SET hash = ? WHERE seq = ?", arguments: [Data(previous), entry.sequence])
                }
            }
        }

        /// The Merkle leaves of the whole log as it is stored.
        static func leaves(_ ledger: TemporaryLedger) throws -> [[UInt8]] {
            let size = try ledger.database.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM entries")! }
            return try (1...size).map { try ledger.store.leafHash(of: $0) }
        }
    }

    static func site(_ ledger: TemporaryLedger) throws -> Site {
        try ledger.database.read { db in
            let ballots = try Int64.fetchAll(db, sql: "SELECT seq FROM entries WHERE type = 'ballot_cast' ORDER BY seq")
            return Site(
                ballot: ballots[ballots.count / 2], head: try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM entries")!,
                checkpoints: try Int64.fetchAll(db, sql: "SELECT size FROM checkpoints ORDER BY size"))
        }
    }

    @Test("the untouched election verifies, with a checkpoint at each of its six phase changes")
    func untouched() throws {
        let ledger = try Self.importedElection()
        let report = try LedgerVerifier.verify(databaseAt: ledger.path, verifier: ledger.signer.verifier)
        #expect(report.entries == (try Self.site(ledger).head))
        #expect(report.checkpoints == 6)
        #expect(report.tallies.count == 4)
        #expect(report.tallies.allSatisfy { $0.published })
    }

    @Test("each change is caught and the first bad entry or checkpoint named", arguments: Change.allCases)
    func caught(_ change: Change) throws {
        let ledger = try Self.importedElection()
        let site = try Self.site(ledger)
        #expect(site.ballot > site.checkpoints[3] && site.ballot < site.checkpoints[4], "a ballot between voting and closed")
        let expected = try change.apply(to: ledger, at: site)
        let failure = try #require(Self.failure(ledger), "\(change) went unnoticed")
        switch expected {
        case .entry(let seq, let words):
            #expect(failure.sequence == seq, "expected \(expected), got \(failure)")
            #expect(failure.message.contains(words), "expected \(expected), got \(failure)")
        case .checkpoint(let size, let words):
            #expect(failure.checkpointSize == size, "expected \(expected), got \(failure)")
            #expect(failure.message.contains(words), "expected \(expected), got \(failure)")
        }
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
        try Change.insert(entry, hash: entry.hash(previousHash: head.hash), into: ledger)
        let failure = Self.failure(ledger)
        #expect(failure?.sequence == entry.sequence)
        #expect(failure?.message.contains("differs from the re-tally") == true)
    }
}
