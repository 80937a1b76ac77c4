/// A signed integer of any size, for the exact arithmetic of the proportional rules.
///
/// Only what the rules need: addition, subtraction, multiplication, comparison, exact division
/// for reducing fractions, and decimal printing. Numbers are sign and magnitude, the magnitude in
/// little-endian 64-bit limbs without leading zero limbs (zero has no limbs and is never negative).
public struct BigInt: Sendable, Hashable, Comparable {
    /// Whether the number is below zero.
    public private(set) var isNegative: Bool
    /// The magnitude, least significant limb first.
    var limbs: [UInt64]

    init(isNegative: Bool, limbs: [UInt64]) {
        var limbs = limbs
        while let last = limbs.last, last == 0 { limbs.removeLast() }
        self.limbs = limbs
        self.isNegative = isNegative && !limbs.isEmpty
    }

    /// Creates a number from a machine integer.
    public init(_ value: Int64) {
        self.init(isNegative: value < 0, limbs: value == 0 ? [] : [value.magnitude])
    }

    /// Creates a number from an unsigned machine integer.
    public init(_ value: UInt64) {
        self.init(isNegative: false, limbs: value == 0 ? [] : [value])
    }

    /// Creates a number from an `Int`.
    public init(_ value: Int) { self.init(Int64(value)) }

    public static let zero = BigInt(isNegative: false, limbs: [])
    public static let one = BigInt(1 as Int64)

    /// Whether the number is zero.
    public var isZero: Bool { limbs.isEmpty }

    /// -1, 0 or 1.
    public var signum: Int { limbs.isEmpty ? 0 : (isNegative ? -1 : 1) }

    /// The nearest `Double`, for display only: no tally decision uses it.
    public var approximation: Double {
        var result = 0.0
        for limb in limbs.reversed() { result = result * 18_446_744_073_709_551_616.0 + Double(limb) }
        return isNegative ? -result : result
    }

    public static func < (lhs: BigInt, rhs: BigInt) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        let order = compareMagnitudes(lhs.limbs, rhs.limbs)
        return lhs.isNegative ? order > 0 : order < 0
    }

    public static prefix func - (value: BigInt) -> BigInt {
        BigInt(isNegative: !value.isNegative, limbs: value.limbs)
    }

    public static func + (lhs: BigInt, rhs: BigInt) -> BigInt {
        if lhs.isNegative == rhs.isNegative {
            return BigInt(isNegative: lhs.isNegative, limbs: addMagnitudes(lhs.limbs, rhs.limbs))
        }
        let order = compareMagnitudes(lhs.limbs, rhs.limbs)
        if order == 0 { return .zero }
        return order > 0
            ? BigInt(isNegative: lhs.isNegative, limbs: subtractMagnitudes(lhs.limbs, rhs.limbs))
            : BigInt(isNegative: rhs.isNegative, limbs: subtractMagnitudes(rhs.limbs, lhs.limbs))
    }

    public static func - (lhs: BigInt, rhs: BigInt) -> BigInt { lhs + (-rhs) }
    public static func += (lhs: inout BigInt, rhs: BigInt) { lhs = lhs + rhs }
    public static func -= (lhs: inout BigInt, rhs: BigInt) { lhs = lhs - rhs }

    public static func * (lhs: BigInt, rhs: BigInt) -> BigInt {
        if lhs.isZero || rhs.isZero { return .zero }
        if rhs.limbs.count == 1 { return BigInt(isNegative: lhs.isNegative != rhs.isNegative, limbs: multiplyMagnitude(lhs.limbs, by: rhs.limbs[0])) }
        if lhs.limbs.count == 1 { return BigInt(isNegative: lhs.isNegative != rhs.isNegative, limbs: multiplyMagnitude(rhs.limbs, by: lhs.limbs[0])) }
        var product = [UInt64](repeating: 0, count: lhs.limbs.count + rhs.limbs.count)
        for (i, a) in lhs.limbs.enumerated() {
            var carry: UInt64 = 0
            for (j, b) in rhs.limbs.enumerated() {
                let (high, low) = a.multipliedFullWidth(by: b)
                let (s1, o1) = low.addingReportingOverflow(product[i + j])
                let (s2, o2) = s1.addingReportingOverflow(carry)
                product[i + j] = s2
                carry = high &+ (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
            }
            product[i + rhs.limbs.count] = carry
        }
        return BigInt(isNegative: lhs.isNegative != rhs.isNegative, limbs: product)
    }

    public static func * (lhs: BigInt, rhs: Int64) -> BigInt {
        if rhs == 0 || lhs.isZero { return .zero }
        return BigInt(isNegative: lhs.isNegative != (rhs < 0), limbs: multiplyMagnitude(lhs.limbs, by: rhs.magnitude))
    }

    public static func *= (lhs: inout BigInt, rhs: Int64) { lhs = lhs * rhs }
    public static func *= (lhs: inout BigInt, rhs: BigInt) { lhs = lhs * rhs }

    /// Multiplies in place by a non-negative machine integer, reusing the storage.
    public mutating func multiply(by factor: Int64) {
        precondition(factor >= 0, "negative factor")
        if factor == 0 || limbs.isEmpty {
            self = .zero
            return
        }
        var carry: UInt64 = 0
        let factor = UInt64(factor)
        for index in limbs.indices {
            let (high, low) = limbs[index].multipliedFullWidth(by: factor)
            let (sum, overflow) = low.addingReportingOverflow(carry)
            limbs[index] = sum
            carry = high &+ (overflow ? 1 : 0)
        }
        if carry != 0 { limbs.append(carry) }
    }

    /// Quotient of a division by a positive machine integer, truncating towards zero, and the
    /// magnitude of the remainder (the remainder has the sign of the dividend).
    public func quotientAndRemainder(dividingBy divisor: UInt64) -> (quotient: BigInt, remainderMagnitude: UInt64) {
        precondition(divisor > 0, "division by zero")
        var quotient = [UInt64](repeating: 0, count: limbs.count)
        var remainder: UInt64 = 0
        for index in limbs.indices.reversed() {
            let (q, r) = divisor.dividingFullWidth((high: remainder, low: limbs[index]))
            quotient[index] = q
            remainder = r
        }
        return (BigInt(isNegative: isNegative, limbs: quotient), remainder)
    }

    /// Quotient and remainder of a division truncating towards zero.
    public func quotientAndRemainder(dividingBy divisor: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        precondition(!divisor.isZero, "division by zero")
        if BigInt.compareMagnitudes(limbs, divisor.limbs) < 0 { return (.zero, self) }
        if divisor.limbs.count == 1 {
            let (q, r) = quotientAndRemainder(dividingBy: divisor.limbs[0])
            return (BigInt(isNegative: isNegative != divisor.isNegative, limbs: q.limbs), BigInt(isNegative: isNegative, limbs: [r]))
        }
        // Binary long division in place: used only to reduce fractions for explanations.
        let bits = limbs.count * 64
        var quotient = [UInt64](repeating: 0, count: limbs.count)
        var remainder = [UInt64](repeating: 0, count: divisor.limbs.count + 1)
        let d = divisor.limbs
        for bit in stride(from: bits - 1, through: 0, by: -1) {
            var carry = (limbs[bit / 64] >> UInt64(bit % 64)) & 1
            for index in remainder.indices {
                let next = remainder[index] >> 63
                remainder[index] = (remainder[index] << 1) | carry
                carry = next
            }
            // remainder >= divisor ?
            var order = remainder[d.count] != 0 ? 1 : 0
            if order == 0 {
                var index = d.count - 1
                while index >= 0 {
                    if remainder[index] != d[index] { order = remainder[index] < d[index] ? -1 : 1; break }
                    index -= 1
                }
            }
            if order >= 0 {
                var borrow: UInt64 = 0
                for index in remainder.indices {
                    let (d1, o1) = remainder[index].subtractingReportingOverflow(index < d.count ? d[index] : 0)
                    let (d2, o2) = d1.subtractingReportingOverflow(borrow)
                    remainder[index] = d2
                    borrow = (o1 ? 1 : 0) + (o2 ? 1 : 0)
                }
                quotient[bit / 64] |= 1 << UInt64(bit % 64)
            }
        }
        return (BigInt(isNegative: isNegative != divisor.isNegative, limbs: quotient),
                BigInt(isNegative: isNegative, limbs: remainder))
    }

    /// The greatest common divisor of the magnitudes (binary GCD, in place).
    public static func gcd(_ a: BigInt, _ b: BigInt) -> BigInt {
        if a.isZero { return BigInt(isNegative: false, limbs: b.limbs) }
        if b.isZero { return BigInt(isNegative: false, limbs: a.limbs) }
        var u = a.limbs, v = b.limbs
        let shift = min(trailingZeroBits(u), trailingZeroBits(v))
        shiftRight(&u, by: trailingZeroBits(u))
        while !v.isEmpty {
            shiftRight(&v, by: trailingZeroBits(v))
            if compareMagnitudes(u, v) > 0 { swap(&u, &v) }
            subtractInPlace(&v, u)
        }
        var result = BigInt(isNegative: false, limbs: u)
        for _ in 0..<shift { result.multiply(by: 2) }
        return result
    }

    private static func trailingZeroBits(_ a: [UInt64]) -> Int {
        var count = 0
        for limb in a {
            if limb == 0 { count += 64 } else { return count + limb.trailingZeroBitCount }
        }
        return count
    }

    private static func shiftRight(_ a: inout [UInt64], by bits: Int) {
        if bits == 0 { return }
        let (words, rest) = (bits / 64, UInt64(bits % 64))
        if words > 0 { a.removeFirst(min(words, a.count)) }
        if rest > 0 {
            for index in a.indices {
                let high = index + 1 < a.count ? a[index + 1] << (64 - rest) : 0
                a[index] = (a[index] >> rest) | high
            }
        }
        while let last = a.last, last == 0 { a.removeLast() }
    }

    /// `a -= b` for `a >= b`.
    private static func subtractInPlace(_ a: inout [UInt64], _ b: [UInt64]) {
        var borrow: UInt64 = 0
        var index = 0
        while index < b.count || (borrow != 0 && index < a.count) {
            let (d1, o1) = a[index].subtractingReportingOverflow(index < b.count ? b[index] : 0)
            let (d2, o2) = d1.subtractingReportingOverflow(borrow)
            a[index] = d2
            borrow = (o1 ? 1 : 0) + (o2 ? 1 : 0)
            index += 1
        }
        while let last = a.last, last == 0 { a.removeLast() }
    }

    // MARK: magnitudes

    static func compareMagnitudes(_ a: [UInt64], _ b: [UInt64]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        var index = a.count - 1
        while index >= 0 {
            if a[index] != b[index] { return a[index] < b[index] ? -1 : 1 }
            index -= 1
        }
        return 0
    }

    static func addMagnitudes(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        let (long, short) = a.count >= b.count ? (a, b) : (b, a)
        var result = long
        var carry: UInt64 = 0
        var index = 0
        while index < short.count || (carry != 0 && index < long.count) {
            let (s1, o1) = result[index].addingReportingOverflow(index < short.count ? short[index] : 0)
            let (s2, o2) = s1.addingReportingOverflow(carry)
            result[index] = s2
            carry = (o1 ? 1 : 0) + (o2 ? 1 : 0)
            index += 1
        }
        if carry != 0 { result.append(carry) }
        return result
    }

    /// `a - b` for `a >= b`.
    static func subtractMagnitudes(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var result = a
        subtractInPlace(&result, b)
        return result
    }

    static func multiplyMagnitude(_ a: [UInt64], by factor: UInt64) -> [UInt64] {
        if factor == 0 || a.isEmpty { return [] }
        var result = [UInt64](repeating: 0, count: a.count + 1)
        var carry: UInt64 = 0
        for index in a.indices {
            let (high, low) = a[index].multipliedFullWidth(by: factor)
            let (sum, overflow) = low.addingReportingOverflow(carry)
            result[index] = sum
            carry = high &+ (overflow ? 1 : 0)
        }
        result[a.count] = carry
        if carry == 0 { result.removeLast() }
        return result
    }
}

extension BigInt: CustomStringConvertible, ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int64) { self.init(value) }

    /// The number in decimal.
    public var description: String {
        if isZero { return "0" }
        var chunks: [UInt64] = []
        var rest = BigInt(isNegative: false, limbs: limbs)
        let base: UInt64 = 1_000_000_000_000_000_000
        while !rest.isZero {
            let (q, r) = rest.quotientAndRemainder(dividingBy: base)
            chunks.append(r)
            rest = q
        }
        var text = isNegative ? "-" : ""
        text += String(chunks.removeLast())
        for chunk in chunks.reversed() {
            let digits = String(chunk)
            text += String(repeating: "0", count: 18 - digits.count) + digits
        }
        return text
    }
}
