import Foundation
public import WiecCore

extension AccessStore {
    /// The letters of a sign-in code: digits and capitals that cannot be mistaken for each
    /// other when written down (no 0/O, 1/I/L).
    static let codeAlphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    /// Issues a new one-time sign-in code for a voter, replacing any earlier one: twelve
    /// characters in three groups (about 59 bits), stored only as a hash.
    ///
    /// - Returns: The code, to be shown once.
    public func issueSignInCode(edition: EditionID, voter: VoterID) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<12).map { _ in Self.codeAlphabet[Int.random(in: 0..<Self.codeAlphabet.count, using: &generator)] }
        let code = String(characters[0..<4]) + "-" + String(characters[4..<8]) + "-" + String(characters[8..<12])
        try setSignInCode(code, edition: edition, voter: voter)
        return code
    }

    /// Makes a code the voter's one sign-in code, replacing any earlier one: for a city whose own
    /// front (an SMS gateway, say) makes the codes, and for the demo's resident.
    public func setSignInCode(_ code: String, edition: EditionID, voter: VoterID) throws {
        try engine.replaceSignInCode(hash: codeHash(code), edition: edition, voter: voter)
    }

    /// Uses up a sign-in code: when it is the voter's current code in the edition, it is
    /// deleted and the answer is `true`; any other code changes nothing.
    public func redeemSignInCode(_ code: String, edition: EditionID, voter: VoterID) throws -> Bool {
        try engine.redeemSignInCode(hash: codeHash(code), edition: edition, voter: voter)
    }

    /// A code's keyed hash, the same whether it is typed with or without its dashes, in any case.
    private func codeHash(_ code: String) -> [UInt8] {
        mac("sign-in\n" + code.uppercased().filter { $0 != "-" && !$0.isWhitespace })
    }
}
