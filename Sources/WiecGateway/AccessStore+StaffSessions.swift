public import Foundation
import WiecLedger

extension AccessStore {
    /// The letters of a staff sign-in code: capitals and digits that cannot be mistaken for each
    /// other when read aloud or written down (no 0/O, 1/I/L).
    static let staffCodeAlphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    /// Issues a one-time sign-in code for an active staff account, replacing any earlier one:
    /// sixteen characters in four groups (about 79 bits), stored only as a hash.
    ///
    /// - Returns: The code, to be shown once; `nil` when no active account has this id.
    public func issueStaffSignInCode(staff id: String) throws -> String? {
        var generator = SystemRandomNumberGenerator()
        let letters = (0..<16).map { _ in Self.staffCodeAlphabet.randomElement(using: &generator)! }
        let code = stride(from: 0, to: 16, by: 4).map { String(letters[$0..<$0 + 4]) }.joined(separator: "-")
        return try engine.replaceStaffSignInCode(hash: Self.staffCodeHash(code), staff: id) ? code : nil
    }

    /// Signs a staff member in to the pages with their bearer token or their one-time code (used
    /// up here), starting a page session.
    ///
    /// - Returns: The session's token (for the cookie, stored only as a hash) and the account;
    ///   `nil` when the credential belongs to no active account.
    public func startStaffSession(credential: String, at time: Date) throws -> (token: String, account: StaffAccount)? {
        let credential = credential.trimmingCharacters(in: .whitespaces)
        guard !credential.isEmpty, credential.count <= 200 else { return nil }
        let token = "wiec_p_" + Self.randomText()
        let proof: StaffCredential = credential.hasPrefix("wiec_s_") ? .token(hash: Self.hash(credential)) : .code(hash: Self.staffCodeHash(credential))
        guard let stored = try engine.startStaffSession(proof, sessionHash: Self.hash(token), at: time), let account = Self.account(stored)
        else { return nil }
        return (token, account)
    }

    /// The account a page session belongs to, if the session is still open: its account is not
    /// revoked and it was used within the idle timeout. Using it keeps it open; a session idle
    /// for longer is ended.
    public func staffSession(token: String, at time: Date, idleTimeout: TimeInterval) throws -> StaffAccount? {
        guard token.hasPrefix("wiec_p_"), token.count <= 200 else { return nil }
        return try engine.useStaffSession(hash: Self.hash(token), at: time, idleTimeout: idleTimeout).flatMap(Self.account)
    }

    /// Ends a page session (signing out); an unknown token changes nothing.
    public func endStaffSession(token: String) throws {
        try engine.endStaffSession(hash: Self.hash(token))
    }

    /// A code's hash, the same whether it is typed with or without its dashes, in any case.
    private static func staffCodeHash(_ code: String) -> [UInt8] {
        hash("staff-sign-in\n" + code.uppercased().filter { $0 != "-" && !$0.isWhitespace })
    }
}
