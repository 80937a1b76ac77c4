import Foundation
import WiecCore
import WiecTally

/// Amounts, numbers and dates as residents read them: "1 234 567,89 zł" and "15 czerwca 2026"
/// in Polish, "PLN 1,234,567.89" and "15 June 2026" in English. View models call these; no
/// template formats anything.
enum PolishFormat {
    /// The no-break space that groups thousands, so an amount never breaks across lines.
    static let groupSeparator = "\u{00A0}"

    /// An amount of money: grouped units, two decimals unless whole, and the currency.
    static func money(_ money: Money, _ language: Language) -> String {
        let negative = money.minorUnits < 0
        let magnitude = money.minorUnits.magnitude
        let units = magnitude / UInt64(Money.minorUnitsPerUnit)
        let cents = magnitude % UInt64(Money.minorUnitsPerUnit)
        let sign = negative ? "−" : ""
        switch language {
        case .pl:
            let fraction = cents == 0 ? "" : "," + (cents < 10 ? "0" : "") + String(cents)
            return sign + grouped(units, separator: groupSeparator) + fraction + groupSeparator + "zł"
        case .en:
            let fraction = cents == 0 ? "" : "." + (cents < 10 ? "0" : "") + String(cents)
            return sign + "PLN" + groupSeparator + grouped(units, separator: ",") + fraction
        }
    }

    /// A whole number grouped by thousands.
    static func number(_ value: Int64, _ language: Language) -> String {
        let sign = value < 0 ? "−" : ""
        return sign + grouped(value.magnitude, separator: language == .pl ? groupSeparator : ",")
    }

    /// A whole number grouped by thousands.
    static func number(_ value: Int, _ language: Language) -> String { number(Int64(value), language) }

    /// A share as a percentage with one decimal ("42,5%").
    static func percent(_ part: Int64, of whole: Int64, _ language: Language) -> String {
        guard whole > 0 else { return "0%" }
        let tenths = (part.multipliedReportingOverflow(by: 1000).overflow ? Int64.max : part * 1000) / whole
        let text = "\(tenths / 10)" + (language == .pl ? "," : ".") + "\(tenths % 10)"
        return text + "%"
    }

    private static let monthsPL = [
        "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października",
        "listopada", "grudnia",
    ]
    private static let monthsEN = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    /// A calendar day: "15 czerwca 2026" / "15 June 2026".
    static func day(_ day: CalendarDay, _ language: Language) -> String {
        guard (1...12).contains(day.month) else { return day.description }
        let month = (language == .pl ? monthsPL : monthsEN)[day.month - 1]
        return "\(day.day) \(month) \(day.year)"
    }

    /// A `YYYY-MM-DD` text as a day, or the text itself when it is not one.
    static func day(text: String, _ language: Language) -> String {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return text }
        return day(CalendarDay(year: parts[0], month: parts[1], day: parts[2]), language)
    }

    /// A moment, as the day it falls on in Warsaw and the time there: "15 czerwca 2026, 14:05".
    static func moment(_ date: Date, _ language: Language) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDay.warsaw
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        let minute = parts.minute ?? 0
        return day(CalendarDay(date, in: CalendarDay.warsaw), language) + ", \(parts.hour ?? 0):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    /// Parses an amount as residents type it: "12 000", "12 000,50 zł", "12000.5", "12.000,50".
    ///
    /// - Returns: `nil` for anything that is not a non-negative amount with at most two decimals.
    static func parseMoney(_ text: String) -> Money? {
        var cleaned = text.trimmingCharacters(in: .whitespaces).lowercased()
        for suffix in ["zł", "zl", "pln"] where cleaned.hasSuffix(suffix) { cleaned = String(cleaned.dropLast(suffix.count)) }
        cleaned = cleaned.filter { !$0.isWhitespace && $0 != "\u{00A0}" && $0 != "\u{202F}" }
        // "12.000,50": dots group thousands when a comma marks the decimals.
        if cleaned.contains(",") { cleaned = cleaned.replacingOccurrences(of: ".", with: "") }
        guard !cleaned.isEmpty, !cleaned.hasPrefix("-"), !cleaned.hasPrefix("+"), let money = Money(decimal: cleaned) else { return nil }
        return money
    }

    private static func grouped(_ value: UInt64, separator: String) -> String {
        let digits = String(value)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += separator }
            out.append(digit)
        }
        return out
    }
}
