import Testing
import WiecCore
import WiecTally

@testable import WiecPages

@Suite struct FormattingTests {
    @Test func amountsThePolishWay() {
        #expect(PolishFormat.money(Money(minorUnits: 123_456_789), .pl) == "1\u{00A0}234\u{00A0}567,89\u{00A0}zł")
        #expect(PolishFormat.money(Money(units: 211_800), .pl) == "211\u{00A0}800\u{00A0}zł")
        #expect(PolishFormat.money(Money(minorUnits: 5), .pl) == "0,05\u{00A0}zł")
        #expect(PolishFormat.money(Money(minorUnits: 123_456_789), .en) == "PLN\u{00A0}1,234,567.89")
    }

    @Test func datesThePolishWay() {
        #expect(PolishFormat.day(CalendarDay(year: 2026, month: 6, day: 15), .pl) == "15 czerwca 2026")
        #expect(PolishFormat.day(CalendarDay(year: 2026, month: 6, day: 15), .en) == "15 June 2026")
        #expect(PolishFormat.day(text: "2027-03-01", .pl) == "1 marca 2027")
        #expect(PolishFormat.day(text: "not a day", .pl) == "not a day")
    }

    @Test(arguments: [
        ("120 000", 12_000_000), ("120 000,50 zł", 12_000_050), ("120000.5", 12_000_050), ("12.000,50", 1_200_050), ("7 zł", 700),
    ] as [(String, Int64)])
    func amountsAsResidentsTypeThem(text: String, grosze: Int64) {
        #expect(PolishFormat.parseMoney(text) == Money(minorUnits: grosze))
    }

    @Test(arguments: ["", "dużo", "-5", "1,234", "12 000,505"])
    func notAmounts(text: String) {
        #expect(PolishFormat.parseMoney(text) == nil)
    }

    @Test func polishPluralForms() {
        #expect([1, 2, 4, 5, 12, 14, 21, 22, 25, 102, 112].map { Catalogue.pluralForm($0, .pl) }
            == ["one", "few", "few", "many", "many", "many", "many", "few", "many", "few", "many"])
        #expect(Catalogue.pluralForm(2, .en) == "many")
    }
}
