extension LocalInitiative {
    /// Applies one local initiative event; an event about an unknown application changes nothing.
    public static func evolve(_ state: inout EditionState, _ event: LocalInitiativeEvent) {
        switch event {
        case .localCriteriaAdopted(let rules):
            state.localInitiative.rules = rules
        case .localApplicationSubmitted(let id, let applicant, let title, let description, let initiative, let contribution, let requested, let submittedOn, let submitter):
            state.localInitiative.applications[id] = LocalApplication(
                id: id, applicant: applicant, title: title, description: description, initiative: initiative,
                contribution: contribution, requestedFromGmina: requested, submittedOn: submittedOn, submitter: submitter)
            state.localInitiative.order.append(id)
        case .localApplicationScored(let id, let criterion, let points, let justification, let scorer):
            state.localInitiative.applications[id]?.scores.append(
                CriterionScore(criterion: criterion, points: points, justification: justification, scorer: scorer))
        case .localApplicationDecided(let id, let approved, let justification, let decidedOn):
            state.localInitiative.applications[id]?.approved = approved
            state.localInitiative.applications[id]?.decidedOn = decidedOn
            state.localInitiative.applications[id]?.decisionJustification = justification
        case .localAgreementSigned(let id, let number, let signedOn, let endsOn, let gminaShare, let contribution):
            state.localInitiative.applications[id]?.agreement = LocalAgreement(
                number: number, signedOn: signedOn, endsOn: endsOn, gminaShare: gminaShare, contribution: contribution)
        case .localProgressRecorded(let id, let day, let note, let given, let completed):
            state.localInitiative.applications[id]?.progress.append(
                LocalProgress(on: day, note: note, contributionGiven: given, completed: completed))
        }
    }
}
