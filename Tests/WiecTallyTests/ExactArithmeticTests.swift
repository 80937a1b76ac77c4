import Testing
import WiecTally
import WiecTestSupport

/// Big integers, fractions, and counts whose numbers outgrow 128 bits.
struct ExactArithmeticTests {
    @Test func bigIntegersMultiplyDivideAndPrint() {
        let a = BigInt(Int64.max) * BigInt(Int64.max) * BigInt(Int64.max)
        #expect(a.description == "784637716923335095224261902710254454442933591094742482943")
        let (quotient, remainder) = (a + 5).quotientAndRemainder(dividingBy: BigInt(Int64.max))
        #expect(quotient == BigInt(Int64.max) * BigInt(Int64.max))
        #expect(remainder == 5)
        #expect((-a + a).isZero)
        #expect(BigInt.gcd(a, BigInt(Int64.max) * 6) == BigInt(Int64.max))
        var b = a
        b.multiply(by: 3)
        #expect(b == a * 3)
        #expect(b - a == a * 2 && a - b == -(a * 2))
    }

    @Test func fractionsAreReducedAndRounded() {
        let third = Rational(BigInt(10), BigInt(30))
        #expect(third.description == "1/3")
        #expect(third.decimal(places: 3) == "0.333")
        #expect(Rational(BigInt(2), BigInt(3)).decimal(places: 2) == "0.67")
        #expect(Rational(BigInt(-5), BigInt(-10)) == Rational(BigInt(1), BigInt(2)))
    }

    /// Voters with distinct random ballots and costs near a trillion grosze: the count must
    /// agree with the per-voter reference and spend within the budget.
    @Test func countsWithLargeAmountsAgreeWithThePerVoterReference() throws {
        var rng = SeededGenerator(state: 2026)
        let projects = (0..<16).map { Project(id: "P\($0)", cost: Money(minorUnits: Int64.random(in: 1_000_000_000...900_000_000_000, using: &rng))) }
        let ballots = (0..<30).map { _ in Ballot(projects: (0..<16).filter { _ in Int.random(in: 0..<10, using: &rng) < 4 }) }
        let election = Election(projects: projects, ballots: ballots, budget: Money(minorUnits: 3_000_000_000_000), voteType: .approval)
        let result = try Tally.run(election, rule: .equalShares, options: TallyOptions(tieBreaking: .lexicographic))
        let reference = NaiveEqualShares(election, utility: .cost, priority: TieBreaking.lexicographic.priorities(in: election))
        #expect(reference.violations.isEmpty)
        #expect(result.selected == reference.selected)
        let add1 = try Tally.run(election, rule: .equalSharesAdd1, options: TallyOptions(tieBreaking: .lexicographic))
        #expect(add1.spent <= election.budget)
    }

    /// On Warszawa 2024 Mokotów the exact amounts outgrow 128 bits: what the exhausted supporters paid
    /// in some round has a denominator over 2^127 even in lowest terms, where checked 128-bit
    /// rationals would have overflowed. Every round must still add up: exhausted payers' money
    /// plus the others' equal shares is the cost, and no one pays a negative amount.
    @Test(.enabled(if: PabutoolsReferenceTests.pabulibAvailable, Comment(rawValue: PabutoolsReferenceTests.missing)))
    func countsBeyondOneHundredTwentyEightBits() throws {
        let (_, election) = try PabutoolsReferenceTests.load("Poland_Warszawa_2024_Mokotow.pb")
        let result = try Tally.run(election, rule: .equalShares, options: TallyOptions(tieBreaking: .lexicographic))
        let bound = BigInt(1) * BigInt(Int64.max) * BigInt(Int64.max) * BigInt(Int64(2))  // ≈ 2^127
        var widest = BigInt.zero
        for case .equalSharesRound(let round) in result.steps {
            if widest < round.exhaustedPaid.denominator { widest = round.exhaustedPaid.denominator }
            let cost = Rational(election.projects[round.project].cost.minorUnits)
            #expect(!round.exhaustedPaid.numerator.isNegative)
            #expect(round.exhaustedPaid <= cost)
            #expect(round.payers > 0 && round.exhaustedPayers <= round.payers)
        }
        #expect(bound < widest, "the exact amounts should need more than 128 bits; widest denominator \(widest)")
        #expect(result.selected.map { election.projects[$0].id } == PabutoolsReferenceTests.reference["Poland_Warszawa_2024_Mokotow.pb"]?["equalshares-cost"] ?? nil)
    }

    @Test func utilityTotalsThatOverflowStopTheCount() {
        let projects = [Project(id: "A", cost: Money(minorUnits: Int64.max / 2))]
        let election = Election(projects: projects, ballots: [Ballot(projects: [0]), Ballot(projects: [0]), Ballot(projects: [0])],
                                budget: Money(minorUnits: Int64.max / 2), voteType: .approval)
        #expect(throws: TallyError.self) { try Tally.run(election, rule: .equalShares) }
        #expect(throws: Never.self) { try Tally.run(election, rule: .equalShares, options: TallyOptions(utility: .approval)) }
    }
}
