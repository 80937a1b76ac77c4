extension VillageFund {
    /// Applies one fund event to an edition's state; an event about something unknown changes nothing.
    public static func evolve(_ state: inout EditionState, _ event: VillageFundEvent) {
        if case .fundOpened(let name, let rules) = event {
            state.name = name
            state.villageFund = VillageFundState(rules: rules)
            return
        }
        guard var fund = state.villageFund else { return }
        switch event {
        case .fundOpened:
            return
        case .fundResolutionRecorded(let number, let adoptedOn, let consents):
            fund.resolution = FundResolution(number: number, adoptedOn: adoptedOn, consents: consents)
        case .fundAmountsAnnounced(let revenue, let residents, let baseAmount, let cap, let shares, let announcedOn):
            fund.announcement = FundAnnouncement(
                revenue: revenue, residents: residents, baseAmount: baseAmount, cap: cap, shares: shares, announcedOn: announcedOn)
        case .fundAssemblyRecorded(let assembly):
            fund.assemblies[assembly.id] = assembly
        case .fundApplicationSubmitted(let id, let solectwo, let assembly, let projects, let cost, let submittedOn, let replaces):
            fund.applications[id] = FundApplication(
                id: id, solectwo: solectwo, assembly: assembly, projects: projects, cost: cost, submittedOn: submittedOn,
                replaces: replaces)
            fund.applicationOrder.append(id)
            if let replaces { fund.applications[replaces]?.status = .replaced }
        case .fundApplicationAccepted(let id, let decidedOn):
            fund.applications[id]?.status = .accepted
            fund.applications[id]?.decidedOn = decidedOn
        case .fundApplicationRejected(let id, let reasons, let decidedOn):
            fund.applications[id]?.status = .rejected
            fund.applications[id]?.decidedOn = decidedOn
            fund.applications[id]?.reasons = reasons
        case .fundApplicationReferred(let id, let referredOn):
            fund.applications[id]?.status = .referred
            fund.applications[id]?.decidedOn = referredOn
        case .fundCouncilDecided(let id, let resolution, let accepted, let reasons, let decidedOn):
            fund.applications[id]?.status = accepted ? .acceptedByCouncil : .rejectedByCouncil
            fund.applications[id]?.decidedOn = decidedOn
            fund.applications[id]?.reasons = reasons
            fund.applications[id]?.councilResolution = resolution
        case .fundExecutionRecorded(let id, let project, let day, let spent, let completed, let note):
            fund.applications[id]?.execution[project, default: ProjectExecution()].record(
                ExecutionRecord(on: day, spent: spent, completed: completed, note: note))
        }
        state.villageFund = fund
    }
}
