public import WiecTally

/// What an actor asks an edition about local initiatives (inicjatywa lokalna, art. 19b–19h of the
/// Act on public benefit activity and volunteering); ``LocalInitiative/decide(_:_:by:on:)`` decides it.
public enum LocalInitiativeCommand: Sendable, Hashable, Codable {
    /// Records the council's resolution fixing the criteria, weights, scale and tie-break (official, whole edition).
    case adoptCriteria(LocalInitiativeRules)
    /// Applies to carry out a public task together with the gmina (resident or official); `initiative`
    /// names the resident initiative it grew out of, which may also have become proposals.
    case submitApplication(
        id: String, applicant: LocalInitiativeApplicant, title: String, description: String, initiative: InitiativeID?,
        contribution: Contribution, requestedFromGmina: Money, submittedOn: CalendarDay)
    /// Scores one application on one criterion with a justification (official or reviewer; once per
    /// official, criterion and application).
    case scoreApplication(application: String, criterion: String, points: Int64, justification: String)
    /// Decides an application (official, whole edition), once every criterion has a score.
    case decideApplication(application: String, approved: Bool, justification: String, decidedOn: CalendarDay)
    /// Records the agreement (umowa o wykonanie inicjatywy lokalnej, art. 19e) of an approved application.
    case signAgreement(
        application: String, number: String, signedOn: CalendarDay, endsOn: CalendarDay, gminaShare: Money,
        contribution: Contribution)
    /// Records the task's progress and the contribution actually given since the last record.
    case recordProgress(application: String, on: CalendarDay, note: String, contributionGiven: Contribution, completed: Bool)
}
