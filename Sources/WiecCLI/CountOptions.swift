import ArgumentParser
import WiecTally

/// How a rule counts: the options `wiec tally` and `wiec bench` share, so a benchmark times
/// exactly the count that `wiec tally` performs with the same options.
struct CountOptions: ParsableArguments {
    @Option(name: .customLong("tie-breaking"), help: "How ties are broken: \(TieBreaking.names.joined(separator: ", ")). Default: the file's order.")
    var tieBreaking: String?

    @Option(help: "Equal Shares utility on approval ballots: cost or approval (cumulative ballots use their points).")
    var utility: EqualSharesUtility = .cost

    @Option(help: "What fills the budget Equal Shares leaves: none or greedy.")
    var completion: EqualSharesCompletion = .none

    @Option(help: "Stopping rule of equalshares/add1: official (as the pabulib checker) or pabutools.")
    var increment: EqualSharesIncrement = .official

    @Option(name: .customLong("top-up"), help: "With greedy-no-skip: fund the first project that does not fit when the budget left is at least this share of its cost, e.g. 80% (Poznań's rule).")
    var topUpText: String?

    /// The top-up named by `--top-up`, or nil when the option is absent.
    var topUp: TopUp? { topUpText.flatMap(TopUp.init(percent:)) }

    func validate() throws {
        if let topUpText, TopUp(percent: topUpText) == nil {
            throw ValidationError("--top-up takes a percentage above 0% and at most 100%, e.g. 80%, not '\(topUpText)'.")
        }
        if let tieBreaking, TieBreaking(name: tieBreaking) == nil {
            throw ValidationError("Unknown tie-breaking '\(tieBreaking)'; use one of \(TieBreaking.names.joined(separator: ", ")).")
        }
    }

    /// The tie-breaking named by `--tie-breaking`, or nil when the option is absent.
    var namedTieBreaking: TieBreaking? { tieBreaking.flatMap(TieBreaking.init(name:)) }

    /// The options of a count: `--tie-breaking` or else `fallback`, and the Equal Shares options.
    func tallyOptions(fallback: TieBreaking = .fileOrder, explainRounds: Bool) -> TallyOptions {
        TallyOptions(
            tieBreaking: namedTieBreaking ?? fallback, utility: utility, completion: completion,
            increment: increment, explainRounds: explainRounds, topUp: topUp
        )
    }

    /// `spec` with the top-up of `--top-up` when it is given.
    ///
    /// - Throws: ``TallyError`` when the rule takes no top-up.
    func applying(to spec: RuleSpec) throws -> RuleSpec {
        guard let topUp else { return spec }
        return try RuleSpec(rule: spec.rule, topUp: topUp)
    }
}

extension EqualSharesUtility: ExpressibleByArgument {}
extension EqualSharesCompletion: ExpressibleByArgument {}
extension EqualSharesIncrement: ExpressibleByArgument {}
