public import WiecTally

/// A fact in a village fund's log. Its coding key is the entry's `type`.
public enum VillageFundEvent: Sendable, Hashable, Codable {
    case fundOpened(name: String, rules: VillageFundRules)
    case fundResolutionRecorded(number: String, adoptedOn: CalendarDay, consents: Bool)
    case fundAmountsAnnounced(
        revenue: Money, residents: Int64, baseAmount: Money, cap: Money, shares: [SolectwoShare], announcedOn: CalendarDay)
    case fundAssemblyRecorded(assembly: VillageAssembly)
    case fundApplicationSubmitted(
        id: String, solectwo: String, assembly: String, projects: [String], cost: Money, submittedOn: CalendarDay,
        replaces: String?)
    case fundApplicationAccepted(application: String, decidedOn: CalendarDay)
    case fundApplicationRejected(application: String, reasons: String, decidedOn: CalendarDay)
    case fundApplicationReferred(application: String, referredOn: CalendarDay)
    case fundCouncilDecided(application: String, resolution: String, accepted: Bool, reasons: String, decidedOn: CalendarDay)
    case fundExecutionRecorded(application: String, project: String, on: CalendarDay, spent: Money, completed: Bool, note: String)

    /// The entry types, as written in the log.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case fundOpened = "fund_opened"
        case fundResolutionRecorded = "fund_resolution_recorded"
        case fundAmountsAnnounced = "fund_amounts_announced"
        case fundAssemblyRecorded = "fund_assembly_recorded"
        case fundApplicationSubmitted = "fund_application_submitted"
        case fundApplicationAccepted = "fund_application_accepted"
        case fundApplicationRejected = "fund_application_rejected"
        case fundApplicationReferred = "fund_application_referred"
        case fundCouncilDecided = "fund_council_decided"
        case fundExecutionRecorded = "fund_execution_recorded"
    }
}
