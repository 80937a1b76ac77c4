import Foundation
import GRDB
public import WiecCore

extension AccessStore {
    /// The table of sign-in codes (hashes only), added to the access file.
    static func registerSignInCodes(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-sign-in-codes") { db in
            try db.execute(sql: """
                CREATE TABLE sign_in_codes (
                    code_hash BLOB PRIMARY KEY,
                    edition TEXT NOT NULL,
                    voter_id TEXT NOT NULL
                );
                CREATE INDEX sign_in_codes_voter ON sign_in_codes (edition, voter_id);
                """)
        }
    }

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
        try database.write { db in
            try db.execute(sql: "DELETE FROM sign_in_codes WHERE edition = ? AND voter_id = ?", arguments: [edition, voter])
            try db.execute(
                sql: "INSERT INTO sign_in_codes (code_hash, edition, voter_id) VALUES (?, ?, ?)",
                arguments: [codeHash(code), edition, voter])
        }
    }

    /// Uses up a sign-in code: when it is the voter's current code in the edition, it is
    /// deleted and the answer is `true`; any other code changes nothing.
    public func redeemSignInCode(_ code: String, edition: EditionID, voter: VoterID) throws -> Bool {
        try database.write { db in
            try db.execute(
                sql: "DELETE FROM sign_in_codes WHERE code_hash = ? AND edition = ? AND voter_id = ?",
                arguments: [codeHash(code), edition, voter])
            return db.changesCount > 0
        }
    }

    /// A code's keyed hash, the same whether it is typed with or without its dashes, in any case.
    private func codeHash(_ code: String) -> Data {
        Data(mac("sign-in\n" + code.uppercased().filter { $0 != "-" && !$0.isWhitespace }))
    }
}
