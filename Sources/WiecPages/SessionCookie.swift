import WiecCore

/// The cookie that keeps a resident signed in to one edition: their resident token, HttpOnly,
/// SameSite=Lax, sent only under the edition's pages. It is never in a URL or a page.
enum SessionCookie {
    /// The cookie's name for an edition (edition ids are letters, digits, `-`, `_` and `.`).
    static func name(_ edition: EditionID) -> String { "wiec_sesja_" + edition }

    /// The path it is sent under.
    static func path(_ edition: EditionID) -> String { "/edycje/" + edition }

    /// Signs in: the cookie holding the token, for the browser session.
    static func signIn(_ edition: EditionID, token: String, secure: Bool) -> String {
        Cookies.setting(name(edition), token, path: path(edition), secure: secure)
    }

    /// Signs out: the cookie emptied and expired.
    static func signOut(_ edition: EditionID, secure: Bool) -> String {
        Cookies.setting(name(edition), "", path: path(edition), maxAge: 0, secure: secure)
    }
}
