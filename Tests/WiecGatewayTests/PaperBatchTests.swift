import Foundation
import Testing
import WiecCore
import WiecGateway
import WiecLedger
import WiecTally
import WiecLedgerSQLite
import WiecTestSupport

/// Paper batches through the gateway over a real SQLite ledger in a temporary folder: all or
/// nothing, every refused card named, the point's record appended with its ballots.
@Suite struct PaperBatchTests {
    let temporary: TemporaryFolder
    let store: LedgerStore
    let gateway: CommandGateway
    static let edition = "bo-2027"
    static let official = Actor(role: .official, id: "staff-o", scope: .edition)

    init() throws {
        temporary = try TemporaryFolder("wiec-paper")
        store = try LedgerStore(path: temporary.url.appendingPathComponent("wiec.sqlite").path, signer: CheckpointSigner(name: "wiec.test"))
        gateway = CommandGateway(store: store)
        let resident = Actor(role: .resident, id: "r-1")
        var key = 0
        func run(_ command: Command, by actor: Actor = Self.official) throws {
            key += 1
            _ = try store.execute(command, on: Self.edition, by: actor, idempotencyKey: "setup-\(key)", at: Date())
        }
        try run(.createEdition(name: "BO 2027"))
        try run(.addPool(PoolConfig(
            id: "city", name: "Miasto", budget: Money(units: 100_000), voteType: .approval,
            limits: BallotLimits(maxLength: 2), rule: "greedy", tieBreaking: "file-order")))
        try run(.addVotingPoint(VotingPoint(id: "urzad", name: "Urząd", address: "Rynek 1")))
        try run(.advancePhase(to: .submission))
        for id in ["A", "B", "C"] {
            try run(.submitProposal(
                id: id, pool: "city", title: id, description: "d", category: nil, location: nil, costEstimate: Money(units: 10_000), initiative: nil),
                by: resident)
        }
        try run(.advancePhase(to: .review))
        for id in ["A", "B", "C"] {
            for stage in [ReviewStage.formal, .merit, .cost] {
                try run(.reviewProposal(proposal: id, stage: stage, outcome: .positive, justification: "ok", reviewedCost: stage == .cost ? Money(units: 10_000) : nil))
            }
        }
        try run(.advancePhase(to: .appeals))
        try run(.advancePhase(to: .voting))
        for (resident, pesel) in [("r-1", "85010112345"), ("r-2", "90010112349"), ("r-3", "75030512346")] {
            key += 1
            _ = try store.registerResident(
                resident, person: PersonalData(pesel: try Pesel(pesel), name: "Mieszkaniec \(resident)"), on: Self.edition, by: Self.official,
                idempotencyKey: "setup-\(key)", at: Date())
        }
        let online = try gateway.pseudonym(ofResident: "r-1", in: Self.edition)
        try run(.castBallot(ballot: "online", voter: online, pool: "city", projects: ["A"], points: [], method: .internet), by: Actor(role: .voter, id: online))
    }

    @Test func aBatchWithRefusedCardsStoresNothingAndNamesEachOne() async throws {
        let before = try store.state(of: Self.edition)
        let cards = [
            PaperCard(resident: "r-2", pool: "city", projects: ["A"]),
            PaperCard(resident: "r-1", pool: "city", projects: ["B"]),
            PaperCard(resident: "r-3", pool: "city", projects: ["A", "B", "C"]),
            PaperCard(resident: "r-2", pool: "city", projects: ["C"]),
        ]
        let refused = await #expect(throws: PaperBatchRefused.self) {
            try await gateway.enterPaperBatch(cards, invalidCards: 1, at: "urzad", on: Self.edition, by: Self.official, ledgerKey: "batch-1")
        }
        #expect(refused?.refusals.map(\.card) == [1, 2, 3])
        #expect(refused?.refusals.map(\.refusal.reason) == [.alreadyVoted, .ballotTooLong, .alreadyVoted])
        #expect(try store.state(of: Self.edition) == before)
    }

    @Test func aGoodBatchIsStoredWithItsPointRecord() async throws {
        let cards = [PaperCard(resident: "r-2", pool: "city", projects: ["A"]), PaperCard(resident: "r-3", pool: "city", projects: ["B", "C"])]
        let (ids, receipt) = try await gateway.enterPaperBatch(cards, invalidCards: 2, at: "urzad", on: Self.edition, by: Self.official, ledgerKey: "batch-2")
        // Two pseudonyms' registrations with their first ballots, the two ballots, the batch record.
        #expect(receipt.lastSequence - receipt.firstSequence + 1 == 5)
        let state = try store.state(of: Self.edition)
        #expect(state.votingPoints["urzad"]?.ballots == ids && state.votingPoints["urzad"]?.invalidCards == 2)
        #expect(ids.allSatisfy { state.pools["city"]!.ballots[state.pools["city"]!.ballotIndex[$0]!].method == .paper })
        let again = try await gateway.enterPaperBatch(cards, invalidCards: 2, at: "urzad", on: Self.edition, by: Self.official, ledgerKey: "batch-2")
        #expect(again.ballots == ids && again.receipt == receipt, "a resubmitted form appends once")
        #expect(try store.state(of: Self.edition).votingPoints["urzad"]?.ballots == ids)
    }

    @Test func aCardOfAnUnregisteredResidentIsRefused() async throws {
        let refused = await #expect(throws: PaperBatchRefused.self) {
            try await gateway.enterPaperBatch(
                [PaperCard(resident: "r-nobody", pool: "city", projects: ["A"]), PaperCard(resident: "r-2", pool: "city", projects: ["A"])],
                invalidCards: 0, at: "urzad", on: Self.edition, by: Self.official, ledgerKey: "batch-4")
        }
        #expect(refused?.refusals.map(\.card) == [0] && refused?.refusals.first?.refusal.reason == .notRegistered)
    }

    @Test func aBatchForAnUnknownPointIsRefusedAsAWhole() async throws {
        let refused = await #expect(throws: PaperBatchRefused.self) {
            try await gateway.enterPaperBatch(
                [PaperCard(resident: "r-2", pool: "city", projects: ["A"])], invalidCards: 0, at: "nie-ma", on: Self.edition, by: Self.official,
                ledgerKey: "batch-3")
        }
        #expect(refused?.refusals.count == 1 && refused?.refusals.first?.card == nil)
        #expect(refused?.refusals.first?.refusal.reason == .unknownVotingPoint)
        #expect(try store.state(of: Self.edition).votingPoints["urzad"]?.ballots == [])
    }
}
