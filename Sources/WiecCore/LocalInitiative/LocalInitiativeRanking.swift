public import WiecTally

/// One application's place in the ranking, with the exact sums it was ranked by.
public struct RankedApplication: Sendable, Hashable {
    /// 1 for the first.
    public var position: Int
    /// The application's id.
    public var application: String
    /// The weighted sum: over the criteria, the weight times the mean of the officials' points.
    public var total: Rational
    /// The same sum over the contribution criteria only.
    public var contributionTotal: Rational
    /// Whether every criterion has at least one score.
    public var isFullyScored: Bool
    /// The rule that set it below the application before it, when their totals are equal.
    public var tieBrokenBy: String?
}

extension LocalInitiativeState {
    /// The applications ranked by their weighted sums, exactly (rationals, never floating point);
    /// equal sums are ordered by the resolution's tie-break, and every tie-break ends with the
    /// order of submission, so the ranking is total.
    public func ranking() -> [RankedApplication] {
        guard let rules else { return [] }
        let sums = order.compactMap { applications[$0] }.map { application in
            (application: application, total: weightedSum(application, rules.criteria),
             contribution: weightedSum(application, rules.criteria.filter(\.measuresContribution)),
             complete: rules.criteria.allSatisfy { criterion in application.scores.contains { $0.criterion == criterion.id } },
             position: order.firstIndex(of: application.id)!)
        }
        let sorted = sums.sorted { a, b in
            if a.total != b.total { return a.total > b.total }
            if rules.tieBreak == .contributionThenSubmission, a.contribution != b.contribution { return a.contribution > b.contribution }
            return a.position < b.position
        }
        return sorted.enumerated().map { index, item in
            var brokenBy: String?
            if index > 0, sorted[index - 1].total == item.total {
                brokenBy = rules.tieBreak == .contributionThenSubmission && sorted[index - 1].contribution != item.contribution
                    ? "contribution" : "submission"
            }
            return RankedApplication(
                position: index + 1, application: item.application.id, total: item.total, contributionTotal: item.contribution,
                isFullyScored: item.complete, tieBrokenBy: brokenBy)
        }
    }

    /// Σ weight × (Σ points / number of scores) over the criteria; an unscored criterion adds 0.
    private func weightedSum(_ application: LocalApplication, _ criteria: [AssessmentCriterion]) -> Rational {
        var numerator = BigInt.zero
        var denominator = BigInt.one
        for criterion in criteria {
            let scores = application.scores.filter { $0.criterion == criterion.id }
            guard !scores.isEmpty else { continue }
            var points = BigInt.zero
            for score in scores { points += BigInt(score.points) }
            // numerator/denominator + weight × points / count
            let count = BigInt(scores.count)
            numerator = numerator * count + BigInt(criterion.weight) * points * denominator
            denominator *= count
        }
        return Rational(numerator, denominator)
    }
}
