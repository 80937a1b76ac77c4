import Foundation
public import WiecTally

/// The local rules that published files name `greedy-custom` and state only in their
/// `comment`, as Wiec applies them: one row per municipality whose rule its files' comment
/// describes. A `greedy-custom` file of any other municipality cannot be counted from what it
/// states.
public enum LocalRules {
    /// One municipality's rule.
    public struct Entry: Sendable {
        /// The municipality, as META's `unit` names it.
        public var unit: String
        /// The rule Wiec applies.
        public var spec: RuleSpec
        /// Where the rule is stated.
        public var source: String
    }

    /// The known local rules.
    public static let known: [Entry] = [
        Entry(
            unit: "Poznań",
            spec: .greedyNoSkip(topUp: TopUp(wholePercent: 80)),
            source: """
                comment #1 of Poznań's files on pabulib.org: projects are funded by votes until the next one does not \
                fit; that one is funded too when the budget left is enough for at least 80% of it (selected = 2). \
                Comment #2: projects funded later from reserve funds are marked 3
                """),
    ]

    /// The rule a file's count applies: its `rule`, with `greedy-custom` looked up by its `unit`.
    ///
    /// - Parameters:
    ///   - rule: META's `rule`.
    ///   - unit: META's `unit`.
    ///   - comment: META's `comment`, whose first words say why an unknown local rule is not counted.
    /// - Throws: ``TallyError`` when the rule cannot be applied from what the file states.
    public static func spec(rule: String?, unit: String?, comment: String?) throws(TallyError) -> RuleSpec {
        guard rule == "greedy-custom" else { return try RuleSpec(name: rule ?? "unknown") }
        if let unit, let entry = known.first(where: { Self.sameName($0.unit, unit) }) { return entry.spec }
        let words = (comment ?? "").split(whereSeparator: \.isWhitespace)
        let opening = words.prefix(16).joined(separator: " ") + (words.count > 16 ? "…" : "")
        throw .ruleNotApplicable(
            "greedy-custom",
            reason: opening.isEmpty ? "a local rule the file does not describe" : "a local rule Wiec does not know: \(opening)")
    }

    /// Whether two municipality names are the same, whatever the case and diacritics (`Poznan`).
    private static func sameName(_ a: String, _ b: String) -> Bool {
        let fold: (String) -> String = { $0.trimmingSpaces().folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
        return fold(a) == fold(b)
    }
}

extension PabulibFile {
    /// The rule this file's count applies (see ``LocalRules/spec(rule:unit:comment:)``).
    public func ruleSpec() throws(TallyError) -> RuleSpec {
        try LocalRules.spec(rule: rule, unit: self[meta: "unit"], comment: self[meta: "comment"])
    }
}

extension PabulibElection {
    /// The rule this file's count applies (see ``LocalRules/spec(rule:unit:comment:)``).
    public func ruleSpec() throws(TallyError) -> RuleSpec {
        try LocalRules.spec(rule: rule, unit: self[meta: "unit"], comment: self[meta: "comment"])
    }
}
