public import WiecTally

/// What an actor asks a village fund edition to do; ``VillageFund/decide(_:_:by:on:)`` turns it into
/// ``VillageFundEvent``s or refuses it.
public enum VillageFundCommand: Sendable, Hashable, Codable {
    /// Opens the fund's edition for a budget year with its dated rules (official, whole edition).
    case open(name: String, rules: VillageFundRules)
    /// Records the council's resolution on separating the fund (official, whole edition), art. 2.
    case recordResolution(number: String, adoptedOn: CalendarDay, consents: Bool)
    /// Announces each sołectwo's amount to the sołtysi (official, whole edition): the formula is
    /// applied to the revenue and residents here, so the log holds the inputs and the amounts.
    case announceAmounts(revenue: Money, residents: Int64, solectwa: [SolectwoInput], announcedOn: CalendarDay)
    /// Enters a village assembly from its minutes (the sołtys: an official or reviewer scoped to the sołectwo).
    case recordAssembly(VillageAssembly)
    /// Submits the sołectwo's application (wniosek) to the wójt: the assembly's adopted projects it
    /// names must fit the sołectwo's amount (the sołtys). `replaces` names a rejected application
    /// the sołectwo adopts again.
    case submitApplication(
        id: String, solectwo: String, assembly: String, projects: [String], submittedOn: CalendarDay, replaces: String?)
    /// The wójt accepts an application (official, whole edition).
    case acceptApplication(application: String, decidedOn: CalendarDay)
    /// The wójt rejects an application with its reasons, within the rules' days (official, whole edition).
    case rejectApplication(application: String, reasons: String, decidedOn: CalendarDay)
    /// The sołtys upholds a rejected application and refers it to the council through the wójt.
    case referToCouncil(application: String, referredOn: CalendarDay)
    /// The council decides a referred application; the wójt is bound by it (official, whole edition).
    case recordCouncilDecision(application: String, resolution: String, accepted: Bool, reasons: String, decidedOn: CalendarDay)
    /// Records what was carried out of one project of an accepted application (official, whole
    /// edition: the gmina carries the projects out in the budget year): what was done, the amount
    /// paid from the fund since the last record, and whether the project is complete.
    case recordExecution(application: String, project: String, on: CalendarDay, spent: Money, completed: Bool, note: String)
}
