/// The languages the pages speak: Polish first, English second.
public enum Language: String, Sendable, Hashable, CaseIterable {
    /// Polish, the default.
    case pl
    /// English.
    case en

    /// The language a cookie or form value names, Polish for anything else.
    init(code: String?) {
        self = code.flatMap(Language.init(rawValue:)) ?? .pl
    }
}
