import Foundation
import WiecTestSupport
import GRDB
import WiecCore
@testable import WiecLedger
import WiecTally
@testable import WiecLedgerSQLite
@testable import WiecLedgerPostgres

/// A real ledger in a fresh place, on either engine: a SQLite file in a temporary folder
/// (removed when the value is deinitialised), or a new database on the PostgreSQL server of
/// `WIEC_TEST_POSTGRES` (left to the throwaway cluster).
final class TemporaryLedger {
    let kind: StoreEngine
    let folder: URL
    /// The SQLite file, or the database's URL.
    let path: String
    let signer: CheckpointSigner
    let engine: any LedgerEngine
    let store: LedgerStore
    private var clock = Date(timeIntervalSince1970: 1_809_000_000)
    private var keys = 0

    static let official = Actor(role: .official, id: "urzednik-1")
    static let edition = "swiecie-2027"

    init(on kind: StoreEngine = .sqlite) throws {
        self.kind = kind
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("wiec-ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        signer = try CheckpointSigner(name: "wiec.test/swiecie")
        path = try kind.freshStore(in: folder)
        engine = try kind.open(path)
        store = LedgerStore(engine: engine, signer: signer)
    }

    /// The SQLite file behind the store, for the SQLite tests that look at or change its rows directly.
    var database: DatabasePool { (engine as! SQLiteEngine).database }

    /// A second engine on the same store, as another process or node would open it.
    func reopen() throws -> any LedgerEngine {
        try kind.open(path)
    }

    /// Verifies the store in place, on an engine of its own: every entry, checkpoint and tally.
    func verify() throws -> VerificationReport {
        try LedgerVerifier.verify(try reopen(), verifier: signer.verifier)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The next time, one second later than the last.
    func tick() -> Date {
        clock += 1
        return clock
    }

    /// Runs a command with a fresh idempotency key.
    @discardableResult
    func run(_ command: Command, by actor: Actor = official) throws -> Receipt {
        keys += 1
        return try store.execute(command, on: Self.edition, by: actor, idempotencyKey: "key-\(keys)", at: tick())
    }

    /// An edition with one approval pool of projects A, B, C admitted, voters v1...v4
    /// registered, three ballots (one voided), closed and published.
    func publishedEdition() throws {
        try votingEdition()
        try run(.castBallot(ballot: "b1", voter: "v1", pool: "osiedle", projects: ["A", "C"], points: [], method: .internet), by: Actor(role: .voter, id: "v1"))
        try run(.castBallot(ballot: "b2", voter: "v2", pool: "osiedle", projects: ["B"], points: [], method: .paper))
        try run(.castBallot(ballot: "b3", voter: "v3", pool: "osiedle", projects: ["A"], points: [], method: .internet), by: Actor(role: .voter, id: "v3"))
        try run(.voidBallot(ballot: "b2", reason: "karta podwójna"))
        try run(.advancePhase(to: .closed))
        try run(.advancePhase(to: .published))
    }

    /// The same edition, still in `voting`, no ballots yet.
    func votingEdition() throws {
        try run(.createEdition(name: "BO Świecie 2027"))
        try run(.addPool(PoolConfig(
            id: "osiedle", name: "Osiedle", budget: Money(units: 100_000), voteType: .approval, limits: BallotLimits(maxLength: 2))))
        try run(.advancePhase(to: .submission))
        for (id, cost) in [("A", 50_000), ("B", 60_000), ("C", 40_000)] {
            try run(.submitProposal(
                id: id, pool: "osiedle", title: "Projekt \(id)", description: "…", category: nil, location: nil,
                costEstimate: Money(units: Int64(cost)), initiative: nil), by: Actor(role: .resident, id: "r-\(id)"))
        }
        try run(.advancePhase(to: .review))
        for id in ["A", "B", "C"] {
            for stage in ReviewStage.allCases {
                try run(.reviewProposal(
                    proposal: id, stage: stage, outcome: .positive, justification: "zgodny",
                    reviewedCost: stage == .cost ? Money(units: 45_000) : nil))
            }
        }
        try run(.advancePhase(to: .appeals))
        try run(.advancePhase(to: .voting))
        for voter in ["v1", "v2", "v3", "v4"] { try run(.registerVoter(voter: voter)) }
    }

    /// Runs SQL on the store behind its back, as someone with access to the file or the database would.
    func tamper(_ sql: String) throws {
        switch kind {
        case .sqlite: try database.writeWithoutTransaction { db in try db.execute(sql: sql) }
        case .postgres: try (engine as! PostgresEngine).execute(unsafeSQL: sql)
        }
    }
}
