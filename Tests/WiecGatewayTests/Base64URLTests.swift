import Foundation
import Testing

@testable import WiecGateway

/// Tokens are written in unpadded base64url: the same text Foundation's base64 gives with the
/// URL alphabet, so that tokens issued before still read, and nothing else reads.
@Suite struct Base64URLTests {
    static func foundation(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    @Test func everyLengthEncodesAsFoundationDoesAndDecodesBack() {
        var generator = SystemRandomNumberGenerator()
        for length in 0...70 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = Base64URL.encode(bytes)
            #expect(text == Self.foundation(bytes))
            #expect(Base64URL.decode(text.utf8) == bytes)
        }
        #expect(Base64URL.encode([0xFB, 0xFF]) == "-_8")
    }

    @Test func textOutsideTheAlphabetOrOfAnImpossibleLengthIsRefused() {
        #expect(Base64URL.decode("ab+c".utf8) == nil)
        #expect(Base64URL.decode("ab/c".utf8) == nil)
        #expect(Base64URL.decode("abc=".utf8) == nil)
        #expect(Base64URL.decode("abcde".utf8) == nil)
        #expect(Base64URL.decode("".utf8) == [])
    }
}
