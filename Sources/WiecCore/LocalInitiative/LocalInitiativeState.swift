public import WiecTally

/// The local initiatives of an edition as folded from their events.
public struct LocalInitiativeState: Sendable, Hashable {
    /// The council's criteria, once adopted.
    public var rules: LocalInitiativeRules?
    /// Applications by id.
    public var applications: [String: LocalApplication] = [:]
    /// Application ids in the order they were submitted (the order the `submission` tie-break uses).
    public var order: [String] = []

    /// No resolution and no application yet.
    public init() {}

    /// The applications that grew out of a resident initiative.
    public func applications(from initiative: InitiativeID) -> [LocalApplication] {
        order.compactMap { applications[$0] }.filter { $0.initiative == initiative }
    }
}

/// One official's score of an application on a criterion.
public struct CriterionScore: Sendable, Hashable {
    /// The criterion's id.
    public var criterion: String
    /// The points given.
    public var points: Int64
    /// Why.
    public var justification: String
    /// The official's opaque id.
    public var scorer: String
}

/// A local initiative application and everything that happened to it.
public struct LocalApplication: Sendable, Hashable {
    public var id: String
    public var applicant: LocalInitiativeApplicant
    public var title: String
    public var description: String
    /// The resident initiative it grew out of.
    public var initiative: InitiativeID?
    /// The contribution offered.
    public var contribution: Contribution
    /// What the gmina is asked to give.
    public var requestedFromGmina: Money
    public var submittedOn: CalendarDay
    /// The submitter's opaque id.
    public var submitter: String
    /// Every score, in the order given.
    public var scores: [CriterionScore] = []
    /// `nil` until decided.
    public var approved: Bool?
    public var decisionJustification: String?
    public var decidedOn: CalendarDay?
    /// The agreement, once signed.
    public var agreement: LocalAgreement?
    /// The progress records, oldest first.
    public var progress: [LocalProgress] = []

    /// The contribution given so far, added up over the progress records.
    public var contributionGiven: Contribution {
        progress.reduce(.none) { sum, record in
            Contribution(
                workHours: sum.workHours + record.contributionGiven.workHours,
                goodsAndServices: sum.goodsAndServices + record.contributionGiven.goodsAndServices,
                money: sum.money + record.contributionGiven.money)
        }
    }

    /// Whether a progress record marked the task completed.
    public var isCompleted: Bool { progress.contains { $0.completed } }
}

/// The agreement (umowa) on carrying out a local initiative.
public struct LocalAgreement: Sendable, Hashable {
    public var number: String
    public var signedOn: CalendarDay
    public var endsOn: CalendarDay
    /// What the gmina gives.
    public var gminaShare: Money
    /// What the applicants undertake to give.
    public var contribution: Contribution
}

/// One record of a task's progress.
public struct LocalProgress: Sendable, Hashable {
    public var on: CalendarDay
    public var note: String
    /// The contribution given since the previous record.
    public var contributionGiven: Contribution
    public var completed: Bool
}
