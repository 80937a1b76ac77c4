import Foundation

/// Every string the pages show, one table per language (`Resources/catalogue/pl.json` and
/// `en.json`, with the staff pages' texts in `staff-pl.json` and `staff-en.json` and the village fund's in `fund-pl.json` and `fund-en.json`, the local initiatives' in `local-pl.json` and `local-en.json`; flat keys). Texts with parameters name them in braces (`{count}`); counted
/// texts have `.one`, `.few` and `.many` forms, chosen by Polish (or English) plural rules.
struct Catalogue: Sendable {
    /// Each language's table.
    let tables: [Language: [String: String]]

    /// Reads the tables shipped with the module.
    ///
    /// - Throws: when a table is missing or is not a JSON object of strings.
    static func bundled() throws -> Catalogue {
        var tables: [Language: [String: String]] = [:]
        for language in Language.allCases {
            var table: [String: String] = [:]
            for name in [language.rawValue, "staff-" + language.rawValue, "fund-" + language.rawValue, "local-" + language.rawValue] {
                guard let url = PageResources.catalogue(named: name) else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "catalogue/\(name).json"]) }
                table.merge(try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))) { first, _ in first }
            }
            tables[language] = table
        }
        return Catalogue(tables: tables)
    }

    /// The table of a language, for templates (`{{t.key}}`).
    func table(_ language: Language) -> [String: String] { tables[language] ?? [:] }

    /// A text with its parameters filled in; a missing key shows as itself, so a test finds it.
    func text(_ key: String, _ language: Language, _ arguments: [String: String] = [:]) -> String {
        var text = tables[language]?[key] ?? key
        for (name, value) in arguments { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// A counted text: `key.one`, `key.few` or `key.many` by the count, with `{count}` filled in
    /// by the formatted count.
    func counted(_ key: String, _ count: Int64, _ language: Language, _ arguments: [String: String] = [:]) -> String {
        var all = arguments
        all["count"] = PolishFormat.number(count, language)
        return text(key + "_" + Self.pluralForm(count, language), language, all)
    }

    /// The plural form of a count: Polish has one (1), few (2–4, 22–24, ...) and many; English
    /// one and many (its `few` is the same as `many`).
    static func pluralForm(_ count: Int64, _ language: Language) -> String {
        let n = count.magnitude
        if n == 1 { return "one" }
        guard language == .pl else { return "many" }
        let lastDigit = n % 10, lastTwo = n % 100
        return (2...4).contains(lastDigit) && !(12...14).contains(lastTwo) ? "few" : "many"
    }
}
