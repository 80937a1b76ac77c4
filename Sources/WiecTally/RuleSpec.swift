/// A rule as a pool or a command line names it: a rule named as in pabulib, and for
/// `greedy-no-skip` an optional top-up, written `greedy-no-skip --top-up 80%`.
public struct RuleSpec: Sendable, Hashable, CustomStringConvertible {
    /// The rule.
    public var rule: Rule
    /// The top-up of the no-skip greedy rule, if any.
    public var topUp: TopUp?

    /// A rule with its top-up.
    ///
    /// - Throws: ``TallyError/ruleNotApplicable(_:reason:)`` for a top-up on another rule than `greedy-no-skip`.
    public init(rule: Rule, topUp: TopUp? = nil) throws(TallyError) {
        if topUp != nil, rule != .greedyNoSkip {
            throw .ruleNotApplicable(rule.rawValue, reason: "a top-up applies to greedy-no-skip only")
        }
        self.rule = rule
        self.topUp = topUp
    }

    /// `greedy-no-skip` with a top-up.
    public static func greedyNoSkip(topUp: TopUp) -> RuleSpec {
        RuleSpec(checkedRule: .greedyNoSkip, topUp: topUp)
    }

    /// A rule and top-up already known to go together.
    init(checkedRule rule: Rule, topUp: TopUp?) {
        self.rule = rule
        self.topUp = topUp
    }

    /// Parses a name as ``description`` writes it, or a pabulib rule name.
    ///
    /// - Throws: ``TallyError`` as ``Rule/init(pabulibName:)`` throws it;
    ///   ``TallyError/unknownRule(_:)`` for a top-up that is not a percentage in (0%, 100%] or
    ///   that follows another rule than `greedy-no-skip`.
    public init(name: String) throws(TallyError) {
        let marker = " --top-up "
        guard let range = name.firstRange(of: marker) else {
            try self.init(rule: Rule(pabulibName: name))
            return
        }
        guard let topUp = TopUp(percent: String(name[range.upperBound...])),
            let rule = Rule(rawValue: String(name[..<range.lowerBound])), rule == .greedyNoSkip
        else { throw .unknownRule(name) }
        self.init(checkedRule: rule, topUp: topUp)
    }

    /// The rule's name, with its top-up: `greedy-no-skip --top-up 80%`.
    public var description: String {
        rule.rawValue + (topUp.map { " --top-up \($0)" } ?? "")
    }
}
