import Foundation
import WiecCore
import WiecTally

/// An edition driven through `decide` and `evolve` only, as a store would.
struct EditionFixture {
    var state = EditionState(id: "swiecie-2027")
    /// Every event applied so far, in order.
    var events: [Event] = []
    static let official = Actor(role: .official, id: "urzednik-1")
    static let reviewer = Actor(role: .reviewer, id: "soltys-1", scope: .pools(["osiedle"]))
    static let team = Actor(role: .appealsTeam, id: "zespol")
    static let resident = Actor(role: .resident, id: "mieszkaniec-1")
    static func voter(_ id: String) -> Actor { Actor(role: .voter, id: id) }
    /// The time every command is recorded at: 1 December 2027, noon in Warsaw.
    static let now = Date(timeIntervalSince1970: 1_827_658_800)

    /// Applies a command or fails the test's expectation by throwing the refusal.
    @discardableResult
    mutating func run(_ command: Command, by actor: Actor) throws(Refusal) -> [Event] {
        let events = try Edition.decide(state, command, by: actor, at: Self.now)
        for event in events { Edition.evolve(&state, event) }
        self.events += events
        return events
    }

    /// The reason a command is refused, or `nil` when it is accepted (then it is not applied).
    func refusal(_ command: Command, by actor: Actor) -> RefusalReason? {
        do {
            _ = try Edition.decide(state, command, by: actor, at: Self.now)
            return nil
        } catch {
            return error.reason
        }
    }

    /// An edition with one approval pool `osiedle` (budget 100 000 zł, at most 2 projects,
    /// at most 100 000 zł per ballot, counted by `rule`), projects A (50 000), B (60 000),
    /// C (40 000) admitted, voters v1...v5 registered, in `voting`.
    static func voting(
        voteType: VoteType = .approval, revoting: Bool = false, rule: String = "greedy", exclusionGroups: [PoolExclusionGroup] = []
    ) throws -> EditionFixture {
        var fixture = EditionFixture()
        try fixture.run(.createEdition(name: "BO Świecie 2027"), by: official)
        try fixture.run(.addPool(PoolConfig(
            id: "osiedle", name: "Osiedle Kościuszki", budget: Money(units: 100_000), voteType: voteType,
            limits: BallotLimits(maxLength: 2, maxSumCost: Money(units: 100_000), maxPoints: 5, maxSumPoints: 6),
            rule: rule, tieBreaking: "file-order", allowsRevoting: revoting, exclusionGroups: exclusionGroups)), by: official)
        try fixture.run(.advancePhase(to: .submission), by: official)
        for (id, cost) in [("A", 50_000), ("B", 60_000), ("C", 40_000)] {
            try fixture.run(.submitProposal(
                id: id, pool: "osiedle", title: "Projekt \(id)", description: "Opis", category: nil, location: nil,
                costEstimate: Money(units: Int64(cost)), initiative: nil), by: resident)
        }
        try fixture.run(.advancePhase(to: .review), by: official)
        for id in ["A", "B", "C"] {
            let cost = fixture.state.proposals[id]!.costEstimate
            try fixture.run(.reviewProposal(proposal: id, stage: .formal, outcome: .positive, justification: "kompletny", reviewedCost: nil), by: reviewer)
            try fixture.run(.reviewProposal(proposal: id, stage: .merit, outcome: .positive, justification: "wykonalny", reviewedCost: nil), by: reviewer)
            try fixture.run(.reviewProposal(proposal: id, stage: .cost, outcome: .positive, justification: "koszt", reviewedCost: cost), by: reviewer)
        }
        try fixture.run(.advancePhase(to: .appeals), by: official)
        try fixture.run(.advancePhase(to: .voting), by: official)
        for voter in ["v1", "v2", "v3", "v4", "v5"] { try fixture.run(.registerVoter(voter: voter), by: official) }
        return fixture
    }

    static func ballot(_ id: String, _ voter: String, _ projects: [String], points: [Int64] = []) -> Command {
        .castBallot(ballot: id, voter: voter, pool: "osiedle", projects: projects, points: points, method: .internet)
    }
}
