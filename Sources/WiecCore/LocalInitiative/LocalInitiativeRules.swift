/// One criterion of the council's resolution on assessing local initiative applications
/// (art. 19c ust. 1 of the Act on public benefit activity and volunteering).
public struct AssessmentCriterion: Sendable, Hashable, Codable {
    /// Its id, e.g. `wklad`.
    public var id: String
    /// Its name as the resolution states it.
    public var name: String
    /// Its weight in the weighted sum, 1 or more.
    public var weight: Int64
    /// The most points an official may give on it; the scale is 0 to this.
    public var maxPoints: Int64
    /// Whether it assesses the residents' own contribution (social work, goods and services, money).
    public var measuresContribution: Bool

    /// Creates a criterion.
    public init(id: String, name: String, weight: Int64, maxPoints: Int64, measuresContribution: Bool) {
        self.id = id
        self.name = name
        self.weight = weight
        self.maxPoints = maxPoints
        self.measuresContribution = measuresContribution
    }
}

/// How applications with equal weighted sums are ordered, named in the resolution before any scoring.
public enum LocalInitiativeTieBreak: String, Sendable, Hashable, Codable, CaseIterable {
    /// The higher weighted sum on the contribution criteria first, then the earlier application.
    case contributionThenSubmission = "contribution-then-submission"
    /// The earlier application first.
    case submission
}

/// The council's resolution on the procedure and criteria: the edition's rules for local initiatives.
public struct LocalInitiativeRules: Sendable, Hashable, Codable {
    /// The resolution's number.
    public var resolution: String
    /// The day it was adopted.
    public var adoptedOn: CalendarDay
    /// The criteria, in the resolution's order; at least one measures the residents' contribution.
    public var criteria: [AssessmentCriterion]
    /// The tie-break rule.
    public var tieBreak: LocalInitiativeTieBreak

    /// Creates rules.
    public init(resolution: String, adoptedOn: CalendarDay, criteria: [AssessmentCriterion], tieBreak: LocalInitiativeTieBreak) {
        self.resolution = resolution
        self.adoptedOn = adoptedOn
        self.criteria = criteria
        self.tieBreak = tieBreak
    }
}
