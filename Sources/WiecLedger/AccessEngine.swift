public import Foundation

/// What a store keeps beside the ledger for the server's access: staff accounts, sign-in codes,
/// staff page sessions and the server's secrets (the key that resident tokens are made with and,
/// for a store that is not a file, the checkpoint signing key). Tokens and codes are kept only as
/// hashes, which the caller makes; an engine stores and finds rows, nothing more.
///
/// It lives with the store so that every node on one database shares it: a staff token or a
/// resident token made on one node works on all of them. ``AccessStore`` in `WiecGateway` holds
/// the logic over it (tokens, codes, the idle timeout).
public protocol AccessEngine: Sendable {
    /// The secret stored under a name, if there is one.
    func secret(named name: String) throws -> [UInt8]?
    /// The secret stored under a name, storing `value` first when there is none: of engines
    /// that call this at once, all get the value of the one that stored it.
    func secret(named name: String, storingIfAbsent value: [UInt8]) throws -> [UInt8]

    /// Adds a staff account with the hash of its bearer token.
    func addStaff(_ staff: StoredStaff, tokenHash: [UInt8], created: Date) throws
    /// Revokes an active account and, in the same transaction, ends its page sessions and its
    /// sign-in code. Returns whether an active account with this id existed.
    func revokeStaff(id: String, at time: Date) throws -> Bool
    /// The active accounts, in the order they were made.
    func activeStaff() throws -> [StoredStaff]
    /// The active account whose bearer token has this hash.
    func activeStaff(tokenHash: [UInt8]) throws -> StoredStaff?

    /// The resident of a token stored by its hash (tokens issued before they proved themselves).
    func storedResidentToken(hash: [UInt8]) throws -> (edition: String, resident: String)?

    /// Makes a code hash the voter's one sign-in code in the edition, replacing any earlier one.
    func replaceSignInCode(hash: [UInt8], edition: String, voter: String) throws
    /// Deletes the voter's sign-in code when it has this hash; returns whether it did.
    func redeemSignInCode(hash: [UInt8], edition: String, voter: String) throws -> Bool

    /// Makes a code hash the one sign-in code of an active account, replacing any earlier one.
    /// Returns `false`, storing nothing, when no active account has this id.
    func replaceStaffSignInCode(hash: [UInt8], staff id: String) throws -> Bool
    /// Starts a page session (stored by its hash) for the active account a credential names; a
    /// sign-in code is used up here. Returns the account, or `nil` when the credential names none.
    func startStaffSession(_ credential: StaffCredential, sessionHash: [UInt8], at time: Date) throws -> StoredStaff?
    /// Uses a page session at a time, in one transaction: the active account it belongs to, with
    /// the session's last use moved to `time` (never back); `nil` when there is no such session
    /// or its account is revoked. A session last used longer than `idleTimeout` before `time` is
    /// ended instead, and gives `nil`.
    func useStaffSession(hash: [UInt8], at time: Date, idleTimeout: TimeInterval) throws -> StoredStaff?
    /// Ends a page session; an unknown hash changes nothing.
    func endStaffSession(hash: [UInt8]) throws

    /// Everything but the page sessions, for ``restore(_:)`` into another store (`wiec migrate`).
    func snapshot() throws -> AccessSnapshot
    /// Writes a snapshot into this store, which must hold no accounts and no secrets yet.
    ///
    /// - Throws: ``LedgerError/storage(_:)`` when it holds some already.
    func restore(_ snapshot: AccessSnapshot) throws
}

/// A staff account as an engine stores it: the role and scope in their text forms.
public struct StoredStaff: Sendable, Hashable {
    /// The opaque id, written in the log as the actor.
    public var id: String
    /// The name shown to people.
    public var name: String
    /// The role's raw value.
    public var role: String
    /// The scope's text form.
    public var scope: String

    /// Creates a stored account.
    public init(id: String, name: String, role: String, scope: String) {
        self.id = id
        self.name = name
        self.role = role
        self.scope = scope
    }
}

/// What a staff member signs in to the pages with, by its hash.
public enum StaffCredential: Sendable, Hashable {
    /// The hash of the account's bearer token.
    case token(hash: [UInt8])
    /// The hash of a one-time sign-in code, used up by signing in.
    case code(hash: [UInt8])
}

/// The access data of a store, but for page sessions (which a copy does not carry over).
public struct AccessSnapshot: Sendable, Hashable {
    /// A staff account as stored, revoked or not.
    public struct Staff: Sendable, Hashable {
        /// The account.
        public var staff: StoredStaff
        /// The hash of its bearer token.
        public var tokenHash: [UInt8]
        /// When it was made (``AccessTime``).
        public var created: String
        /// When it was revoked, if it was.
        public var revoked: String?

        /// Creates a stored account row.
        public init(staff: StoredStaff, tokenHash: [UInt8], created: String, revoked: String?) {
            self.staff = staff
            self.tokenHash = tokenHash
            self.created = created
            self.revoked = revoked
        }
    }

    /// A sign-in code or a stored resident token, by its hash.
    public struct Code: Sendable, Hashable {
        public var hash: [UInt8]
        public var edition: String
        /// Whom it belongs to: the voter (a resident's code), the resident (a stored token) or the
        /// account id (a staff code, whose edition is empty).
        public var holder: String

        /// Creates a row.
        public init(hash: [UInt8], edition: String, holder: String) {
            self.hash = hash
            self.edition = edition
            self.holder = holder
        }
    }

    /// The secrets, by name.
    public var secrets: [String: [UInt8]] = [:]
    /// The accounts, revoked ones included, in the order they were made.
    public var staff: [Staff] = []
    /// The staff members' one-time sign-in codes.
    public var staffCodes: [Code] = []
    /// The residents' one-time sign-in codes.
    public var signInCodes: [Code] = []
    /// The resident tokens stored by their hash.
    public var residentTokens: [Code] = []

    /// An empty snapshot.
    public init() {}

    /// Whether the store it was taken from held no accounts and no secrets.
    public var isEmpty: Bool { secrets.isEmpty && staff.isEmpty }
}

/// How an engine writes the time of an account's creation and revocation: ISO 8601 in UTC.
public enum AccessTime {
    /// The text form of a time.
    public static func text(_ time: Date) -> String { ISO8601DateFormatter().string(from: time) }
}
