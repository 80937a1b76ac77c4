import Pabulib
import Testing

/// Damaged files never crash the readers: each one is read or refused with an error, the same
/// by ``PabulibFile`` and by ``PabulibElection``.
struct MutatedInputTests {
    @Test func randomDamageIsReadOrRefused() {
        let original = Array(MalformedFileTests.valid.utf8)
        let alphabet = Array(";,\"\n\r0123456789-.abVOTESPROJECTSMETA ".utf8)
        var state: UInt64 = 0x5EED
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var (read, refused) = (0, 0)
        for _ in 0..<3000 {
            var bytes = original
            for _ in 0..<(1 + next() % 4) {
                let position = next() % bytes.count
                switch next() % 3 {
                case 0: bytes[position] = alphabet[next() % alphabet.count]
                case 1: bytes.remove(at: position)
                default: bytes.insert(alphabet[next() % alphabet.count], at: position)
                }
            }
            // The reader a count uses must agree with the whole-file reader: same election or same error.
            let counted = Result { () throws(PabulibError) in try PabulibElection.parse(bytes, fileName: "damaged.pb") }
            do {
                let file = try PabulibFile.parse(bytes, fileName: "damaged.pb")
                let election = try file.election()
                #expect((try? counted.get())?.election == election)
                read += 1
            } catch {
                #expect(error.line >= 1 && error.line <= bytes.filter { $0 == UInt8(ascii: "\n") }.count + 1)
                if case .failure(let countedError) = counted {
                    #expect(countedError == error)
                } else {
                    Issue.record("PabulibElection read a file PabulibFile refuses: \(error)")
                }
                refused += 1
            }
        }
        #expect(read + refused == 3000)
        #expect(refused > 0)
    }
}
