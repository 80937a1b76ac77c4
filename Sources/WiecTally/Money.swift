/// An exact amount of money in integer minor units (grosze for PLN, cents for EUR or USD).
///
/// Costs and budgets never pass through floating point: they are read from text exactly,
/// added and compared as integers, and printed with two decimal places.
public struct Money: Hashable, Comparable, Sendable, Codable {
    /// The number of minor units in one major unit (100 grosze in a złoty).
    public static let minorUnitsPerUnit: Int64 = 100

    /// The amount in minor units.
    public var minorUnits: Int64

    /// Creates an amount from minor units (grosze).
    public init(minorUnits: Int64) {
        self.minorUnits = minorUnits
    }

    /// Creates an amount from whole major units (złoty).
    public init(units: Int64) {
        self.minorUnits = units * Self.minorUnitsPerUnit
    }

    public static let zero = Money(minorUnits: 0)

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.minorUnits < rhs.minorUnits }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(minorUnits: lhs.minorUnits + rhs.minorUnits) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(minorUnits: lhs.minorUnits - rhs.minorUnits) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.minorUnits += rhs.minorUnits }
    public static func -= (lhs: inout Money, rhs: Money) { lhs.minorUnits -= rhs.minorUnits }

    /// Whether the amount is a whole number of major units.
    public var isWholeUnits: Bool { minorUnits % Self.minorUnitsPerUnit == 0 }
}

extension Money: CustomStringConvertible {
    /// The plain decimal form used in files: `1500` for whole units, `1234.50` otherwise.
    public var description: String {
        let sign = minorUnits < 0 ? "-" : ""
        let magnitude = minorUnits.magnitude
        let units = magnitude / UInt64(Self.minorUnitsPerUnit)
        let cents = magnitude % UInt64(Self.minorUnitsPerUnit)
        if cents == 0 { return "\(sign)\(units)" }
        return "\(sign)\(units)." + (cents < 10 ? "0\(cents)" : "\(cents)")
    }
}

extension Money {
    /// Parses a decimal amount exactly: `1500`, `1234.5`, `1234,50`, `-3`.
    ///
    /// - Returns: `nil` when the text is not a number or has more than two decimal places.
    @inlinable
    public init?(decimal text: String) {
        self.init(decimalUTF8: text.utf8)
    }

    /// Parses the UTF-8 bytes of a decimal amount exactly, as ``init(decimal:)`` parses text.
    @inlinable
    public init?<Bytes: Sequence<UInt8>>(decimalUTF8 bytes: Bytes) {
        var digitsSeen = false
        var negative = false
        var units: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var inFraction = false
        var first = true
        for byte in bytes {
            defer { first = false }
            switch byte {
            case UInt8(ascii: "-") where first:
                negative = true
            case UInt8(ascii: "+") where first:
                continue
            case UInt8(ascii: "."), UInt8(ascii: ","):
                if inFraction || !digitsSeen { return nil }
                inFraction = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int64(byte - UInt8(ascii: "0"))
                digitsSeen = true
                if inFraction {
                    fractionDigits += 1
                    if fractionDigits > 2 {
                        // Extra zeros after the grosze are exact; anything else is not money.
                        if digit != 0 { return nil }
                        continue
                    }
                    fraction = fraction * 10 + digit
                } else {
                    let (m, o1) = units.multipliedReportingOverflow(by: 10)
                    let (a, o2) = m.addingReportingOverflow(digit)
                    if o1 || o2 { return nil }
                    units = a
                }
            default:
                return nil
            }
        }
        if !digitsSeen { return nil }
        if fractionDigits == 1 { fraction *= 10 }
        let (scaled, o1) = units.multipliedReportingOverflow(by: Self.minorUnitsPerUnit)
        let (total, o2) = scaled.addingReportingOverflow(fraction)
        if o1 || o2 { return nil }
        self.minorUnits = negative ? -total : total
    }
}
