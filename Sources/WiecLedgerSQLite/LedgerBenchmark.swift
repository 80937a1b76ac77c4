import Foundation
import WiecCore
import WiecTally
import WiecLedger

/// Measures the ledger on a scratch file: ballot appends one per transaction and in batches,
/// and verification of a large log.
public struct LedgerBenchmark {
    private let folder: URL
    private var keys = 0

    /// Uses a fresh scratch folder under `folder`.
    public init(folder: String) throws {
        self.folder = URL(fileURLWithPath: folder).appendingPathComponent("wiec-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: self.folder, withIntermediateDirectories: true)
    }

    /// Removes the scratch folder.
    public func cleanUp() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A new ledger in the scratch folder with an edition in `voting`: one approval pool of ten
    /// projects and `voters` registered voters.
    public mutating func votingLedger(named name: String, voters: Int) throws -> (store: LedgerStore, path: String, signer: CheckpointSigner) {
        let path = folder.appendingPathComponent("\(name).sqlite").path
        let signer = try KeyFiles.create(forLedger: path, name: "wiec.bench/\(name)")
        let store = try LedgerStore(path: path, signer: signer)
        let official = Actor(role: .official, id: "bench")
        var commands: [Command] = [
            .createEdition(name: "bench"),
            .addPool(PoolConfig(id: "p", name: "P", budget: Money(units: 1_000_000), voteType: .approval, limits: BallotLimits(maxLength: 3))),
            .advancePhase(to: .submission),
        ]
        let projects = (0..<10).map { "project-\($0)" }
        for id in projects {
            commands.append(.submitProposal(id: id, pool: "p", title: id, description: "", category: nil, location: nil, costEstimate: Money(units: 100_000), initiative: nil))
        }
        commands.append(.advancePhase(to: .review))
        for id in projects {
            for stage in ReviewStage.allCases {
                commands.append(.reviewProposal(proposal: id, stage: stage, outcome: .positive, justification: "ok", reviewedCost: stage == .cost ? Money(units: 100_000) : nil))
            }
        }
        commands += [.advancePhase(to: .appeals), .advancePhase(to: .voting)]
        _ = try store.execute(batch: commands.map { LedgerCommand($0, on: "bench", by: official) }, idempotencyKey: "setup", at: .now)
        var start = 0
        while start < voters {
            let end = min(voters, start + 50_000)
            let batch = (start..<end).map { LedgerCommand(.registerVoter(voter: "v\($0)"), on: "bench", by: official) }
            _ = try store.execute(batch: batch, idempotencyKey: "voters-\(start)", at: .now)
            start = end
        }
        return (store, path, signer)
    }

    /// The ballot of voter `index`: up to three projects, online.
    public static func ballot(_ index: Int) -> LedgerCommand {
        let projects = (0..<(1 + index % 3)).map { "project-\((index + $0 * 3) % 10)" }
        return LedgerCommand(
            .castBallot(ballot: "b\(index)", voter: "v\(index)", pool: "p", projects: projects, points: [], method: .internet),
            on: "bench", by: Actor(role: .voter, id: "v\(index)"))
    }

    /// Casts `count` ballots, `batchSize` per transaction.
    ///
    /// - Returns: Ballots appended per second.
    public static func castBallots(into store: LedgerStore, count: Int, batchSize: Int, from first: Int = 0) throws -> Double {
        let started = Date()
        var index = first
        while index < first + count {
            let end = min(first + count, index + batchSize)
            _ = try store.execute(batch: (index..<end).map(ballot), idempotencyKey: "ballots-\(index)", at: .now)
            index = end
        }
        return Double(count) / Date().timeIntervalSince(started)
    }
}
