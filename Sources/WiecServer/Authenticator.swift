import Hummingbird
import WiecCore
import WiecGateway

/// Turns a request's bearer token into the core's actor for one action, checking the token's
/// kind, role and edition; the core then checks phase, role and pool scope.
struct Authenticator: Sendable {
    let access: AccessStore

    /// What a request acts as.
    enum Acting {
        /// An admin acting as an official of the edition.
        case official
        /// An admin acting as the council's appeals team.
        case appealsTeam
        /// A reviewer, or an admin acting as an official.
        case reviewer
        /// A resident acting for themselves (their public acts, or their ballot through their
        /// voting pseudonym: ``CommandGateway/voter(of:in:)``), or an admin acting as an official.
        case resident
    }

    /// The bearer token's holder.
    ///
    /// - Throws: ``Problem`` `unauthorized` (401) without a valid token.
    func principal(_ request: Request) throws -> Principal {
        guard let header = request.headers[.authorization] else { throw Problem.unauthorized("this needs an Authorization: Bearer token") }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer", parts[1].count <= 200 else {
            throw Problem.unauthorized("the Authorization header must be 'Bearer <token>'")
        }
        guard let principal = try access.principal(token: String(parts[1])) else {
            throw Problem.unauthorized("the token is unknown or revoked")
        }
        return principal
    }

    /// The admin, scoped to `*`, who creates an edition (or a village fund): checked before the
    /// body is read, so that no one else learns anything from the answer but the refusal.
    ///
    /// - Throws: ``Problem`` 401 without a valid token; 403 for any other token.
    func creator(_ request: Request) throws -> Actor {
        guard case .staff(let account) = try principal(request), account.role == .admin else {
            throw Problem.forbidden("only an admin creates editions")
        }
        guard account.scope == .all else { throw Problem(Refusal(.notInScope, "creating editions needs the scope '*'")) }
        return Actor(role: .official, id: account.id)
    }

    /// The actor a request acts as on an edition.
    ///
    /// - Throws: ``Problem`` 401 without a valid token; 403 (`not_allowed`, `not_in_scope`) when
    ///   the token's kind or edition does not fit the action.
    func actor(_ request: Request, on edition: EditionID, as acting: Acting) throws -> (Actor, Principal) {
        let principal = try principal(request)
        switch principal {
        case .resident(let own, let resident):
            guard own == edition else {
                throw Problem(Refusal(.notInScope, "this resident token belongs to edition \(own), not \(edition)"))
            }
            switch acting {
            case .resident: return (Actor(role: .resident, id: resident), principal)
            case .official, .appealsTeam, .reviewer: throw Problem.forbidden("this needs a staff token")
            }
        case .staff(let account):
            guard let scope = account.scope.scope(in: edition) else {
                throw Problem(Refusal(.notInScope, "staff \(account.id) has no scope over edition \(edition)"))
            }
            switch (account.role, acting) {
            case (.admin, .appealsTeam): return (Actor(role: .appealsTeam, id: account.id, scope: scope), principal)
            case (.admin, _): return (Actor(role: .official, id: account.id, scope: scope), principal)
            case (.reviewer, .reviewer): return (Actor(role: .reviewer, id: account.id, scope: scope), principal)
            case (.reviewer, _), (.auditor, _):
                throw Problem.forbidden("a \(account.role.rawValue) may not do this")
            }
        }
    }
}
