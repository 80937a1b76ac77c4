/// A staff member's account: an opaque id (the actor id written in the log), a name for
/// people, a role and a scope.
public struct StaffAccount: Sendable, Hashable {
    /// The opaque id, written in the log as the actor.
    public var id: String
    /// The name shown to people (never written in the log).
    public var name: String
    /// What the account may do.
    public var role: StaffRole
    /// What the account may act on.
    public var scope: StaffScope

    /// Creates an account record.
    public init(id: String, name: String, role: StaffRole, scope: StaffScope) {
        self.id = id
        self.name = name
        self.role = role
        self.scope = scope
    }
}
