/// Who issues a command: a role, an opaque id and the part of the edition the actor may act on.
///
/// Only the role and the id are written to the log; the scope is what the authentication
/// layer granted and is checked before anything is appended.
public struct Actor: Sendable, Hashable, Codable {
    /// What the actor is allowed to do.
    public var role: Role
    /// An opaque id (never a name or a PESEL).
    public var id: String
    /// The pools the actor may act on.
    public var scope: Scope

    /// Creates an actor.
    public init(role: Role, id: String, scope: Scope = .edition) {
        self.role = role
        self.id = id
        self.scope = scope
    }

    /// Whether the scope covers a pool.
    public func covers(_ pool: PoolID) -> Bool {
        switch scope {
        case .edition: true
        case .pools(let pools): pools.contains(pool)
        }
    }
}

/// The roles of the people who act on an edition.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    /// An official (urzędnik) running the edition: phases, pools, workshops, voters, paper ballots.
    case official
    /// A reviewer (sołtys, radny or urzędnik reviewing proposals of the pools in scope).
    case reviewer
    /// The council's appeals team, deciding appeals.
    case appealsTeam = "appeals_team"
    /// A resident submitting initiatives and proposals and signing support lists.
    case resident
    /// A registered voter casting an online ballot; the actor id is the voter id.
    case voter
    /// An auditor: reads, never writes.
    case auditor
}

/// The part of an edition an actor may act on.
public enum Scope: Sendable, Hashable, Codable {
    /// The whole edition.
    case edition
    /// Only these pools (a district, a sołectwo, ...).
    case pools(Set<PoolID>)
}
