/// Arithmetic on non-negative integers stored as little-endian 64-bit limbs in caller-owned
/// memory, for the hot loops of the Method of Equal Shares: no allocation, no reference
/// counting. Every function works on a given number of limbs; the caller sizes the buffers so
/// that nothing overflows (and checks the carry where a function returns one).
enum Limbs {
    typealias Pointer = UnsafeMutablePointer<UInt64>

    /// `result[0 ... count] = a[0 ..< count] × factor` (`count + 1` limbs written).
    @inline(__always)
    static func multiply(_ a: UnsafePointer<UInt64>, by factor: UInt64, count: Int, into result: Pointer) {
        result[count] = multiplyLow(a, by: factor, count: count, into: result)
    }

    /// `a[0 ..< count] ×= factor`; returns the limb carried out (zero when it fits).
    @inline(__always)
    @discardableResult
    static func multiplyInPlace(_ a: Pointer, by factor: UInt64, count: Int) -> UInt64 {
        multiplyLow(a, by: factor, count: count, into: a)
    }

    /// `result[0 ..< count] = a[0 ..< count] × factor` without its top limb, which is returned;
    /// `result` may be `a` (each limb is read before it is written).
    @inline(__always)
    private static func multiplyLow(_ a: UnsafePointer<UInt64>, by factor: UInt64, count: Int, into result: Pointer) -> UInt64 {
        var carry: UInt64 = 0
        for index in 0..<count {
            let (high, low) = a[index].multipliedFullWidth(by: factor)
            let (sum, overflow) = low.addingReportingOverflow(carry)
            result[index] = sum
            carry = high &+ (overflow ? 1 : 0)
        }
        return carry
    }

    /// `accumulator[0 ..< count + 1] += a[0 ..< count] × factor`; returns the carry out of the
    /// top limb.
    @inline(__always)
    @discardableResult
    static func addMultiple(_ a: UnsafePointer<UInt64>, times factor: UInt64, count: Int, to accumulator: Pointer) -> UInt64 {
        var carry: UInt64 = 0
        for index in 0..<count {
            let (high, low) = a[index].multipliedFullWidth(by: factor)
            let (s1, o1) = accumulator[index].addingReportingOverflow(low)
            let (s2, o2) = s1.addingReportingOverflow(carry)
            accumulator[index] = s2
            carry = high &+ (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
        }
        let (top, overflow) = accumulator[count].addingReportingOverflow(carry)
        accumulator[count] = top
        return overflow ? 1 : 0
    }

    /// `a[0 ..< count] -= b[0 ..< count]`; returns the borrow (1 when `b > a`).
    @inline(__always)
    @discardableResult
    static func subtract(_ b: UnsafePointer<UInt64>, from a: Pointer, count: Int) -> UInt64 {
        var borrow: UInt64 = 0
        for index in 0..<count {
            let (d1, o1) = a[index].subtractingReportingOverflow(b[index])
            let (d2, o2) = d1.subtractingReportingOverflow(borrow)
            a[index] = d2
            borrow = (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
        }
        return borrow
    }

    /// The sign of `a − b`, both `count` limbs.
    @inline(__always)
    static func compare(_ a: UnsafePointer<UInt64>, _ b: UnsafePointer<UInt64>, count: Int) -> Int {
        var index = count - 1
        while index >= 0 {
            if a[index] != b[index] { return a[index] < b[index] ? -1 : 1 }
            index -= 1
        }
        return 0
    }

    /// Whether all `count` limbs are zero.
    @inline(__always)
    static func isZero(_ a: UnsafePointer<UInt64>, count: Int) -> Bool {
        for index in 0..<count where a[index] != 0 { return false }
        return true
    }

    /// `a mod divisor`.
    static func remainder(_ a: UnsafePointer<UInt64>, dividingBy divisor: UInt64, count: Int) -> UInt64 {
        var remainder: UInt64 = 0
        var index = count - 1
        while index >= 0 {
            remainder = divisor.dividingFullWidth((high: remainder, low: a[index])).remainder
            index -= 1
        }
        return remainder
    }

    /// `a[0 ..< count] /= divisor`, truncating; returns the remainder.
    @discardableResult
    static func divideInPlace(_ a: Pointer, by divisor: UInt64, count: Int) -> UInt64 {
        var remainder: UInt64 = 0
        var index = count - 1
        while index >= 0 {
            let (quotient, rest) = divisor.dividingFullWidth((high: remainder, low: a[index]))
            a[index] = quotient
            remainder = rest
            index -= 1
        }
        return remainder
    }

    /// `a[0 ..< count] += 1`; returns the carry out.
    @discardableResult
    static func increment(_ a: Pointer, count: Int) -> UInt64 {
        for index in 0..<count {
            a[index] &+= 1
            if a[index] != 0 { return 0 }
        }
        return 1
    }

    /// Copies `count` limbs, one by one: counts are a few limbs, where a call to `memmove`
    /// costs more than the copy.
    @inline(__always)
    static func copy(_ source: UnsafePointer<UInt64>, to target: Pointer, count: Int) {
        for index in 0..<count { target[index] = source[index] }
    }

    /// The number as a ``BigInt``.
    static func bigInt(_ a: UnsafePointer<UInt64>, count: Int) -> BigInt {
        BigInt(isNegative: false, limbs: Array(UnsafeBufferPointer(start: a, count: count)))
    }

    /// Writes `value` into `count` limbs (it must fit).
    static func store(_ value: BigInt, into target: Pointer, count: Int) {
        precondition(!value.isNegative && value.limbs.count <= count, "value does not fit")
        for index in 0..<count { target[index] = index < value.limbs.count ? value.limbs[index] : 0 }
    }

    /// The number of bits of `value` (0 for 0).
    @inline(__always)
    static func bitWidth(_ value: UInt64) -> Int { 64 - value.leadingZeroBitCount }

    /// The greatest common divisor.
    static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
