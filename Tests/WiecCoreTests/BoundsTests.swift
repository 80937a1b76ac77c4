import Testing
import WiecCore
import WiecTally

/// Every number a command carries is bounded before anything is appended, and every sum the
/// rules take is checked for overflow, so no command can trap the process.
@Suite struct BoundsTests {
    typealias F = EditionFixture

    static let extremes: [Int64] = [.min, .max, -(1 << 53), 1 << 53, 9_999_999_999_999, 10_000_000_000_000, 10_000_000_000_001, 0, -1]

    /// Accepted exactly when 0 < grosze ≤ 10^13 − 1.
    static func amountIsValid(_ grosze: Int64) -> Bool { grosze > 0 && grosze < 10_000_000_000_000 }

    @Test("amounts in proposals, amendments, reviews and appeal decisions: above 0 and below 10^13 grosze")
    func amounts() throws {
        var submission = EditionFixture()
        try submission.run(.createEdition(name: "BO"), by: F.official)
        try submission.run(.addPool(PoolConfig(id: "osiedle", name: "O", budget: Money(units: 1000), voteType: .approval)), by: F.official)
        try submission.run(.advancePhase(to: .submission), by: F.official)
        try submission.run(.submitProposal(
            id: "A", pool: "osiedle", title: "A", description: "", category: nil, location: nil, costEstimate: Money(units: 10),
            initiative: nil), by: F.resident)
        var review = submission
        try review.run(.advancePhase(to: .review), by: F.official)
        try review.run(.reviewProposal(proposal: "A", stage: .formal, outcome: .positive, justification: "ok", reviewedCost: nil), by: F.official)
        try review.run(.reviewProposal(proposal: "A", stage: .merit, outcome: .positive, justification: "ok", reviewedCost: nil), by: F.official)
        var appeals = review
        try appeals.run(.reviewProposal(proposal: "A", stage: .cost, outcome: .negative, justification: "za drogo", reviewedCost: nil), by: F.official)
        try appeals.run(.advancePhase(to: .appeals), by: F.official)
        try appeals.run(.fileAppeal(appeal: "x", proposal: "A", stage: .cost, grounds: "nie"), by: F.resident)
        for grosze in Self.extremes {
            let money = Money(minorUnits: grosze)
            let expected: RefusalReason? = Self.amountIsValid(grosze) ? nil : .invalidValue
            #expect(submission.refusal(.submitProposal(
                id: "B", pool: "osiedle", title: "B", description: "", category: nil, location: nil, costEstimate: money,
                initiative: nil), by: F.resident) == expected, "\(grosze)")
            #expect(submission.refusal(.amendProposal(proposal: "A", title: nil, description: nil, costEstimate: money), by: F.resident) == expected)
            #expect(review.refusal(.reviewProposal(
                proposal: "A", stage: .cost, outcome: .positive, justification: "ok", reviewedCost: money), by: F.official) == expected)
            #expect(appeals.refusal(.decideAppeal(appeal: "x", upheld: true, justification: "ok", reviewedCost: money), by: F.team) == expected)
            var draft = EditionFixture()
            try draft.run(.createEdition(name: "BO"), by: F.official)
            #expect(draft.refusal(.addPool(PoolConfig(id: "p", name: "P", budget: money, voteType: .approval)), by: F.official) == expected)
        }
    }

    @Test("pool limits: within their bounds, each minimum at most its maximum, max_length at least 1")
    func poolLimits() throws {
        var draft = EditionFixture()
        try draft.run(.createEdition(name: "BO"), by: F.official)
        func reason(_ limits: BallotLimits, threshold: Int64? = nil, supportListSize: Int = 0) -> RefusalReason? {
            draft.refusal(.addPool(PoolConfig(
                id: "p", name: "P", budget: Money(units: 1000), voteType: .cumulative, limits: limits,
                minProjectScoreThreshold: threshold, supportListSize: supportListSize)), by: F.official)
        }
        #expect(reason(BallotLimits(minLength: 5, maxLength: 2)) == .invalidValue)
        #expect(reason(BallotLimits(maxLength: 0)) == .invalidValue)
        #expect(reason(BallotLimits(minLength: 2, maxLength: 2)) == nil)
        #expect(reason(BallotLimits(minSumCost: Money(units: 10), maxSumCost: Money(units: 5))) == .invalidValue)
        #expect(reason(BallotLimits(minPoints: 3, maxPoints: 1)) == .invalidValue)
        #expect(reason(BallotLimits(minSumPoints: 3, maxSumPoints: 1)) == .invalidValue)
        #expect(reason(BallotLimits(minPoints: 0, maxPoints: 1_000_000_000, minSumPoints: 0, maxSumPoints: 1_000_000_000)) == nil)
        #expect(reason(BallotLimits(maxPoints: 1_000_000_001)) == .invalidValue)
        #expect(reason(BallotLimits(maxSumPoints: .max)) == .invalidValue)
        #expect(reason(BallotLimits(minPoints: -1)) == .invalidValue)
        #expect(reason(BallotLimits(maxLength: .max)) == .invalidValue)
        #expect(reason(BallotLimits(maxSumCost: Money(minorUnits: .max))) == .invalidValue)
        #expect(reason(BallotLimits(minSumCost: Money(minorUnits: -1))) == .invalidValue)
        #expect(reason(BallotLimits(), threshold: .max) == .invalidValue)
        #expect(reason(BallotLimits(), threshold: -1) == .invalidValue)
        #expect(reason(BallotLimits(), supportListSize: .max) == .invalidValue)
    }

    /// A cumulative pool limited only by its sum of points, or a scoring pool with no point limits.
    static func pointsPool(_ voteType: VoteType, limits: BallotLimits) throws -> EditionFixture {
        var f = EditionFixture()
        try f.run(.createEdition(name: "BO"), by: F.official)
        try f.run(.addPool(PoolConfig(id: "osiedle", name: "O", budget: Money(units: 1000), voteType: voteType, limits: limits)), by: F.official)
        try f.run(.advancePhase(to: .submission), by: F.official)
        for id in ["A", "B"] {
            try f.run(.submitProposal(
                id: id, pool: "osiedle", title: id, description: "", category: nil, location: nil, costEstimate: Money(units: 10),
                initiative: nil), by: F.resident)
        }
        try f.run(.advancePhase(to: .review), by: F.official)
        for id in ["A", "B"] {
            for stage in ReviewStage.allCases {
                try f.run(.reviewProposal(
                    proposal: id, stage: stage, outcome: .positive, justification: "ok", reviewedCost: stage == .cost ? Money(units: 10) : nil),
                    by: F.official)
            }
        }
        try f.run(.advancePhase(to: .appeals), by: F.official)
        try f.run(.advancePhase(to: .voting), by: F.official)
        try f.run(.registerVoter(voter: "v1"), by: F.official)
        return f
    }

    @Test("points: 0 to 10^9 each, their sum checked, on cumulative pools without max_points and scoring pools without limits")
    func points() throws {
        for fixture in [try Self.pointsPool(.cumulative, limits: BallotLimits(maxSumPoints: 10)), try Self.pointsPool(.scoring, limits: BallotLimits())] {
            for points: [Int64] in [[.max, 1], [1, .max], [.min, 1], [1_000_000_001, 0], [-1, 2], [1 << 53, 1 << 53]] {
                #expect(fixture.refusal(F.ballot("b", "v1", ["A", "B"], points: points), by: F.voter("v1")) == .pointsOutOfRange, "\(points)")
            }
        }
        let scoring = try Self.pointsPool(.scoring, limits: BallotLimits())
        #expect(scoring.refusal(F.ballot("b", "v1", ["A", "B"], points: [1_000_000_000, 1_000_000_000]), by: F.voter("v1")) == nil)
        let cumulative = try Self.pointsPool(.cumulative, limits: BallotLimits(maxSumPoints: 10))
        #expect(cumulative.refusal(F.ballot("b", "v1", ["A", "B"], points: [1_000_000_000, 1]), by: F.voter("v1")) == .overMaxSumPoints)
    }

    @Test("a ballot whose reviewed costs add up past Int64 is refused, online and on paper")
    func costSumOverflow() throws {
        var f = try Self.pointsPool(.approval, limits: BallotLimits())
        // A log may hold costs from before the bounds existed: apply such events directly.
        for id in ["A", "B"] {
            Edition.evolve(&f.state, .proposalReviewed(
                proposal: id, stage: .cost, outcome: .positive, justification: "ok", reviewedCost: Money(minorUnits: .max / 2 + 1), reviewer: "r"))
        }
        #expect(f.refusal(F.ballot("b", "v1", ["A", "B"]), by: F.voter("v1")) == .overMaxSumCost)
        let paper = Command.castBallot(ballot: "b", voter: "v1", pool: "osiedle", projects: ["A", "B"], points: [], method: .paper)
        #expect(f.refusal(paper, by: F.official) == .overMaxSumCost)
        #expect(f.refusal(F.ballot("b", "v1", ["A"]), by: F.voter("v1")) == nil)
    }

    @Test("workshops: a day the calendar has (read as a CalendarDay where it enters), 0 to 10^9 participants")
    func workshops() throws {
        var f = EditionFixture()
        try f.run(.createEdition(name: "BO"), by: F.official)
        func reason(_ date: String, _ participants: Int = 10) -> RefusalReason? {
            guard let day = CalendarDay(iso: date) else { return .invalidValue }
            return f.refusal(.recordWorkshop(Workshop(id: "w", theme: "T", date: day, place: "P", facilitator: "F", participants: participants)), by: F.official)
        }
        for date in ["2027-02-30", "2027-02-29", "2027-13-01", "2027-00-10", "2027-04-31", "27-01-01", "2027-1-01", "2027-01-01T00", "0000-01-01", "２０２７-01-01"] {
            #expect(CalendarDay(iso: date) == nil, "\(date)")
        }
        for date in ["2028-02-29", "2000-02-29", "2027-12-31"] { #expect(reason(date) == nil, "\(date)") }
        #expect(CalendarDay(iso: "1900-02-29") == nil)
        #expect(reason("2027-03-14", -1) == .invalidValue)
        #expect(reason("2027-03-14", .max) == .invalidValue)
        #expect(reason("2027-03-14", 1_000_000_000) == nil)
    }

    @Test("a village fund's budget year from outside is refused, never trapped on")
    func budgetYear() {
        let f = EditionFixture()
        for year in [Int.min, Int.max, 0, 1, 2014, 10_000] {
            #expect(f.refusal(.villageFund(.open(name: "FS", rules: .statutory(budgetYear: year))), by: F.official) == .invalidValue, "\(year)")
        }
        #expect(f.refusal(.villageFund(.open(name: "FS", rules: .statutory(budgetYear: 9_999))), by: F.official) == nil)
        #expect(f.refusal(.villageFund(.open(name: "FS", rules: .statutory(budgetYear: 2_015))), by: F.official) == nil)
    }
}
