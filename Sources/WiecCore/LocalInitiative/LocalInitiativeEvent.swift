public import WiecTally

/// A fact about local initiatives in an edition's log. Its coding key is the entry's `type`.
public enum LocalInitiativeEvent: Sendable, Hashable, Codable {
    case localCriteriaAdopted(rules: LocalInitiativeRules)
    case localApplicationSubmitted(
        id: String, applicant: LocalInitiativeApplicant, title: String, description: String, initiative: InitiativeID?,
        contribution: Contribution, requestedFromGmina: Money, submittedOn: CalendarDay, submitter: String)
    case localApplicationScored(application: String, criterion: String, points: Int64, justification: String, scorer: String)
    case localApplicationDecided(application: String, approved: Bool, justification: String, decidedOn: CalendarDay)
    case localAgreementSigned(
        application: String, number: String, signedOn: CalendarDay, endsOn: CalendarDay, gminaShare: Money,
        contribution: Contribution)
    case localProgressRecorded(application: String, on: CalendarDay, note: String, contributionGiven: Contribution, completed: Bool)

    /// The entry types, as written in the log.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case localCriteriaAdopted = "local_criteria_adopted"
        case localApplicationSubmitted = "local_application_submitted"
        case localApplicationScored = "local_application_scored"
        case localApplicationDecided = "local_application_decided"
        case localAgreementSigned = "local_agreement_signed"
        case localProgressRecorded = "local_progress_recorded"
    }
}
