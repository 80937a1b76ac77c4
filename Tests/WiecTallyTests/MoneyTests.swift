import Testing
import WiecTally

struct MoneyTests {
    @Test(arguments: [
        ("0", 0), ("1500", 150_000), ("1234.5", 123_450), ("1234,50", 123_450), ("0.05", 5),
        ("-3", -300), ("+7", 700), ("12.340", 1234), ("9223372036854775", 922_337_203_685_477_500),
    ] as [(String, Int64)])
    func parsesExactly(text: String, minorUnits: Int64) {
        #expect(Money(decimal: text) == Money(minorUnits: minorUnits))
    }

    @Test(arguments: ["", "abc", "1.2.3", "1.234", ".5", "1e5", "12 000", "92233720368547759", "--1"])
    func refusesWhatIsNotMoney(text: String) {
        #expect(Money(decimal: text) == nil)
    }

    @Test func printsPlainDecimals() {
        #expect(Money(minorUnits: 150_000).description == "1500")
        #expect(Money(minorUnits: 123_405).description == "1234.05")
        #expect(Money(minorUnits: -5).description == "-0.05")
    }
}
