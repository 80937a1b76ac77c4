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
