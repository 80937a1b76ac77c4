import Foundation
import Testing
import WiecCore
import WiecLedger
import WiecTally
import WiecLedgerSQLite

/// The ledger's group commit, which the server funnels every single command through: each
/// command of a group stands alone (a refusal appends nothing and spares the others), keys keep
/// their meaning inside one group, and the result verifies like any other log.
@Suite struct GroupCommitTests {
    @Test func eachCommandOfAGroupStandsAlone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wiec-group-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("wiec.sqlite").path
        let signer = try KeyFiles.create(forLedger: path, name: "wiec.local/group")
        let store = try LedgerStore(path: path, signer: signer)
        let official = Actor(role: .official, id: "o")
        let setup: [Command] = [
            .createEdition(name: "BO"),
            .addPool(PoolConfig(id: "city", name: "Miasto", budget: Money(units: 1000), voteType: .approval)),
            .advancePhase(to: .submission),
            .submitProposal(id: "p1", pool: "city", title: "P1", description: "", category: nil, location: nil,
                            costEstimate: Money(units: 100), initiative: nil),
            .advancePhase(to: .review),
            .reviewProposal(proposal: "p1", stage: .formal, outcome: .positive, justification: "ok", reviewedCost: nil),
            .reviewProposal(proposal: "p1", stage: .merit, outcome: .positive, justification: "ok", reviewedCost: nil),
            .reviewProposal(proposal: "p1", stage: .cost, outcome: .positive, justification: "ok", reviewedCost: Money(units: 100)),
            .advancePhase(to: .appeals), .advancePhase(to: .voting),
            .registerVoter(voter: "v1"), .registerVoter(voter: "v2"),
        ]
        _ = try store.execute(batch: setup.map { LedgerCommand($0, on: "bo", by: official) }, idempotencyKey: "setup", at: Date())
        func ballot(_ id: String, _ voter: String, _ projects: [String]) -> LedgerCommand {
            LedgerCommand(
                .castBallot(ballot: id, voter: voter, pool: "city", projects: projects, points: [], method: .internet),
                on: "bo", by: Actor(role: .voter, id: voter))
        }
        let group: [LedgerWrite] = [
            .init(ballot("b1", "v1", ["p1"]), idempotencyKey: "k1"),
            .init(ballot("b2", "v1", ["p1"]), idempotencyKey: "k2"),  // already voted
            .init(ballot("b3", "v2", ["nope"]), idempotencyKey: "k3"),  // unknown project
            .init(ballot("b1", "v1", ["p1"]), idempotencyKey: "k1"),  // a retry inside the same group
            .init(ballot("b4", "v2", ["p1"]), idempotencyKey: "k1"),  // the key of another command
            .init(ballot("b5", "v2", ["p1"]), idempotencyKey: "k5"),
        ]
        let results = try store.execute(each: group, at: Date())
        func reason(_ result: Result<Receipt, any Error>) -> RefusalReason? {
            if case .failure(let error as Refusal) = result { return error.reason }
            return nil
        }
        let first = try results[0].get()
        #expect(reason(results[1]) == .alreadyVoted)
        #expect(reason(results[2]) == .unknownProject)
        #expect(try results[3].get() == first)
        #expect(reason(results[4]) == .idempotencyConflict)
        #expect(try results[5].get().lastSequence == first.lastSequence + 1)
        #expect(try store.state(of: "bo").countedBallots(in: "city").map(\.id) == ["b1", "b5"])
        _ = try store.checkpoint(at: Date())
        #expect(try LedgerVerifier.verify(databaseAt: path, verifier: signer.verifier).entries == first.lastSequence + 1)
    }
}
