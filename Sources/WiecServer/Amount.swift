public import WiecTally

/// An amount of money in the API: written as a decimal string (`"1234.50"`), also read from a
/// JSON integer of whole units; never a floating-point number.
public struct Amount: Sendable, Hashable, Codable {
    /// The exact amount.
    public var money: Money

    /// Wraps an amount.
    public init(_ money: Money) {
        self.money = money
    }

    /// Reads `"1234.50"`, `"1234,50"` or `1234`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let units = try? container.decode(Int64.self) {
            money = Money(units: units)
            return
        }
        let text = try container.decode(String.self)
        guard let money = Money(decimal: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not an amount with at most two decimals")
        }
        self.money = money
    }

    /// Writes the decimal string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(money.description)
    }
}
