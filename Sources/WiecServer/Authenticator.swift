import Hummingbird
import WiecCore
import WiecGateway

/// Turns a request's bearer token into the core's actor for one action, checking the token's
/// kind, role and edition; the core then checks phase, role and pool scope.
struct Authenticator: Sendable {
    let access: AccessStore

    /// What a request acts as (shared with the pages).
    typealias Acting = WiecGateway.Acting

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
        try principal(request).creator()
    }

    /// The actor a request acts as on an edition.
    ///
    /// - Throws: ``Problem`` 401 without a valid token; 403 (`not_allowed`, `not_in_scope`) when
    ///   the token's kind or edition does not fit the action.
    func actor(_ request: Request, on edition: EditionID, as acting: Acting) throws -> (Actor, Principal) {
        let principal = try principal(request)
        return (try principal.actor(on: edition, as: acting), principal)
    }
}
