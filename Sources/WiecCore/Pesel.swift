/// A Polish personal number (PESEL), checked for its check digit and the birth date it encodes.
///
/// Wiec never writes a PESEL to the log; the ledger keeps only a keyed HMAC of it for
/// de-duplication, in a table that can be erased.
public struct Pesel: Sendable, Hashable {
    /// The eleven digits.
    public let digits: String

    /// Validates a PESEL.
    ///
    /// - Throws: ``PeselError`` naming what is wrong: length, a non-digit, the check digit or the date.
    public init(_ text: String) throws(PeselError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 11 else { throw PeselError("a PESEL has 11 digits, not \(bytes.count)") }
        var d: [Int] = []
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { throw PeselError("a PESEL has only digits") }
            d.append(Int(byte - UInt8(ascii: "0")))
        }
        let weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
        let sum = zip(d, weights).reduce(0) { $0 + $1.0 * $1.1 }
        guard (10 - sum % 10) % 10 == d[10] else { throw PeselError("the check digit does not match") }
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
        default: throw PeselError("month \(encodedMonth) encodes no century")
        }
        let month = encodedMonth % 20
        let fullYear = century + year
        let leap = fullYear % 4 == 0 && (fullYear % 100 != 0 || fullYear % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard day >= 1, day <= days else { throw PeselError("day \(day) does not exist in \(fullYear)-\(month)") }
        self.digits = text
    }
}
