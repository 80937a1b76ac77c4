/// The top-up of the no-skip greedy rule (Poznań's rule): when the count stops at the first
/// project that does not fit, that project is funded too if the budget left is at least this
/// fraction of its cost; the rest comes from reserve funds.
public struct TopUp: Sendable, Hashable, CustomStringConvertible {
    /// The share of the project's cost the budget left must cover, in (0, 1].
    public let fraction: Rational
    /// The fraction as written, e.g. `80%`.
    public let description: String

    /// Parses a percentage such as `80%` or `79.99%`, exactly (no binary rounding); more than
    /// 0% and at most 100%.
    public init?(percent text: String) {
        guard text.hasSuffix("%") else { return nil }
        let number = text.dropLast()
        let parts = number.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, parts.count == 1 || !parts[1].isEmpty,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            number.count <= 18
        else { return nil }
        let decimals = parts.count == 2 ? parts[1].count : 0
        guard let digits = Int64(parts.joined()) else { return nil }
        var denominator: Int64 = 100
        for _ in 0..<decimals { denominator *= 10 }
        guard digits > 0, digits <= denominator else { return nil }
        fraction = Rational(BigInt(digits), BigInt(denominator))
        description = text
    }

    /// A whole percentage, 1 to 100.
    public init(wholePercent: Int) {
        precondition((1...100).contains(wholePercent), "a top-up is 1% to 100%")
        fraction = Rational(BigInt(Int64(wholePercent)), BigInt(100))
        description = "\(wholePercent)%"
    }

    /// Whether `left` covers the top-up's fraction of `cost`, compared exactly.
    func covers(_ cost: Money, with left: Money) -> Bool {
        BigInt(left.minorUnits) * fraction.denominator >= fraction.numerator * BigInt(cost.minorUnits)
    }
}
