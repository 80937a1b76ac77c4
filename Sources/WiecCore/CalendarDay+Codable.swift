extension CalendarDay {
    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> CalendarDay {
        var (year, month, day) = (self.year, self.month, self.day + count)
        while day > Self.days(inMonth: month, of: year) {
            day -= Self.days(inMonth: month, of: year)
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        while day < 1 {
            (year, month) = month == 1 ? (year - 1, 12) : (year, month - 1)
            day += Self.days(inMonth: month, of: year)
        }
        return CalendarDay(year: year, month: month, day: day)
    }
}

extension CalendarDay: Codable {
    /// Decodes `YYYY-MM-DD`.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for text that is not a day of the calendar, whose
    ///   underlying error is the `invalid_value` ``Refusal`` a request meets for it.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = CalendarDay(iso: text) else {
            let message = "not a day (YYYY-MM-DD): \(text)"
            let field = decoder.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: message,
                underlyingError: Refusal(.invalidValue, field.isEmpty ? message : "\(field): \(message)")))
        }
        self = day
    }

    /// Encodes `YYYY-MM-DD`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
