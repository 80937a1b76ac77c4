import Testing
import WiecCore

/// Voting points, paper batches and protocols, driven through `decide` and `evolve` only.
@Suite struct PaperVotingTests {
    typealias F = EditionFixture
    static let point = VotingPoint(id: "urzad", name: "Urząd Miejski", address: "ul. Wojska Polskiego 1")

    static func paper(_ id: String, _ voter: String, _ projects: [String]) -> Command {
        .castBallot(ballot: id, voter: voter, pool: "osiedle", projects: projects, points: [], method: .paper)
    }

    static func withPoint() throws -> F {
        var fixture = try F.voting()
        try fixture.run(.addVotingPoint(point), by: F.official)
        return fixture
    }

    @Test func aPaperCardOfAVoterWhoVotedOnlineIsRefused() throws {
        var fixture = try Self.withPoint()
        try fixture.run(F.ballot("online", "v1", ["A"]), by: F.voter("v1"))
        #expect(fixture.refusal(Self.paper("card", "v1", ["B"]), by: F.official) == .alreadyVoted)
        try fixture.run(Self.paper("card-2", "v2", ["B"]), by: F.official)
        #expect(fixture.refusal(Self.paper("card-3", "v2", ["C"]), by: F.official) == .alreadyVoted, "nor a second card")
    }

    @Test func aBatchRecordsItsBallotsAndInvalidCardsAtItsPoint() throws {
        var fixture = try Self.withPoint()
        try fixture.run(Self.paper("p1", "v1", ["A"]), by: F.official)
        try fixture.run(Self.paper("p2", "v2", ["B"]), by: F.official)
        try fixture.run(.enterPaperBatch(point: "urzad", ballots: ["p1", "p2"], invalidCards: 1), by: F.official)
        let state = try #require(fixture.state.votingPoints["urzad"])
        #expect(state.ballots == ["p1", "p2"] && state.invalidCards == 1)
        #expect(fixture.refusal(.enterPaperBatch(point: "urzad", ballots: ["p1"], invalidCards: 0), by: F.official) == .duplicateID)
        #expect(fixture.refusal(.enterPaperBatch(point: "nie-ma", ballots: [], invalidCards: 1), by: F.official) == .unknownVotingPoint)
        #expect(fixture.refusal(.enterPaperBatch(point: "urzad", ballots: [], invalidCards: 0), by: F.official) == .invalidValue)
        #expect(fixture.refusal(.enterPaperBatch(point: "urzad", ballots: [], invalidCards: -1), by: F.official) == .invalidValue)
    }

    @Test func anOnlineBallotCannotBeFiledAsPaper() throws {
        var fixture = try Self.withPoint()
        try fixture.run(F.ballot("online", "v1", ["A"]), by: F.voter("v1"))
        #expect(fixture.refusal(.enterPaperBatch(point: "urzad", ballots: ["online"], invalidCards: 0), by: F.official) == .unknownBallot)
    }

    @Test func theProtocolCountsWhatWasEnteredAndClosesThePoint() throws {
        var fixture = try Self.withPoint()
        try fixture.run(Self.paper("p1", "v1", ["A"]), by: F.official)
        try fixture.run(Self.paper("p2", "v2", ["B"]), by: F.official)
        try fixture.run(.enterPaperBatch(point: "urzad", ballots: ["p1", "p2"], invalidCards: 1), by: F.official)
        try fixture.run(.voidBallot(ballot: "p2", reason: "karta podwójna"), by: F.official)
        #expect(fixture.refusal(.recordPaperProtocol(point: "urzad", cardsReceived: 10, cardsIssued: 1), by: F.official) == .invalidValue)
        #expect(fixture.refusal(.recordPaperProtocol(point: "urzad", cardsReceived: 3, cardsIssued: 4), by: F.official) == .invalidValue)
        let events = try fixture.run(.recordPaperProtocol(point: "urzad", cardsReceived: 50, cardsIssued: 3), by: F.official)
        let recorded = PaperProtocol(cardsReceived: 50, cardsIssued: 3, valid: 1, invalid: 1, official: F.official.id)
        #expect(events == [.paperProtocolRecorded(point: "urzad", protocol: recorded)])
        #expect(events.allSatisfy { $0.isCheckpointed })
        #expect(fixture.state.votingPoints["urzad"]?.paperProtocol == recorded)
        #expect(fixture.refusal(.enterPaperBatch(point: "urzad", ballots: [], invalidCards: 1), by: F.official) == .alreadyDecided)
        #expect(fixture.refusal(.recordPaperProtocol(point: "urzad", cardsReceived: 50, cardsIssued: 3), by: F.official) == .alreadyDecided)
    }

    @Test func pointsAreAnOfficialsAndNotAReviewersToRun() throws {
        var fixture = try Self.withPoint()
        #expect(fixture.refusal(.addVotingPoint(Self.point), by: F.official) == .duplicateID)
        #expect(fixture.refusal(.addVotingPoint(VotingPoint(id: "b", name: "", address: "")), by: F.official) == .invalidValue)
        #expect(fixture.refusal(.addVotingPoint(VotingPoint(id: "b", name: "B", address: "")), by: F.reviewer) == .notAllowed)
        #expect(fixture.refusal(.recordPaperProtocol(point: "urzad", cardsReceived: 1, cardsIssued: 0), by: F.reviewer) == .notAllowed)
        try fixture.run(.advancePhase(to: .closed), by: F.official)
        #expect(fixture.refusal(.addVotingPoint(VotingPoint(id: "b", name: "B", address: "")), by: F.official) == .phaseClosed)
        #expect(fixture.refusal(.enterPaperBatch(point: "urzad", ballots: [], invalidCards: 1), by: F.official) == .phaseClosed)
        #expect(fixture.refusal(.recordPaperProtocol(point: "urzad", cardsReceived: 1, cardsIssued: 0), by: F.official) == nil)
    }
}
