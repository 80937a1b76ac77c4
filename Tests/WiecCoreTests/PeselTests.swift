import Foundation
import Testing
import WiecCore

/// A valid PESEL for a birth date, with its century encoded in the month and its check digit.
func makePesel(_ year: Int, _ month: Int, _ day: Int, serial: Int = 1234) -> String {
    let offset = [1800: 80, 1900: 0, 2000: 20, 2100: 40, 2200: 60][year / 100 * 100]!
    let text = [year % 100, month + offset, day].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined() + String(serial)
    let sum = zip(text.map { Int(String($0))! }, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]).reduce(0) { $0 + $1.0 * $1.1 }
    return text + String((10 - sum % 10) % 10)
}

@Suite("PESEL: check digit and encoded birth date")
struct PeselTests {
    @Test("valid numbers of the 1900s and 2000s", arguments: ["44051401359", "02270803624"])
    func valid(_ text: String) throws {
        #expect(try Pesel(text).digits == text)
    }

    @Test("each kind of invalid number names its fault", arguments: [
        ("4405140135", "11 digits"),
        ("4405140135x", "only digits"),
        ("44051401358", "check digit"),
        ("44023012343", "day 30"),
        ("44930112341", "month 93"),
    ])
    func invalid(_ text: String, _ fault: String) {
        #expect {
            try Pesel(text)
        } throws: { error in
            (error as? PeselError)?.message.contains(fault) == true
        }
    }

    @Test("the birth date of each century encoding", arguments: [
        ("44051401359", CalendarDay(year: 1944, month: 5, day: 14)),
        ("02270803624", CalendarDay(year: 2002, month: 7, day: 8)),
        (makePesel(1899, 12, 31), CalendarDay(year: 1899, month: 12, day: 31)),
        (makePesel(1800, 1, 1), CalendarDay(year: 1800, month: 1, day: 1)),
        (makePesel(2000, 2, 29), CalendarDay(year: 2000, month: 2, day: 29)),
        (makePesel(2099, 12, 31), CalendarDay(year: 2099, month: 12, day: 31)),
        (makePesel(2101, 3, 4), CalendarDay(year: 2101, month: 3, day: 4)),
        (makePesel(2250, 6, 30), CalendarDay(year: 2250, month: 6, day: 30)),
    ])
    func birthDate(_ text: String, _ expected: CalendarDay) throws {
        #expect(try Pesel(text).birthDate == expected)
    }

    @Test("29 February exists only in leap years of the encoded century")
    func leapDays() throws {
        _ = try Pesel(makePesel(2004, 2, 29))
        _ = try Pesel(makePesel(2000, 2, 29))
        // 1900 is no leap year, 2000 is: the same two digits 00, another century.
        #expect(throws: PeselError.self) { try Pesel(makePesel(1900, 2, 29)) }
        #expect(throws: PeselError.self) { try Pesel(makePesel(1899, 2, 29)) }
    }

    @Test("age in whole years: the day before, on and after the birthday")
    func age() throws {
        let pesel = try Pesel(makePesel(2011, 6, 15))
        #expect(pesel.age(on: CalendarDay(year: 2027, month: 6, day: 14)) == 15)
        #expect(pesel.age(on: CalendarDay(year: 2027, month: 6, day: 15)) == 16)
        #expect(pesel.age(on: CalendarDay(year: 2027, month: 6, day: 16)) == 16)
        #expect(pesel.age(on: CalendarDay(year: 2027, month: 12, day: 31)) == 16)
        #expect(pesel.age(on: CalendarDay(year: 2028, month: 1, day: 1)) == 16)
        #expect(pesel.age(on: CalendarDay(year: 2011, month: 6, day: 15)) == 0)
        #expect(pesel.age(on: CalendarDay(year: 2011, month: 6, day: 14)) == -1)
        let old = try Pesel(makePesel(1899, 12, 31))
        #expect(old.age(on: CalendarDay(year: 2027, month: 1, day: 1)) == 127)
    }

    @Test("born on 29 February: the birthday is 1 March in years without 29 February")
    func leapBirthday() throws {
        let pesel = try Pesel(makePesel(2008, 2, 29))
        #expect(pesel.age(on: CalendarDay(year: 2024, month: 2, day: 28)) == 15)
        #expect(pesel.age(on: CalendarDay(year: 2024, month: 2, day: 29)) == 16)
        #expect(pesel.age(on: CalendarDay(year: 2025, month: 2, day: 28)) == 16)
        #expect(pesel.age(on: CalendarDay(year: 2026, month: 2, day: 28)) == 17)
        #expect(pesel.age(on: CalendarDay(year: 2027, month: 2, day: 28)) == 18)
        #expect(pesel.age(on: CalendarDay(year: 2027, month: 3, day: 1)) == 19)
    }

    @Test("the calendar day of a moment depends on the time zone")
    func calendarDay() {
        // 2027-06-14 22:30 UTC is already 15 June in Warsaw (CEST, UTC+2).
        let summer = ISO8601DateFormatter().date(from: "2027-06-14T22:30:00Z")!
        #expect(CalendarDay(summer, in: CalendarDay.warsaw) == CalendarDay(year: 2027, month: 6, day: 15))
        #expect(CalendarDay(summer, in: TimeZone(identifier: "UTC")!) == CalendarDay(year: 2027, month: 6, day: 14))
        // 2027-01-05 23:00 UTC is 6 January in Warsaw (CET, UTC+1); 22:59 is still the 5th.
        #expect(CalendarDay(ISO8601DateFormatter().date(from: "2027-01-05T23:00:00Z")!, in: CalendarDay.warsaw) == CalendarDay(year: 2027, month: 1, day: 6))
        #expect(CalendarDay(ISO8601DateFormatter().date(from: "2027-01-05T22:59:59Z")!, in: CalendarDay.warsaw) == CalendarDay(year: 2027, month: 1, day: 5))
        #expect(CalendarDay(year: 2027, month: 3, day: 1).description == "2027-03-01")
        #expect(CalendarDay(year: 2027, month: 2, day: 28) < CalendarDay(year: 2027, month: 3, day: 1))
    }
}
