public import WiecTally

/// A village fund edition as folded from its events.
public struct VillageFundState: Sendable, Hashable {
    /// The rules it was opened with.
    public var rules: VillageFundRules
    /// The council's resolution on separating the fund, once recorded.
    public var resolution: FundResolution?
    /// The announcement of the amounts, once made.
    public var announcement: FundAnnouncement?
    /// The assemblies by id.
    public var assemblies: [String: VillageAssembly] = [:]
    /// The applications by id.
    public var applications: [String: FundApplication] = [:]
    /// Application ids in the order they were submitted.
    public var applicationOrder: [String] = []

    /// The state of a fund just opened.
    public init(rules: VillageFundRules) {
        self.rules = rules
    }

    /// The announced share of a sołectwo.
    public func share(of solectwo: String) -> SolectwoShare? {
        announcement?.shares.first { $0.solectwo == solectwo }
    }

    /// A sołectwo's applications, oldest first.
    public func applications(of solectwo: String) -> [FundApplication] {
        applicationOrder.compactMap { applications[$0] }.filter { $0.solectwo == solectwo }
    }
}

/// The council's resolution on separating the fund.
public struct FundResolution: Sendable, Hashable {
    /// Its number, e.g. `XXXIII/236/2014`.
    public var number: String
    /// The day it was adopted.
    public var adoptedOn: CalendarDay
    /// Whether the council consents to separating the fund.
    public var consents: Bool
}

/// The wójt's announcement of the amounts.
public struct FundAnnouncement: Sendable, Hashable {
    /// The executed current revenues the formula used.
    public var revenue: Money
    /// The gmina's residents the formula used.
    public var residents: Int64
    /// `Kb`, rounded to the grosz.
    public var baseAmount: Money
    /// `10 × Kb`, rounded down to the rules' unit.
    public var cap: Money
    /// Each sołectwo's share.
    public var shares: [SolectwoShare]
    /// The day the sołtysi were told.
    public var announcedOn: CalendarDay
}

/// Where a sołectwo's application stands.
public enum FundApplicationStatus: String, Sendable, Hashable, Codable {
    /// With the wójt.
    case submitted
    /// Accepted by the wójt.
    case accepted
    /// Rejected by the wójt; the sołectwo may adopt it again or the sołtys refer it to the council.
    case rejected
    /// Referred to the council.
    case referred
    /// Accepted by the council's decision.
    case acceptedByCouncil = "accepted_by_council"
    /// Rejected by the council's decision.
    case rejectedByCouncil = "rejected_by_council"
    /// Replaced by an application the sołectwo adopted again.
    case replaced
}

/// A sołectwo's application (wniosek) and what became of it.
public struct FundApplication: Sendable, Hashable {
    /// Its id.
    public var id: String
    /// The sołectwo.
    public var solectwo: String
    /// The assembly that adopted it.
    public var assembly: String
    /// The assembly's projects it names.
    public var projects: [String]
    /// Their cost estimates added up.
    public var cost: Money
    /// The day the wójt received it.
    public var submittedOn: CalendarDay
    /// The rejected application it replaces, if any.
    public var replaces: String?
    /// Where it stands.
    public var status: FundApplicationStatus = .submitted
    /// The day of the latest decision on it (the wójt's, the referral, or the council's).
    public var decidedOn: CalendarDay?
    /// The reasons of a rejection, or of the council's decision.
    public var reasons: String?
    /// The council's resolution, when the council decided it.
    public var councilResolution: String?
    /// What was carried out of each of its projects, by project id, once it is accepted.
    public var execution: [String: ProjectExecution] = [:]

    /// Whether it stands accepted, by the wójt or by the council's decision, so its projects are carried out.
    public var isAccepted: Bool { status == .accepted || status == .acceptedByCouncil }

    /// The amount paid from the fund for its projects so far; `nil` if it cannot be computed with.
    public var spent: Money? { Bounds.sum(execution.values.map(\.spent)) }
}
