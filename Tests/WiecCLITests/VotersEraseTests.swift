import Foundation
import Testing
import WiecCore
import WiecLedger
import WiecTally
import WiecLedgerSQLite

/// `wiec voters erase --pesel` while voting is open, through the real binary: the person's data
/// goes and the log does not change; the same PESEL registering again gets the same voting
/// pseudonym, so it cannot cast a second counted ballot; the chain still verifies.
struct VotersEraseTests {
    typealias CLI = CommandLineTests

    @Test func erasedWhileVotingThenRegisteredAgainCannotVoteTwice() throws {
        let folder = try LedgerCommandLineTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("bo.sqlite").path
        #expect(try CLI.wiec(["init", "--db", db]).status == 0)
        let store = try LedgerStore(path: db, signer: try KeyFiles.signer(forLedger: db))
        let official = Actor(role: .official, id: "urzednik-1")
        var keys = 0
        func run(_ command: Command, by actor: Actor = official) throws {
            keys += 1
            _ = try store.execute(command, on: "bo", by: actor, idempotencyKey: "k\(keys)", at: Date())
        }
        try run(.createEdition(name: "BO Świecie"))
        try run(.addPool(PoolConfig(id: "city", name: "Miasto", budget: Money(units: 1000), voteType: .approval, limits: BallotLimits(maxLength: 1))))
        try run(.advancePhase(to: .submission))
        try run(.submitProposal(
            id: "p1", pool: "city", title: "Ławki", description: "", category: nil, location: nil, costEstimate: Money(units: 100), initiative: nil))
        try run(.advancePhase(to: .review))
        for stage in ReviewStage.allCases {
            try run(.reviewProposal(
                proposal: "p1", stage: stage, outcome: .positive, justification: "zgodny", reviewedCost: stage == .cost ? Money(units: 100) : nil))
        }
        try run(.advancePhase(to: .appeals))
        try run(.advancePhase(to: .voting))
        let pesel = "44051401359"
        let person = PersonalData(pesel: try Pesel(pesel), name: "Jan Kowalski")
        _ = try store.registerResident("r-1", person: person, on: "bo", by: official, idempotencyKey: "register-1", at: Date())
        let voter = try #require(try store.votingPseudonym(of: "r-1", in: "bo"))
        try run(.castBallot(ballot: "b1", voter: voter, pool: "city", projects: ["p1"], points: [], method: .internet), by: Actor(role: .voter, id: voter))
        let head = try store.head()

        let erased = try CLI.wiec(["voters", "erase", "--db", db, "--pesel", pesel, "--edition", "bo"])
        #expect(erased.status == 0, "\(erased.errors)")
        #expect(erased.output.contains("r-1"))
        #expect(try store.head().size == head.size && store.head().hash == head.hash)
        #expect(try CLI.wiec(["voters", "erase", "--db", db, "--pesel", pesel, "--edition", "bo"]).status != 0)

        _ = try store.registerResident("r-2", person: person, on: "bo", by: official, idempotencyKey: "register-2", at: Date())
        #expect(try store.votingPseudonym(of: "r-2", in: "bo") == voter)
        #expect {
            try run(.castBallot(ballot: "b2", voter: voter, pool: "city", projects: ["p1"], points: [], method: .internet), by: Actor(role: .voter, id: voter))
        } throws: { ($0 as? Refusal)?.reason == .alreadyVoted }
        #expect(try store.state(of: "bo").countedBallots(in: "city").map(\.id) == ["b1"])
        #expect(try CLI.wiec(["verify", "--db", db]).status == 0)
    }
}
