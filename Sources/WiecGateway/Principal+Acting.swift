public import WiecCore

extension Principal {
    /// The core actor this principal is when acting on an edition: the one authorization both
    /// the API and the pages apply before the core checks phase, role and pool scope.
    ///
    /// - Throws: ``Problem`` 403 (`not_allowed`, `not_in_scope`) when the principal's kind, role or
    ///   edition does not fit the action.
    public func actor(on edition: EditionID, as acting: Acting) throws -> Actor {
        switch self {
        case .resident(let own, let resident):
            guard own == edition else {
                throw Problem(Refusal(.notInScope, "this resident token belongs to edition \(own), not \(edition)"))
            }
            switch acting {
            case .resident: return Actor(role: .resident, id: resident)
            case .official, .appealsTeam, .reviewer: throw Problem.forbidden("this needs a staff token")
            }
        case .staff(let account):
            guard let scope = account.scope.scope(in: edition) else {
                throw Problem(Refusal(.notInScope, "staff \(account.id) has no scope over edition \(edition)"))
            }
            switch (account.role, acting) {
            case (.admin, .appealsTeam): return Actor(role: .appealsTeam, id: account.id, scope: scope)
            case (.admin, _): return Actor(role: .official, id: account.id, scope: scope)
            case (.reviewer, .reviewer): return Actor(role: .reviewer, id: account.id, scope: scope)
            case (.reviewer, _), (.auditor, _):
                throw Problem.forbidden("a \(account.role.rawValue) may not do this")
            }
        }
    }

    /// The admin, scoped to `*`, who creates an edition (or a village fund).
    ///
    /// - Throws: ``Problem`` 403 for anyone else.
    public func creator() throws -> Actor {
        guard case .staff(let account) = self, account.role == .admin else { throw Problem.forbidden("only an admin creates editions") }
        guard account.scope == .all else { throw Problem(Refusal(.notInScope, "creating editions needs the scope '*'")) }
        return Actor(role: .official, id: account.id)
    }
}
