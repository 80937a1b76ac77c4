import Testing
import WiecCore

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
}
