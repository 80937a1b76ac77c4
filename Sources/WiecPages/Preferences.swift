/// What a visitor chose with the switches in the header: language, text size and contrast.
/// Kept in cookies, so they work without JavaScript and hold on every page.
struct Preferences: Sendable, Hashable {
    /// The language of the pages.
    var language: Language = .pl
    /// The text size: 0 (A), 1 (A+) or 2 (A++).
    var textSize: Int = 0
    /// Whether the high-contrast colours are on.
    var highContrast: Bool = false

    /// The cookie names.
    static let languageCookie = "wiec_jezyk", sizeCookie = "wiec_rozmiar", contrastCookie = "wiec_kontrast"

    /// The preferences a request's cookies hold.
    init(_ cookies: Cookies) {
        language = Language(code: cookies[Self.languageCookie])
        textSize = cookies[Self.sizeCookie].flatMap(Int.init).map { min(max($0, 0), 2) } ?? 0
        highContrast = cookies[Self.contrastCookie] == "1"
    }

    /// The defaults: Polish, normal size, normal contrast.
    init() {}
}
