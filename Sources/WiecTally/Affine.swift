/// An exact quantity that depends on a whole-number parameter `t` (the number of budget
/// increments of `equalshares/add1`) as `value + slope × (t' − t)`, known at the current `t`.
///
/// A plain count has every slope zero. The completion uses the slopes to find how far `t` can
/// grow before any comparison the count made would come out differently.
struct Affine: Hashable {
    /// The value at the current `t`.
    var value: BigInt
    /// The change per increment of `t`.
    var slope: BigInt

    static let zero = Affine(value: .zero, slope: .zero)

    static func + (lhs: Affine, rhs: Affine) -> Affine {
        Affine(value: lhs.value + rhs.value, slope: lhs.slope + rhs.slope)
    }

    static func - (lhs: Affine, rhs: Affine) -> Affine {
        Affine(value: lhs.value - rhs.value, slope: lhs.slope - rhs.slope)
    }

    static func * (lhs: Affine, rhs: Int64) -> Affine {
        Affine(value: lhs.value * rhs, slope: lhs.slope * rhs)
    }

    static func += (lhs: inout Affine, rhs: Affine) { lhs = lhs + rhs }
    static func *= (lhs: inout Affine, rhs: Int64) { lhs = lhs * rhs }

    /// Multiplies in place by a non-negative factor.
    mutating func multiply(by factor: Int64) {
        value.multiply(by: factor)
        slope.multiply(by: factor)
    }

    /// Adds `other × factor` in place (`factor` non-negative).
    mutating func add(_ other: Affine, times factor: Int64) {
        value.add(other.value, times: factor)
        slope.add(other.slope, times: factor)
    }

    /// Subtracts in place.
    mutating func subtract(_ other: Affine) {
        value.subtract(other.value)
        slope.subtract(other.slope)
    }

    /// The value `steps` increments further on.
    func value(after steps: Int64) -> BigInt { value + slope * steps }
}

/// The range of increments over which every comparison of a count keeps its outcome.
///
/// Each comparison the count makes is the sign of an ``Affine`` difference; ``constrain(_:)``
/// shortens the horizon to the first increment at which that sign would differ.
struct Horizon {
    /// How many increments from the current `t` (exclusive) keep all outcomes; at least 1.
    private(set) var steps: Int64

    /// The horizon when nothing constrains it.
    static let unbounded: Int64 = 1 << 40

    init(limit: Int64 = Horizon.unbounded) { steps = limit }

    /// Whether no comparison constrained the horizon.
    var isUnbounded: Bool { steps >= Horizon.unbounded }

    /// Keeps the horizon within the increments where `difference` has the sign it has now.
    mutating func constrain(_ difference: Affine) {
        let slopeSign = difference.slope.signum
        if slopeSign == 0 || steps <= 1 { return }
        let sign = difference.value.signum
        if sign == 0 { steps = 1; return }
        if slopeSign == sign { return }
        // Moving towards zero: find the first step with another sign, by bisection.
        if difference.value(after: steps - 1).signum == sign { return }
        var (low, high) = (Int64(0), steps - 1)  // sign holds at low, not at high
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if difference.value(after: middle).signum == sign { low = middle } else { high = middle }
        }
        steps = high
    }
}
