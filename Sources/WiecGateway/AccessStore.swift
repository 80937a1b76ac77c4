import Crypto
public import Foundation
public import WiecLedger
public import WiecCore

/// Staff accounts and resident tokens, over the store's ``AccessEngine``. Only a
/// SHA-256 of each staff token is stored; a token is shown once, when it is made. A resident
/// token proves itself (an HMAC under the server's secret), so issuing one writes nothing.
///
/// A resident's id and token are derived from a server secret and the registration's
/// idempotency key, so a retried registration gets the same resident id and the same token.
/// A token leads to the resident id only: the ledger alone links it to a voting pseudonym.
public final class AccessStore: Sendable {
    let engine: any AccessEngine
    private let secret: [UInt8]

    /// Opens the access data of a store, making the server's secret on the first start (of
    /// nodes that start at once on one store, all get the one that was stored).
    ///
    /// - Throws: ``LedgerError`` when the engine cannot be read or written.
    public init(engine: any AccessEngine) throws {
        self.engine = engine
        secret = try engine.secret(named: "server", storingIfAbsent: SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) })
    }

    /// Creates a staff account.
    ///
    /// - Returns: The account and its bearer token, which is never shown again.
    public func addStaff(name: String, role: StaffRole, scope: StaffScope, at time: Date) throws -> (StaffAccount, String) {
        let token = "wiec_s_" + Self.randomText()
        let account = StaffAccount(id: "staff-" + Self.randomText(bytes: 6), name: name, role: role, scope: scope)
        try engine.addStaff(Self.stored(account), tokenHash: Self.hash(token), created: time)
        return (account, token)
    }

    /// Revokes a staff account: its token, its sign-in code and its page sessions stop working at once.
    ///
    /// - Returns: Whether an active account with this id existed.
    public func revokeStaff(id: String, at time: Date) throws -> Bool {
        try engine.revokeStaff(id: id, at: time)
    }

    /// The active staff accounts.
    public func staff() throws -> [StaffAccount] {
        try engine.activeStaff().compactMap(Self.account)
    }

    /// The resident id a registration gets, derived from the edition and the request's key.
    public func residentID(edition: EditionID, idempotencyKey: String) -> ResidentID {
        "r-" + Hex.encode(mac("resident-id\n\(edition)\n\(idempotencyKey)").prefix(12))
    }

    /// The token of a registered resident: the edition and the resident id with an HMAC of both
    /// under the server's secret, so that it proves itself and nothing is written to issue it
    /// (a retried registration gets the same token).
    ///
    /// - Returns: The resident token.
    public func residentToken(edition: EditionID, resident: ResidentID) -> String {
        "wiec_r_" + Base64URL.encode(Array(edition.utf8)) + "." + Base64URL.encode(Array(resident.utf8)) + "."
            + Base64URL.encode(mac(Self.residentTokenText(edition: edition, resident: resident)))
    }

    /// Who holds a bearer token, if anyone.
    public func principal(token: String) throws -> Principal? {
        if token.hasPrefix("wiec_r_"), let resident = residentPrincipal(token: token) { return resident }
        let digest = Self.hash(token)
        if token.hasPrefix("wiec_r_") {
            // A token issued before tokens proved themselves was stored by its hash.
            return try engine.storedResidentToken(hash: digest).map { .resident(edition: $0.edition, resident: $0.resident) }
        }
        return try engine.activeStaff(tokenHash: digest).flatMap(Self.account).map { .staff($0) }
    }

    /// The resident a self-proving token names, when its HMAC holds.
    private func residentPrincipal(token: String) -> Principal? {
        // Split as bytes: splitting the text would find grapheme clusters, a third of the cost.
        let parts = Array(token.utf8.dropFirst("wiec_r_".utf8.count)).split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3, let edition = Base64URL.decode(parts[0]), let resident = Base64URL.decode(parts[1]),
            let code = Base64URL.decode(parts[2])
        else { return nil }
        let (editionID, residentID) = (String(decoding: edition, as: UTF8.self), String(decoding: resident, as: UTF8.self))
        let text = Self.residentTokenText(edition: editionID, resident: residentID)
        guard HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: Array(text.utf8), using: SymmetricKey(data: secret)) else {
            return nil
        }
        return .resident(edition: editionID, resident: residentID)
    }

    private static func residentTokenText(edition: EditionID, resident: ResidentID) -> String {
        "resident\n\(edition)\n\(resident)"
    }

    /// A key for one purpose (`csrf`), derived from the server's secret: the same after every
    /// restart over this store, and different for every purpose.
    public func derivedKey(purpose: String) -> [UInt8] {
        mac("derived-key:" + purpose)
    }

    /// An HMAC of a text under the server's secret.
    func mac(_ text: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: SymmetricKey(data: secret)))
    }

    /// The account a stored row names; `nil` for a role or scope this version does not know.
    static func account(_ stored: StoredStaff) -> StaffAccount? {
        guard let role = StaffRole(rawValue: stored.role), let scope = StaffScope(stored.scope) else { return nil }
        return StaffAccount(id: stored.id, name: stored.name, role: role, scope: scope)
    }

    static func stored(_ account: StaffAccount) -> StoredStaff {
        StoredStaff(id: account.id, name: account.name, role: account.role.rawValue, scope: account.scope.text)
    }

    static func hash(_ token: String) -> [UInt8] { Array(SHA256.hash(data: Array(token.utf8))) }

    static func randomText(bytes: Int = 32) -> String {
        Base64URL.encode(SymmetricKey(size: SymmetricKeySize(bitCount: bytes * 8)).withUnsafeBytes { Array($0) })
    }
}
