import HTTPTypes
import Hummingbird

/// What the pages know about one request before they do anything: the visitor's switches,
/// their CSRF cookie (a new one on a first visit), the path to come back to, and whether the
/// site is served over TLS (cookies are then `Secure`).
struct PageRequest: Sendable {
    let cookies: Cookies
    let preferences: Preferences
    /// The visitor's CSRF cookie value.
    let csrfCookie: String
    /// Whether that cookie is new and must be set by the response.
    let csrfCookieIsNew: Bool
    /// The token forms carry.
    let csrfToken: String
    /// The path and query of the request.
    let path: String
    /// Whether the request reached the site over TLS (directly or through a proxy saying so).
    let secure: Bool

    init(_ request: Request, csrf: CSRFGuard) {
        cookies = Cookies(request.headers)
        preferences = Preferences(cookies)
        if let value = cookies[CSRFGuard.cookie], value.count == 32, value.allSatisfy(\.isHexDigit) {
            csrfCookie = value
            csrfCookieIsNew = false
        } else {
            csrfCookie = CSRFGuard.newCookieValue()
            csrfCookieIsNew = true
        }
        csrfToken = csrf.token(for: csrfCookie)
        path = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
        secure = request.uri.scheme == .https || request.headers[.init("X-Forwarded-Proto")!] == "https"
    }

    /// The visitor's language.
    var language: Language { preferences.language }

    /// The headers every page response carries: the CSRF cookie on a first visit, no caching
    /// of personal pages, and a content security policy that allows nothing from another host.
    func responseHeaders() -> HTTPFields {
        var headers = HTTPFields()
        if csrfCookieIsNew {
            headers.append(HTTPField(name: .setCookie, value: Cookies.setting(CSRFGuard.cookie, csrfCookie, secure: secure)))
        }
        headers[.cacheControl] = "no-store"
        headers[.init("Content-Security-Policy")!] =
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        headers[.init("Referrer-Policy")!] = "same-origin"
        return headers
    }
}
