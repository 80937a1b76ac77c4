import Testing
import WiecCore
import WiecTally

@Suite("Every refusal reason, and nothing decided when refused")
struct RefusalTests {
    typealias F = EditionFixture

    struct Case: CustomTestStringConvertible, Sendable {
        var reason: RefusalReason
        var setup: @Sendable () throws -> EditionFixture
        var command: Command
        var actor: Actor
        var testDescription: String { reason.rawValue }
    }

    static let voting: @Sendable () throws -> EditionFixture = { try F.voting() }
    static let cumulative: @Sendable () throws -> EditionFixture = { try F.voting(voteType: .cumulative) }
    static let draft: @Sendable () throws -> EditionFixture = {
        var f = EditionFixture()
        try f.run(.createEdition(name: "BO"), by: F.official)
        return f
    }
    static let submission: @Sendable () throws -> EditionFixture = {
        var f = try draft()
        try f.run(.addPool(PoolConfig(id: "osiedle", name: "O", budget: Money(units: 1000), voteType: .approval)), by: F.official)
        try f.run(.advancePhase(to: .submission), by: F.official)
        try f.run(.submitProposal(id: "P", pool: "osiedle", title: "P", description: "d", category: nil, location: nil, costEstimate: Money(units: 10), initiative: nil), by: F.resident)
        return f
    }
    static let review: @Sendable () throws -> EditionFixture = {
        var f = try submission()
        try f.run(.advancePhase(to: .review), by: F.official)
        return f
    }
    static let appeals: @Sendable () throws -> EditionFixture = {
        var f = try review()
        try f.run(.reviewProposal(proposal: "P", stage: .formal, outcome: .negative, justification: "brak podpisów", reviewedCost: nil), by: F.official)
        try f.run(.advancePhase(to: .appeals), by: F.official)
        try f.run(.fileAppeal(appeal: "o1", proposal: "P", stage: .formal, grounds: "są"), by: F.resident)
        return f
    }
    static let voted: @Sendable () throws -> EditionFixture = {
        var f = try F.voting()
        try f.run(F.ballot("b1", "v1", ["A"]), by: F.voter("v1"))
        return f
    }

    static let pool = PoolConfig(id: "x", name: "X", budget: Money(units: 10), voteType: .approval)

    static let cases: [Case] = [
        Case(reason: .unknownEdition, setup: { EditionFixture() }, command: .registerVoter(voter: "v"), actor: F.official),
        Case(reason: .editionExists, setup: draft, command: .createEdition(name: "again"), actor: F.official),
        Case(reason: .phaseClosed, setup: voting, command: .submitProposal(id: "Z", pool: "osiedle", title: "Z", description: "", category: nil, location: nil, costEstimate: Money(units: 5), initiative: nil), actor: F.resident),
        Case(reason: .notAllowed, setup: draft, command: .advancePhase(to: .submission), actor: F.resident),
        Case(reason: .notInScope, setup: review, command: .reviewProposal(proposal: "P", stage: .formal, outcome: .positive, justification: "ok", reviewedCost: nil), actor: Actor(role: .reviewer, id: "r", scope: .pools(["inne"]))),
        Case(reason: .invalidTransition, setup: draft, command: .advancePhase(to: .voting), actor: F.official),
        Case(reason: .duplicateID, setup: voted, command: F.ballot("b1", "v2", ["A"]), actor: F.voter("v2")),
        Case(reason: .invalidValue, setup: draft, command: .addPool(PoolConfig(id: "x", name: "X", budget: Money(units: 10), voteType: .approval, rule: "no-such-rule")), actor: F.official),
        Case(reason: .unknownPool, setup: voting, command: .castBallot(ballot: "b", voter: "v1", pool: "nie-ma", projects: ["A"], points: [], method: .internet), actor: F.voter("v1")),
        Case(reason: .unknownProposal, setup: review, command: .reviewProposal(proposal: "nie-ma", stage: .formal, outcome: .positive, justification: "ok", reviewedCost: nil), actor: F.official),
        Case(reason: .unknownWorkshop, setup: submission, command: .submitInitiative(id: "i", workshop: "nie-ma", title: "t", description: "d"), actor: F.resident),
        Case(reason: .unknownInitiative, setup: submission, command: .submitProposal(id: "Q", pool: "osiedle", title: "Q", description: "", category: nil, location: nil, costEstimate: Money(units: 5), initiative: "nie-ma"), actor: F.resident),
        Case(reason: .unknownAppeal, setup: appeals, command: .decideAppeal(appeal: "nie-ma", upheld: true, justification: "j", reviewedCost: nil), actor: F.team),
        Case(reason: .unknownBallot, setup: voting, command: .voidBallot(ballot: "nie-ma", reason: "r"), actor: F.official),
        Case(reason: .unknownVotingPoint, setup: voting, command: .enterPaperBatch(point: "nie-ma", ballots: [], invalidCards: 1), actor: F.official),
        Case(reason: .notSubmitter, setup: submission, command: .amendProposal(proposal: "P", title: "cudzy", description: nil, costEstimate: nil), actor: Actor(role: .resident, id: "ktos-inny")),
        Case(reason: .alreadySigned, setup: { var f = try submission(); try f.run(.signSupport(proposal: "P", signer: F.resident.id), by: F.resident); return f }, command: .signSupport(proposal: "P", signer: F.resident.id), actor: F.resident),
        Case(reason: .alreadyReviewed, setup: { var f = try review(); try f.run(.reviewProposal(proposal: "P", stage: .formal, outcome: .positive, justification: "ok", reviewedCost: nil), by: F.official); return f }, command: .reviewProposal(proposal: "P", stage: .formal, outcome: .negative, justification: "jednak nie", reviewedCost: nil), actor: F.official),
        Case(reason: .stageOutOfOrder, setup: review, command: .reviewProposal(proposal: "P", stage: .cost, outcome: .positive, justification: "ok", reviewedCost: Money(units: 10)), actor: F.official),
        Case(reason: .missingReviewedCost, setup: { var f = try review(); for stage in [ReviewStage.formal, .merit] { try f.run(.reviewProposal(proposal: "P", stage: stage, outcome: .positive, justification: "ok", reviewedCost: nil), by: F.official) }; return f }, command: .reviewProposal(proposal: "P", stage: .cost, outcome: .positive, justification: "ok", reviewedCost: nil), actor: F.official),
        Case(reason: .nothingToAppeal, setup: appeals, command: .fileAppeal(appeal: "o2", proposal: "P", stage: .merit, grounds: "g"), actor: F.resident),
        Case(reason: .alreadyDecided, setup: { var f = try appeals(); try f.run(.decideAppeal(appeal: "o1", upheld: false, justification: "nie", reviewedCost: nil), by: F.team); return f }, command: .decideAppeal(appeal: "o1", upheld: true, justification: "tak", reviewedCost: nil), actor: F.team),
        Case(reason: .alreadyRegistered, setup: voting, command: .registerVoter(voter: "v1"), actor: F.official),
        Case(reason: .notRegistered, setup: voting, command: F.ballot("b9", "v9", ["A"]), actor: F.voter("v9")),
        Case(reason: .unknownProject, setup: voting, command: F.ballot("b1", "v1", ["Z"]), actor: F.voter("v1")),
        Case(reason: .duplicateProject, setup: voting, command: F.ballot("b1", "v1", ["A", "A"]), actor: F.voter("v1")),
        Case(reason: .ballotTooLong, setup: voting, command: F.ballot("b1", "v1", ["A", "B", "C"]), actor: F.voter("v1")),
        Case(reason: .ballotTooShort, setup: voting, command: F.ballot("b1", "v1", []), actor: F.voter("v1")),
        Case(reason: .overMaxSumCost, setup: voting, command: F.ballot("b1", "v1", ["A", "B"]), actor: F.voter("v1")),
        Case(reason: .underMinSumCost, setup: { var f = try F.voting(); f.state.pools["osiedle"]!.config.limits.minSumCost = Money(units: 60_000); return f }, command: F.ballot("b1", "v1", ["A"]), actor: F.voter("v1")),
        Case(reason: .pointsOutOfRange, setup: cumulative, command: F.ballot("b1", "v1", ["A"], points: [6]), actor: F.voter("v1")),
        Case(reason: .overMaxSumPoints, setup: cumulative, command: F.ballot("b1", "v1", ["A", "C"], points: [4, 4]), actor: F.voter("v1")),
        Case(reason: .underMinSumPoints, setup: { var f = try F.voting(voteType: .cumulative); f.state.pools["osiedle"]!.config.limits.minSumPoints = 3; return f }, command: F.ballot("b1", "v1", ["A"], points: [2]), actor: F.voter("v1")),
        Case(reason: .malformedBallot, setup: cumulative, command: F.ballot("b1", "v1", ["A", "C"], points: [1]), actor: F.voter("v1")),
        Case(reason: .alreadyVoted, setup: voted, command: F.ballot("b2", "v1", ["B"]), actor: F.voter("v1")),
        Case(reason: .alreadyVoided, setup: { var f = try voted(); try f.run(.voidBallot(ballot: "b1", reason: "r"), by: F.official); return f }, command: .voidBallot(ballot: "b1", reason: "r"), actor: F.official),
        Case(reason: .alreadyWithdrawn, setup: { var f = try F.voting(); try f.run(.withdrawProject(proposal: "A", reason: "r"), by: F.official); return f }, command: .withdrawProject(proposal: "A", reason: "r"), actor: F.official),
        Case(reason: .reviewStarted, setup: { var f = try review(); try f.run(.reviewProposal(proposal: "P", stage: .formal, outcome: .positive, justification: "ok", reviewedCost: nil), by: F.official); return f }, command: .amendProposal(proposal: "P", title: "Nowy", description: nil, costEstimate: nil), actor: F.resident),
        Case(reason: .tallyFailed, setup: { var f = try voted(); try f.run(.advancePhase(to: .closed), by: F.official); f.state.pools["osiedle"]!.config.rule = "unknown"; return f }, command: .advancePhase(to: .published), actor: F.official),
    ]

    @Test("each reason is given where it applies", arguments: cases)
    func refused(_ example: Case) throws {
        let fixture = try example.setup()
        #expect(fixture.refusal(example.command, by: example.actor) == example.reason)
    }

    @Test("every reason but the store's own and the age check's is covered above")
    func everyReasonCovered() {
        let covered = Set((Self.cases + EditionKindRefusalTests.cases).map(\.reason))
        // `too_young` and `invalid_pesel` come from Edition.checkVoterAge, tested in VoterAgeTests.
        let missing = Set(RefusalReason.allCases).subtracting(covered).subtracting([.idempotencyConflict, .tooYoung, .invalidPesel])
        #expect(missing.isEmpty, "no test for \(missing.map(\.rawValue).sorted())")
    }

    @Test("a voter may not cast someone else's ballot; online ballots are the voter's own")
    func voterCastsOwnBallotOnly() throws {
        let f = try F.voting()
        #expect(f.refusal(F.ballot("b1", "v1", ["A"]), by: F.voter("v2")) == .notAllowed)
        #expect(f.refusal(F.ballot("b1", "v1", ["A"]), by: F.voter("v1")) == nil)
    }

    @Test("phase_closed when voting has closed")
    func ballotAfterClose() throws {
        var f = try F.voting()
        try f.run(.advancePhase(to: .closed), by: F.official)
        #expect(f.refusal(F.ballot("b1", "v1", ["A"]), by: F.voter("v1")) == .phaseClosed)
    }
}
