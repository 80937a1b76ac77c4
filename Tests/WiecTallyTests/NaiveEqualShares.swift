import WiecTally

/// An exact fraction for the test's own reference count, kept in lowest terms.
struct Fraction {
    var numerator: BigInt
    var denominator: BigInt  // positive

    init(_ numerator: BigInt, _ denominator: BigInt = .one) {
        let reduced = Rational(numerator, denominator)
        self.numerator = reduced.numerator
        self.denominator = reduced.denominator
    }

    static func + (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }
    static func - (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)
    }
    static func * (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.numerator, a.denominator * b.denominator)
    }
    static func / (a: Fraction, b: Fraction) -> Fraction {
        let flip = b.numerator.isNegative
        return Fraction(a.numerator * (flip ? -b.denominator : b.denominator), a.denominator * (flip ? -b.numerator : b.numerator))
    }
    static func < (a: Fraction, b: Fraction) -> Bool { a.numerator * b.denominator < b.numerator * a.denominator }
    static func <= (a: Fraction, b: Fraction) -> Bool { !(b < a) }
    static func == (a: Fraction, b: Fraction) -> Bool { a.numerator * b.denominator == b.numerator * a.denominator }
    var isNegative: Bool { numerator.isNegative }
}

/// A per-voter, textbook Method of Equal Shares written independently of Wiec's class-based
/// engine (the pabutools algorithm, one voter at a time), used as a differential reference.
/// It records every voter's payments and checks them as it goes.
struct NaiveEqualShares {
    var selected: [Int] = []
    /// Each voter's total payments.
    var paid: [Fraction] = []
    /// Each voter's starting money.
    var money: Fraction = Fraction(.zero)
    /// Violations of the rule's invariants seen during the count.
    var violations: [String] = []

    init(_ election: Election, utility: EqualSharesUtility, priority: [Int], perVoter: Fraction? = nil) {
        let n = election.ballots.count
        guard n > 0 else { return }
        money = perVoter ?? Fraction(BigInt(election.budget.minorUnits), BigInt(n))
        var budget = [Fraction](repeating: money, count: n)
        paid = [Fraction](repeating: Fraction(.zero), count: n)
        // utility[v][p]
        var utilities = [[Int: Int64]](repeating: [:], count: n)
        for (voter, ballot) in election.ballots.enumerated() {
            for (index, project) in ballot.projects.enumerated() where !election.projects[project].isWithdrawn {
                let u: Int64
                switch election.voteType {
                case .cumulative, .scoring: u = ballot.points[index]
                default: u = utility == .cost ? election.projects[project].cost.minorUnits : 1
                }
                if u > 0 { utilities[voter][project] = u }
            }
        }
        var remaining = election.projects.indices.filter { project in
            election.projects[project].cost.minorUnits > 0 && utilities.contains { $0[project] != nil }
        }
        while true {
            var best: (project: Int, rho: Fraction)?
            for project in remaining {
                let cost = Fraction(BigInt(election.projects[project].cost.minorUnits))
                let supporters = (0..<n).filter { utilities[$0][project] != nil }
                var total = Fraction(.zero)
                for voter in supporters { total = total + budget[voter] }
                if total < cost { continue }
                // Poorest per unit of utility first.
                let sorted = supporters.sorted { budget[$0] / Fraction(BigInt(utilities[$0][project]!)) < budget[$1] / Fraction(BigInt(utilities[$1][project]!)) }
                var contribution = Fraction(.zero)
                var weight = supporters.reduce(Int64(0)) { $0 + utilities[$1][project]! }
                var rho: Fraction?
                for voter in sorted {
                    let u = utilities[voter][project]!
                    let candidate = (cost - contribution) / Fraction(BigInt(weight))
                    if candidate * Fraction(BigInt(u)) <= budget[voter] { rho = candidate; break }
                    contribution = contribution + budget[voter]
                    weight -= u
                }
                guard let rho else { continue }
                if let current = best {
                    if rho < current.rho || (rho == current.rho && priority[project] < priority[current.project]) {
                        best = (project, rho)
                    }
                } else {
                    best = (project, rho)
                }
            }
            guard let (winner, rho) = best else { break }
            var collected = Fraction(.zero)
            for voter in 0..<n {
                guard let u = utilities[voter][winner] else { continue }
                let share = rho * Fraction(BigInt(u))
                let payment = share < budget[voter] ? share : budget[voter]
                budget[voter] = budget[voter] - payment
                paid[voter] = paid[voter] + payment
                collected = collected + payment
                if budget[voter].isNegative { violations.append("voter \(voter) below zero after \(winner)") }
                if money < paid[voter] { violations.append("voter \(voter) paid more than their money") }
            }
            if !(collected == Fraction(BigInt(election.projects[winner].cost.minorUnits))) {
                violations.append("payments for \(winner) do not add up to its cost")
            }
            selected.append(winner)
            remaining.removeAll { $0 == winner }
        }
    }
}
