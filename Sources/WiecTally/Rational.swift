/// An exact fraction in lowest terms, as the proportional rules report their prices and payments.
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The numerator; carries the sign.
    public let numerator: BigInt
    /// The denominator; always positive.
    public let denominator: BigInt

    /// Creates `numerator / denominator` in lowest terms.
    public init(_ numerator: BigInt, _ denominator: BigInt) {
        precondition(!denominator.isZero, "zero denominator")
        let divisor = BigInt.gcd(numerator, denominator)
        var n = numerator.quotientAndRemainder(dividingBy: divisor).quotient
        var d = denominator.quotientAndRemainder(dividingBy: divisor).quotient
        if d.isNegative { (n, d) = (-n, -d) }
        self.numerator = n
        self.denominator = d
    }

    /// Creates a whole number.
    public init(_ value: Int64) {
        self.numerator = BigInt(value)
        self.denominator = .one
    }

    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }

    /// The nearest `Double`, for display only.
    public var approximation: Double {
        let n = numerator.approximation, d = denominator.approximation
        if n.isFinite && d.isFinite && d != 0 { return n / d }
        // Both enormous: scale them down by the same power of two first.
        let shift = max(numerator.limbs.count, denominator.limbs.count) - 8
        let scale = BigInt(isNegative: false, limbs: [UInt64](repeating: 0, count: shift) + [1])
        return numerator.quotientAndRemainder(dividingBy: scale).quotient.approximation
            / denominator.quotientAndRemainder(dividingBy: scale).quotient.approximation
    }

    /// The fraction as `n/d`, or `n` when whole.
    public var description: String {
        denominator == .one ? numerator.description : "\(numerator)/\(denominator)"
    }

    /// The value rounded half up to `places` decimal places, e.g. `"12.35"`.
    public func decimal(places: Int) -> String {
        var scale = BigInt.one
        for _ in 0..<places { scale *= Int64(10) }
        let scaled = numerator * scale * Int64(2) + (numerator.isNegative ? -denominator : denominator)
        let rounded = scaled.quotientAndRemainder(dividingBy: denominator * Int64(2)).quotient
        let digits = rounded.isNegative ? String((-rounded).description) : rounded.description
        let sign = rounded.isNegative ? "-" : ""
        guard places > 0 else { return sign + digits }
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        return sign + padded.dropLast(places) + "." + padded.suffix(places)
    }
}
