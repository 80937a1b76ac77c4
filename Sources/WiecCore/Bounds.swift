public import WiecTally

/// The largest numbers an edition takes: far beyond anything a civic budget reaches, and small
/// enough that no sum of them can overflow `Int64` (a ballot of a million projects at the largest
/// cost still adds up below 2^63). Every number a command carries is checked against these
/// before anything is appended, whether it came from JSON, a form or a `.pb` file.
public enum Bounds {
    /// The largest amount: 10^13 − 1 grosze (99 999 999 999,99 zł).
    public static let maxAmount = Money(minorUnits: 9_999_999_999_999)
    /// The most points on one project of a ballot, and the largest point limit of a pool.
    public static let maxPoints: Int64 = 1_000_000_000
    /// The largest count: ballot lengths, support lists, workshop participants.
    public static let maxCount = 1_000_000_000
    /// The largest score threshold of `greedy-threshold` (a score sums points over voters).
    public static let maxScore: Int64 = 1_000_000_000_000_000
    /// The most exclusion groups a pool holds, and the most proposals one group names: tens of
    /// sites with a few rival proposals each, and a pool with them all still fits one request.
    public static let maxExclusionGroups = 40
    public static let maxExclusionGroupSize = 20

    /// Checks an amount is positive and at most ``maxAmount``.
    ///
    /// - Parameter what: What the amount is, for the refusal (e.g. "proposal p1: the cost estimate").
    /// - Throws: ``Refusal`` `invalid_value`.
    public static func positive(_ amount: Money, _ what: String) throws(Refusal) {
        guard amount > .zero else { throw Refusal(.invalidValue, "\(what) must be positive") }
        guard amount <= maxAmount else { throw Refusal(.invalidValue, "\(what) is at most \(maxAmount) zł, not \(amount)") }
    }

    /// Checks an optional amount is 0 to ``maxAmount``.
    static func amount(_ amount: Money?, _ what: String) throws(Refusal) {
        guard let amount else { return }
        guard amount >= .zero, amount <= maxAmount else {
            throw Refusal(.invalidValue, "\(what) is 0 to \(maxAmount) zł, not \(amount)")
        }
    }

    /// Checks an optional whole number lies in a range.
    static func number<N: BinaryInteger>(_ value: N?, _ range: ClosedRange<N>, _ what: String) throws(Refusal) {
        guard let value else { return }
        guard range.contains(value) else { throw Refusal(.invalidValue, "\(what) is \(range.lowerBound) to \(range.upperBound), not \(value)") }
    }

    /// Checks that a lower limit does not exceed an upper one.
    static func ordered<T: Comparable>(_ minimum: T?, _ maximum: T?, _ what: String) throws(Refusal) {
        guard let minimum, let maximum, minimum > maximum else { return }
        throw Refusal(.invalidValue, "the minimum \(what) (\(minimum)) is above the maximum (\(maximum))")
    }

    /// The sum of amounts, or `nil` when it would overflow.
    public static func sum(_ amounts: some Sequence<Money>) -> Money? {
        sum(amounts.lazy.map(\.minorUnits)).map(Money.init(minorUnits:))
    }

    /// The sum of whole numbers, or `nil` when it would overflow.
    static func sum(_ values: some Sequence<Int64>) -> Int64? {
        var total: Int64 = 0
        for value in values {
            let (next, overflow) = total.addingReportingOverflow(value)
            if overflow { return nil }
            total = next
        }
        return total
    }
}
