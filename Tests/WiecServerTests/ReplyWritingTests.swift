import Foundation
import Testing
import WiecCore
@testable import WiecServer

/// A ballot's and a registration's replies, written without the generic encoder, are what
/// `Reply.json` would send.
@Suite struct ReplyWritingTests {
    static func encoded(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    static let receipt = Receipt(
        edition: "bo-2027", firstSequence: 41, lastSequence: 9_223_372_036_854_775_807,
        lastHash: String(repeating: "ab", count: 32), lastLeafHash: String(repeating: "0f", count: 32))

    @Test("the bytes equal the encoder's, with and without a leaf hash")
    func sameBytes() throws {
        let withLeaf = VotingController.Cast(ballot: "b~1a2b3c", pool: "city", receipt: ReceiptView(Self.receipt, leafHash: Self.receipt.lastLeafHash))
        #expect(withLeaf.json() == (try Self.encoded(withLeaf)))
        let noLeaf = VotingController.Cast(ballot: "b~1a2b3c", pool: "osiedle-1", receipt: ReceiptView(Self.receipt))
        #expect(noLeaf.json() == (try Self.encoded(noLeaf)))
        #expect(!String(decoding: noLeaf.json(), as: UTF8.self).contains("leaf_hash"))
    }

    @Test("quotes, backslashes, control characters and Polish letters read back as they were")
    func escapes() throws {
        let cast = VotingController.Cast(ballot: "b\"\\\n\u{1}", pool: "Źródło/łąka", receipt: ReceiptView(Self.receipt))
        let back = try JSONDecoder().decode(VotingController.Cast.self, from: Data(cast.json()))
        #expect(back.ballot == cast.ballot && back.pool == cast.pool && back.receipt.sequence == cast.receipt.sequence)
        #expect(back.receipt.proof == "/api/v1/audit/proof/9223372036854775807")
    }

    @Test("a registration's reply: the same bytes as the encoder's, and odd text reads back")
    func registration() throws {
        let token = "wiec_r_Ym8tMjAyNw.cl9hYmM.c2lnbmF0dXJl"
        let registered = VotingController.Registered(edition: "bo-2027", residentID: "r-7f3a", token: token, receipt: ReceiptView(Self.receipt))
        #expect(registered.json() == (try Self.encoded(registered)))
        let odd = VotingController.Registered(edition: "bo\"/ż", residentID: "r\\\t", token: token, receipt: ReceiptView(Self.receipt))
        let back = try JSONDecoder().decode(VotingController.Registered.self, from: Data(odd.json()))
        #expect(back.edition == odd.edition && back.residentID == odd.residentID && back.token == token)
    }
}
