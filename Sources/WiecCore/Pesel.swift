/// A Polish personal number (PESEL), checked for its check digit and the birth date it encodes.
///
/// Wiec never writes a PESEL to the log; the ledger keeps only a keyed HMAC of it for
/// de-duplication, in a table that can be erased.
public struct Pesel: Sendable, Hashable {
    /// The eleven digits.
    public let digits: String
    /// The birth date the number encodes: digits 1–2 the year in its century, 3–4 the month plus
    /// 80 (1800s), 0 (1900s), 20 (2000s), 40 (2100s) or 60 (2200s), 5–6 the day.
    public let birthDate: CalendarDay

    /// Validates a PESEL.
    ///
    /// - Throws: ``PeselError`` naming what is wrong: length, a non-digit, the check digit or the date.
    public init(_ text: String) throws(PeselError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 11 else { throw PeselError(.length, "a PESEL has 11 digits, not \(bytes.count)") }
        var d: [Int] = []
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { throw PeselError(.notDigits, "a PESEL has only digits") }
            d.append(Int(byte - UInt8(ascii: "0")))
        }
        let weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
        let sum = zip(d, weights).reduce(0) { $0 + $1.0 * $1.1 }
        guard (10 - sum % 10) % 10 == d[10] else { throw PeselError(.checkDigit, "the check digit does not match") }
        let year = d[0] * 10 + d[1]
        let encodedMonth = d[2] * 10 + d[3]
        let day = d[4] * 10 + d[5]
        let century: Int
        switch encodedMonth {
        case 81...92: century = 1800
        case 1...12: century = 1900
        case 21...32: century = 2000
        case 41...52: century = 2100
        case 61...72: century = 2200
        default: throw PeselError(.date, "month \(encodedMonth) encodes no century")
        }
        let month = encodedMonth % 20
        let fullYear = century + year
        guard day >= 1, day <= CalendarDay.days(inMonth: month, of: fullYear) else {
            throw PeselError(.date, "day \(day) does not exist in \(fullYear)-\(month)")
        }
        self.digits = text
        self.birthDate = CalendarDay(year: fullYear, month: month, day: day)
    }

    /// The person's age in whole years on a day: the years since birth, less one until the
    /// birthday of that year is reached.
    ///
    /// Someone born on 29 February reaches their birthday on 1 March in a year that has no
    /// 29 February (on 28 February they are still a year younger). A day before the birth
    /// date gives a negative age.
    public func age(on day: CalendarDay) -> Int {
        let years = day.year - birthDate.year
        return (day.month, day.day) < (birthDate.month, birthDate.day) ? years - 1 : years
    }
}
