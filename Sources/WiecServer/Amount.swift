public import WiecTally
import WiecCore

/// An amount of money in the API: written as a decimal string (`"1234.50"`), also read from a
/// JSON integer of whole units; never a floating-point number.
///
/// Reading is strict and bounded, so that no amount from outside can overflow anything: at most
/// eleven digits of złoty with no leading zero, then at most two of grosze after `.` or `,`
/// (`-` in front for a negative amount, which the core then refuses where it must be positive),
/// or an integer of whole złoty of at most eleven digits; never beyond ``Bounds/maxAmount``.
public struct Amount: Sendable, Hashable, Codable {
    /// The exact amount.
    public var money: Money

    /// Wraps an amount.
    public init(_ money: Money) {
        self.money = money
    }

    /// The largest number of whole złoty an amount may hold.
    static let maxUnits = Bounds.maxAmount.minorUnits / Money.minorUnitsPerUnit

    /// Reads `"1234.50"`, `"1234,50"` or `1234`.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for anything else, or an amount out of bounds.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let units = try? container.decode(Int64.self) {
            guard units.magnitude <= UInt64(Self.maxUnits) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "\(units) is beyond the largest amount, \(Self.maxUnits) zł")
            }
            money = Money(units: units)
            return
        }
        let text = try container.decode(String.self)
        guard let money = Self.parse(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "'\(text)' is not an amount: up to 11 digits of złoty and 2 of grosze, e.g. \"1234.50\"")
        }
        self.money = money
    }

    /// Writes the decimal string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(money.description)
    }

    /// An amount in the strict written form, or `nil`.
    static func parse(_ text: String) -> Money? {
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let units = bytes.prefix(while: isDigit)
        let rest = bytes.dropFirst(units.count)
        guard (1...11).contains(units.count), units.count == 1 || units.first != UInt8(ascii: "0") else { return nil }
        if let separator = rest.first {
            let grosze = rest.dropFirst()
            guard separator == UInt8(ascii: ".") || separator == UInt8(ascii: ","), (1...2).contains(grosze.count),
                grosze.allSatisfy(isDigit)
            else { return nil }
        }
        return Money(decimal: text)
    }
}
