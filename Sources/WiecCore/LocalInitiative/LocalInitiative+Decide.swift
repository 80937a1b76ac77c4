import WiecTally

extension LocalInitiative {
    /// The largest weight, number of points, or number of work hours a command may carry.
    public static let maximumQuantity: Int64 = 1_000_000_000

    /// Checks a command against the council's criteria and the application's stage, and returns its events.
    ///
    /// - Parameters:
    ///   - state: The edition (a civic budget edition, where the workshops and initiatives are).
    ///   - command: What the actor asks.
    ///   - actor: Who asks.
    ///   - today: The day of recording (Europe/Warsaw); no act may be dated after it.
    /// - Returns: The events to append, never empty.
    /// - Throws: ``Refusal`` naming the rule broken.
    public static func decide(
        _ state: EditionState, _ command: LocalInitiativeCommand, by actor: Actor, on today: CalendarDay
    ) throws(Refusal) -> [LocalInitiativeEvent] {
        let local = state.localInitiative
        switch command {
        case .adoptCriteria(let rules):
            try DatedActChecks.officialOverEdition(actor)
            guard local.rules == nil else { throw Refusal(.alreadyDecided, "the criteria of \(state.id) are already adopted (\(local.rules!.resolution))") }
            guard !rules.resolution.isEmpty else { throw Refusal(.invalidValue, "the criteria need their resolution's number") }
            try DatedActChecks.notAfter(today, rules.adoptedOn, "the resolution")
            try validate(rules.criteria)
            return [.localCriteriaAdopted(rules: rules)]
        case .submitApplication(let id, let applicant, let title, let description, let initiative, let contribution, let requested, let submittedOn):
            guard actor.role == .resident || actor.role == .official else {
                throw Refusal(.notAllowed, "residents (or an official entering a paper application) apply, not a \(actor.role.rawValue)")
            }
            guard local.rules != nil else { throw Refusal(.outOfOrder, "applications are taken once the council's criteria are adopted") }
            guard !id.isEmpty, local.applications[id] == nil else { throw Refusal(.duplicateID, "application '\(id)' already exists or is empty") }
            guard !title.isEmpty else { throw Refusal(.invalidValue, "an application needs a title") }
            if case .organisation(let name) = applicant, name.isEmpty {
                throw Refusal(.invalidValue, "an application through an organisation names it")
            }
            if let initiative, state.initiatives[initiative] == nil { throw Refusal(.unknownInitiative, "no initiative \(initiative)") }
            try validate(contribution, "the contribution offered")
            guard !contribution.isEmpty else {
                throw Refusal(.invalidValue, "a local initiative carries the residents' own contribution: work, goods or services, or money (art. 19b)")
            }
            guard requested >= .zero else { throw Refusal(.invalidValue, "the amount asked of the gmina cannot be negative") }
            try DatedActChecks.notAfter(today, submittedOn, "the application")
            return [.localApplicationSubmitted(
                id: id, applicant: applicant, title: title, description: description, initiative: initiative,
                contribution: contribution, requestedFromGmina: requested, submittedOn: submittedOn, submitter: actor.id)]
        case .scoreApplication(let id, let criterionID, let points, let justification):
            guard actor.role == .official || actor.role == .reviewer else {
                throw Refusal(.notAllowed, "officials score applications, not a \(actor.role.rawValue)")
            }
            let application = try application(local, id)
            guard application.approved == nil else { throw Refusal(.alreadyDecided, "application \(id) is already decided") }
            guard let criterion = local.rules?.criteria.first(where: { $0.id == criterionID }) else {
                throw Refusal(.unknownCriterion, "the council's resolution has no criterion \(criterionID)")
            }
            guard (0...criterion.maxPoints).contains(points) else {
                throw Refusal(.pointsOutOfRange, "criterion \(criterionID) is scored 0 to \(criterion.maxPoints), not \(points)")
            }
            guard !justification.isEmpty else { throw Refusal(.invalidValue, "a score needs a written justification") }
            guard !application.scores.contains(where: { $0.criterion == criterionID && $0.scorer == actor.id }) else {
                throw Refusal(.alreadyScored, "\(actor.id) already scored \(id) on \(criterionID)")
            }
            return [.localApplicationScored(application: id, criterion: criterionID, points: points, justification: justification, scorer: actor.id)]
        case .decideApplication(let id, let approved, let justification, let decidedOn):
            try DatedActChecks.officialOverEdition(actor)
            let application = try application(local, id)
            guard application.approved == nil else { throw Refusal(.alreadyDecided, "application \(id) is already decided") }
            let unscored = (local.rules?.criteria ?? []).filter { criterion in !application.scores.contains { $0.criterion == criterion.id } }
            guard unscored.isEmpty else {
                throw Refusal(.outOfOrder, "application \(id) has no score yet on \(unscored.map(\.id).joined(separator: ", "))")
            }
            guard !justification.isEmpty else { throw Refusal(.invalidValue, "a decision needs a written justification") }
            try DatedActChecks.notAfter(today, decidedOn, "the decision")
            try DatedActChecks.notBefore(decidedOn, application.submittedOn, "the decision", "the application")
            return [.localApplicationDecided(application: id, approved: approved, justification: justification, decidedOn: decidedOn)]
        case .signAgreement(let id, let number, let signedOn, let endsOn, let gminaShare, let contribution):
            try DatedActChecks.officialOverEdition(actor)
            let application = try application(local, id)
            guard application.approved == true else { throw Refusal(.outOfOrder, "only an approved application gets an agreement; \(id) is not") }
            guard application.agreement == nil else { throw Refusal(.alreadyDecided, "application \(id) already has agreement \(application.agreement!.number)") }
            guard !number.isEmpty else { throw Refusal(.invalidValue, "an agreement needs its number") }
            try DatedActChecks.notAfter(today, signedOn, "the agreement")
            try DatedActChecks.notBefore(signedOn, application.decidedOn ?? application.submittedOn, "the agreement", "the decision")
            guard endsOn >= signedOn else { throw Refusal(.invalidValue, "the agreement ends (\(endsOn)) before it is signed (\(signedOn))") }
            guard gminaShare >= .zero else { throw Refusal(.invalidValue, "the gmina's share cannot be negative") }
            try validate(contribution, "the contribution agreed")
            return [.localAgreementSigned(
                application: id, number: number, signedOn: signedOn, endsOn: endsOn, gminaShare: gminaShare, contribution: contribution)]
        case .recordProgress(let id, let day, let note, let given, let completed):
            try DatedActChecks.officialOverEdition(actor)
            let application = try application(local, id)
            guard let agreement = application.agreement else { throw Refusal(.outOfOrder, "progress is recorded once the agreement on \(id) is signed") }
            guard !application.isCompleted else { throw Refusal(.alreadyDecided, "\(id) is already completed") }
            guard !note.isEmpty else { throw Refusal(.invalidValue, "a progress record says what was done") }
            try DatedActChecks.notAfter(today, day, "the progress record")
            try DatedActChecks.notBefore(day, agreement.signedOn, "the progress record", "the agreement")
            try validate(given, "the contribution given")
            let sum = application.contributionGiven
            guard sum.workHours + given.workHours <= maximumQuantity,
                sum.goodsAndServices.minorUnits + given.goodsAndServices.minorUnits <= Money.maximumContribution.minorUnits,
                sum.money.minorUnits + given.money.minorUnits <= Money.maximumContribution.minorUnits
            else { throw Refusal(.invalidValue, "the contribution given adds up to more than can be recorded") }
            return [.localProgressRecorded(application: id, on: day, note: note, contributionGiven: given, completed: completed)]
        }
    }

    private static func validate(_ criteria: [AssessmentCriterion]) throws(Refusal) {
        guard !criteria.isEmpty else { throw Refusal(.invalidValue, "the resolution names no criterion") }
        var ids = Set<String>()
        for criterion in criteria {
            guard !criterion.id.isEmpty, ids.insert(criterion.id).inserted else {
                throw Refusal(.invalidValue, "criterion ids must be present and distinct ('\(criterion.id)')")
            }
            guard !criterion.name.isEmpty else { throw Refusal(.invalidValue, "criterion \(criterion.id) needs a name") }
            guard (1...maximumQuantity).contains(criterion.weight) else {
                throw Refusal(.invalidValue, "criterion \(criterion.id): the weight is 1 to \(maximumQuantity), not \(criterion.weight)")
            }
            guard (1...maximumQuantity).contains(criterion.maxPoints) else {
                throw Refusal(.invalidValue, "criterion \(criterion.id): the scale's top is 1 to \(maximumQuantity), not \(criterion.maxPoints)")
            }
        }
        guard criteria.contains(where: \.measuresContribution) else {
            throw Refusal(.missingContributionCriterion, "the criteria must take in the residents' contribution, above all their social work (art. 19c ust. 1)")
        }
    }

    private static func validate(_ contribution: Contribution, _ what: String) throws(Refusal) {
        guard (0...maximumQuantity).contains(contribution.workHours),
            (Money.zero...Money.maximumContribution).contains(contribution.goodsAndServices),
            (Money.zero...Money.maximumContribution).contains(contribution.money)
        else {
            throw Refusal(.invalidValue, "\(what): hours 0 to \(maximumQuantity), amounts 0 to \(Money.maximumContribution)")
        }
    }

    private static func application(_ local: LocalInitiativeState, _ id: String) throws(Refusal) -> LocalApplication {
        guard let application = local.applications[id] else { throw Refusal(.unknownApplication, "no local initiative application \(id)") }
        return application
    }
}

extension Money {
    /// The largest amount a local initiative's contribution or share may state: 10 000 000 000,00 zł.
    static let maximumContribution = Money(minorUnits: 1_000_000_000_000)
}
