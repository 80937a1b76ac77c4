import Crypto
import Foundation
import WiecLedger

/// Cross-site request forgery protection by a signed double-submit token: every visitor gets a
/// random cookie, and every form carries an HMAC of it under the server's key. A POST whose
/// form token is not the HMAC of its own cookie is refused with 403. A forged cross-site form
/// can send the cookie (SameSite=Lax already stops most) but cannot read it to sign it.
struct CSRFGuard: Sendable {
    /// The cookie holding the visitor's random value.
    static let cookie = "wiec_csrf"
    /// The form field holding the token.
    static let field = "_csrf"

    private let key: [UInt8]

    /// A guard under `key`: one kept with the store, so that a form rendered before a restart
    /// is still accepted after it.
    init(key: [UInt8]) {
        self.key = key
    }

    /// A new random cookie value.
    static func newCookieValue() -> String {
        Hex.encode(SymmetricKey(size: .bits128).withUnsafeBytes { Array($0) })
    }

    /// The token forms carry for a cookie value.
    func token(for cookieValue: String) -> String {
        Hex.encode(HMAC<SHA256>.authenticationCode(for: Array(cookieValue.utf8), using: SymmetricKey(data: key)))
    }

    /// Whether a form's token belongs to the request's cookie (compared in constant time).
    func accepts(token: String?, cookieValue: String?) -> Bool {
        guard let token, let cookieValue, !cookieValue.isEmpty else { return false }
        let expected = Array(self.token(for: cookieValue).utf8), given = Array(token.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
