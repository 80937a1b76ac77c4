import WiecTally

extension VillageFund {
    /// Checks a command against the fund's rules, its deadlines and the actor, and returns its events.
    ///
    /// - Parameters:
    ///   - state: The edition as it is now (not existing yet for ``VillageFundCommand/open(name:rules:)``).
    ///   - command: What the actor asks.
    ///   - actor: Who asks: an official over the whole edition for the wójt's and the council's acts,
    ///     the sołtys (an official or reviewer scoped to the sołectwo) for the assembly and the application.
    ///   - today: The day of recording (Europe/Warsaw); no act may be dated after it.
    /// - Returns: The events to append, never empty.
    /// - Throws: ``Refusal`` naming the rule broken; nothing is to be appended then.
    public static func decide(
        _ state: EditionState, _ command: VillageFundCommand, by actor: Actor, on today: CalendarDay
    ) throws(Refusal) -> [VillageFundEvent] {
        if case .open(let name, let rules) = command {
            try DatedActChecks.officialOverEdition(actor)
            guard !state.exists else { throw Refusal(.editionExists, "edition \(state.id) already exists") }
            guard !name.isEmpty else { throw Refusal(.invalidValue, "a village fund needs a name") }
            try validate(rules)
            return [.fundOpened(name: name, rules: rules)]
        }
        guard let fund = state.villageFund else {
            throw state.exists
                ? Refusal(.wrongEditionKind, "\(state.id) is a civic budget, not a village fund")
                : Refusal(.unknownEdition, "edition \(state.id) does not exist")
        }
        let rules = fund.rules
        switch command {
        case .open:
            throw Refusal(.editionExists, "edition \(state.id) already exists")
        case .recordResolution(let number, let adoptedOn, let consents):
            try DatedActChecks.officialOverEdition(actor)
            guard fund.resolution == nil else { throw Refusal(.alreadyDecided, "the council's resolution on the fund is already recorded") }
            guard !number.isEmpty else { throw Refusal(.invalidValue, "the resolution needs its number") }
            try DatedActChecks.notAfter(today, adoptedOn, "the resolution")
            guard adoptedOn <= rules.resolutionDeadline else {
                throw Refusal(.deadlinePassed, "a resolution on the \(rules.budgetYear) fund adopted after \(rules.resolutionDeadline) is void (art. 2 ust. 2); this one is of \(adoptedOn)")
            }
            // A consent holds for every following budget year (art. 2 ust. 3); a refusal only for the next one (ust. 4).
            guard consents || adoptedOn.year == rules.budgetYear - 1 else {
                throw Refusal(.invalidValue, "a resolution refusing the fund, adopted in \(adoptedOn.year), applies only to the budget year \(adoptedOn.year + 1), not \(rules.budgetYear) (art. 2 ust. 4)")
            }
            return [.fundResolutionRecorded(number: number, adoptedOn: adoptedOn, consents: consents)]
        case .announceAmounts(let revenue, let residents, let solectwa, let announcedOn):
            try DatedActChecks.officialOverEdition(actor)
            guard let resolution = fund.resolution, resolution.consents else {
                throw Refusal(.fundNotSeparated, "the council has not resolved to separate the fund for \(rules.budgetYear)")
            }
            guard fund.announcement == nil else { throw Refusal(.alreadyDecided, "the amounts are already announced") }
            try DatedActChecks.notAfter(today, announcedOn, "the announcement")
            guard announcedOn >= resolution.adoptedOn else {
                throw Refusal(.outOfOrder, "the amounts are announced after the resolution of \(resolution.adoptedOn), not on \(announcedOn)")
            }
            guard !solectwa.isEmpty else { throw Refusal(.invalidValue, "the announcement names no sołectwo") }
            let calculation = try VillageFundFormula.calculate(
                revenue: revenue, residents: residents, solectwa: solectwa.map { ($0.solectwo, $0.residents) },
                rounding: rules.rounding)
            var shares: [SolectwoShare] = []
            for (input, amount) in zip(solectwa, calculation.amounts) {
                guard input.addition >= .zero else {
                    throw Refusal(.invalidValue, "sołectwo \(input.solectwo): the gmina's addition cannot be negative")
                }
                guard case (_, false) = amount.amount.minorUnits.addingReportingOverflow(input.addition.minorUnits) else {
                    throw Refusal(.invalidValue, "sołectwo \(input.solectwo): the addition is too large to compute with")
                }
                shares.append(SolectwoShare(
                    solectwo: input.solectwo, residents: input.residents, formulaAmount: amount.amount, addition: input.addition,
                    additionBasis: input.addition > .zero ? input.additionBasis : nil))
            }
            return [.fundAmountsAnnounced(
                revenue: revenue, residents: residents, baseAmount: calculation.baseAmount, cap: calculation.cap,
                shares: shares, announcedOn: announcedOn)]
        case .recordAssembly(let assembly):
            try soltys(actor, of: assembly.solectwo)
            guard let announcement = fund.announcement else {
                throw Refusal(.outOfOrder, "assemblies are entered once the amounts are announced")
            }
            guard fund.share(of: assembly.solectwo) != nil else {
                throw Refusal(.unknownSolectwo, "the announcement of \(announcement.announcedOn) names no sołectwo \(assembly.solectwo)")
            }
            guard fund.assemblies[assembly.id] == nil else { throw Refusal(.duplicateID, "assembly \(assembly.id) already exists") }
            try DatedActChecks.notAfter(today, assembly.heldOn, "the assembly")
            try validate(assembly, rules)
            return [.fundAssemblyRecorded(assembly: assembly)]
        case .submitApplication(let id, let solectwo, let assemblyID, let projectIDs, let submittedOn, let replaces):
            try soltys(actor, of: solectwo)
            guard let share = fund.share(of: solectwo) else { throw Refusal(.unknownSolectwo, "no sołectwo \(solectwo) in the announcement") }
            guard fund.applications[id] == nil else { throw Refusal(.duplicateID, "application \(id) already exists") }
            guard let assembly = fund.assemblies[assemblyID], assembly.solectwo == solectwo else {
                throw Refusal(.unknownAssembly, "no assembly \(assemblyID) of sołectwo \(solectwo)")
            }
            try DatedActChecks.notAfter(today, submittedOn, "the application")
            guard submittedOn >= assembly.heldOn else {
                throw Refusal(.outOfOrder, "the application follows the assembly of \(assembly.heldOn); it cannot be dated \(submittedOn)")
            }
            if let replaces {
                guard let rejected = fund.applications[replaces], rejected.solectwo == solectwo else {
                    throw Refusal(.unknownApplication, "no application \(replaces) of sołectwo \(solectwo)")
                }
                guard rejected.status == .rejected, let rejectedOn = rejected.decidedOn else {
                    throw Refusal(.outOfOrder, "only an application the wójt rejected is adopted again; \(replaces) is \(rejected.status.rawValue)")
                }
                guard assembly.heldOn >= rejectedOn else {
                    throw Refusal(.outOfOrder, "adopting \(replaces) again takes an assembly held after its rejection of \(rejectedOn); \(assemblyID) was held on \(assembly.heldOn)")
                }
                let last = rejectedOn.adding(days: rules.responseDays)
                guard submittedOn <= last else {
                    throw Refusal(.deadlinePassed, "an application rejected on \(rejectedOn) is adopted again within \(rules.responseDays) days, by \(last); this one is of \(submittedOn)")
                }
            } else {
                guard submittedOn <= rules.applicationDeadline else {
                    throw Refusal(.deadlinePassed, "applications for the \(rules.budgetYear) fund reach the wójt by \(rules.applicationDeadline) (art. 5 ust. 1); this one is of \(submittedOn)")
                }
                if let live = fund.applications(of: solectwo).first(where: { $0.status != .replaced }) {
                    throw Refusal(.alreadyDecided, "sołectwo \(solectwo) already has application \(live.id) (\(live.status.rawValue))")
                }
            }
            let cost = try applicationCost(projectIDs, of: assembly)
            guard cost <= share.available else {
                throw Refusal(.overFundAmount, "the projects cost \(cost), more than sołectwo \(solectwo)'s \(share.available) by \(cost - share.available)")
            }
            return [.fundApplicationSubmitted(
                id: id, solectwo: solectwo, assembly: assemblyID, projects: projectIDs, cost: cost, submittedOn: submittedOn,
                replaces: replaces)]
        case .acceptApplication(let id, let decidedOn):
            try DatedActChecks.officialOverEdition(actor)
            let application = try application(fund, id, .submitted, "accepted")
            try DatedActChecks.notAfter(today, decidedOn, "the decision")
            try DatedActChecks.notBefore(decidedOn, application.submittedOn, "the wójt's decision", "the application")
            return [.fundApplicationAccepted(application: id, decidedOn: decidedOn)]
        case .rejectApplication(let id, let reasons, let decidedOn):
            try DatedActChecks.officialOverEdition(actor)
            let application = try application(fund, id, .submitted, "rejected")
            guard !reasons.isEmpty else { throw Refusal(.invalidValue, "a rejection states its reasons") }
            try DatedActChecks.notAfter(today, decidedOn, "the decision")
            try DatedActChecks.notBefore(decidedOn, application.submittedOn, "the wójt's decision", "the application")
            let last = application.submittedOn.adding(days: rules.rejectionDays)
            guard decidedOn <= last else {
                throw Refusal(.deadlinePassed, "the wójt rejects an application within \(rules.rejectionDays) days of receiving it, by \(last); this rejection is of \(decidedOn)")
            }
            return [.fundApplicationRejected(application: id, reasons: reasons, decidedOn: decidedOn)]
        case .referToCouncil(let id, let referredOn):
            guard let existing = fund.applications[id] else { throw Refusal(.unknownApplication, "no application \(id)") }
            try soltys(actor, of: existing.solectwo)
            let application = try application(fund, id, .rejected, "referred to the council")
            try DatedActChecks.notAfter(today, referredOn, "the referral")
            let rejectedOn = application.decidedOn ?? application.submittedOn
            try DatedActChecks.notBefore(referredOn, rejectedOn, "the referral", "the rejection")
            let last = rejectedOn.adding(days: rules.responseDays)
            guard referredOn <= last else {
                throw Refusal(.deadlinePassed, "the sołtys refers a rejected application to the council within \(rules.responseDays) days, by \(last); this referral is of \(referredOn)")
            }
            return [.fundApplicationReferred(application: id, referredOn: referredOn)]
        case .recordCouncilDecision(let id, let resolution, let accepted, let reasons, let decidedOn):
            try DatedActChecks.officialOverEdition(actor)
            let application = try application(fund, id, .referred, "decided by the council")
            guard !resolution.isEmpty else { throw Refusal(.invalidValue, "the council's decision needs its resolution's number") }
            guard !reasons.isEmpty else { throw Refusal(.invalidValue, "the council's decision states its reasons") }
            try DatedActChecks.notAfter(today, decidedOn, "the council's decision")
            let referredOn = application.decidedOn ?? application.submittedOn
            try DatedActChecks.notBefore(decidedOn, referredOn, "the council's decision", "the referral")
            let last = referredOn.adding(days: rules.councilDays)
            guard decidedOn <= last else {
                throw Refusal(.deadlinePassed, "the council decides a referred application within \(rules.councilDays) days, by \(last); this decision is of \(decidedOn)")
            }
            return [.fundCouncilDecided(application: id, resolution: resolution, accepted: accepted, reasons: reasons, decidedOn: decidedOn)]
        case .recordExecution(let id, let projectID, let day, let spent, let completed, let note):
            try DatedActChecks.officialOverEdition(actor)
            try checkExecution(fund, id, projectID, day, spent, note: note, today: today)
            return [.fundExecutionRecorded(application: id, project: projectID, on: day, spent: spent, completed: completed, note: note)]
        }
    }

    /// Checks a record of what was carried out: an accepted application's project not yet
    /// complete, dated in the budget year after the decision, and the fund's money paid for the
    /// application's projects never more than the sołectwo's amount.
    private static func checkExecution(
        _ fund: VillageFundState, _ id: String, _ projectID: String, _ day: CalendarDay, _ spent: Money, note: String, today: CalendarDay
    ) throws(Refusal) {
        guard let application = fund.applications[id] else { throw Refusal(.unknownApplication, "no application \(id)") }
        guard application.isAccepted else {
            throw Refusal(.outOfOrder, "only an accepted application's projects are carried out; \(id) is \(application.status.rawValue)")
        }
        guard application.projects.contains(projectID) else { throw Refusal(.unknownProject, "application \(id) names no project \(projectID)") }
        if let done = application.execution[projectID]?.completedOn {
            throw Refusal(.alreadyDecided, "project \(projectID) was recorded complete on \(done)")
        }
        guard !note.isEmpty else { throw Refusal(.invalidValue, "a record of what was carried out says what was done") }
        try Bounds.amount(spent, "the amount paid for \(projectID)")
        try DatedActChecks.notAfter(today, day, "the record")
        try DatedActChecks.notBefore(day, application.decidedOn ?? application.submittedOn, "the record", "the decision")
        guard day.year == fund.rules.budgetYear else {
            throw Refusal(.outOfOrder, "the \(fund.rules.budgetYear) fund's projects are carried out in \(fund.rules.budgetYear), not on \(day)")
        }
        let available = fund.share(of: application.solectwo)?.available ?? .zero
        guard let paid = application.spent, let total = Bounds.sum([paid, spent]), total <= available else {
            throw Refusal(.overFundAmount, "sołectwo \(application.solectwo) has \(available) from the fund; \(id)'s projects would have cost it more")
        }
    }

    /// The budget years a fund may be opened for: the Act of 21 February 2014 first applies to
    /// 2015, and every deadline (in the year before) stays a day of the calendar.
    public static let budgetYears = 2015...9999

    /// The largest attendance an assembly's minutes may state.
    public static let maximumAttendance = 1_000_000

    private static func validate(_ rules: VillageFundRules) throws(Refusal) {
        guard budgetYears.contains(rules.budgetYear) else {
            throw Refusal(.invalidValue, "the budget year is \(budgetYears.lowerBound) to \(budgetYears.upperBound) (the Act of 21 February 2014 applies from 2015), not \(rules.budgetYear)")
        }
        for (days, name) in [(rules.rejectionDays, "rejection"), (rules.responseDays, "response"), (rules.councilDays, "council")] {
            guard (0...366).contains(days) else { throw Refusal(.invalidValue, "the \(name) period is 0 to 366 days, not \(days)") }
        }
        guard rules.minimumInitiators >= 1 else { throw Refusal(.invalidValue, "at least one resident must be able to call an assembly") }
        guard rules.resolutionDeadline <= rules.announcementDeadline, rules.announcementDeadline <= rules.applicationDeadline else {
            throw Refusal(.invalidValue, "the deadlines run resolution, announcement, application, in that order")
        }
    }

    private static func validate(_ assembly: VillageAssembly, _ rules: VillageFundRules) throws(Refusal) {
        if case .residents(let count) = assembly.convener, count < rules.minimumInitiators {
            throw Refusal(.tooFewInitiators, "an assembly called by residents needs at least \(rules.minimumInitiators) adult residents' initiative (art. 5 ust. 2), not \(count)")
        }
        guard (0...maximumAttendance).contains(assembly.attendance) else {
            throw Refusal(.invalidValue, "assembly \(assembly.id): the attendance is 0 to \(maximumAttendance), not \(assembly.attendance)")
        }
        guard !assembly.projects.isEmpty else { throw Refusal(.invalidValue, "assembly \(assembly.id) proposed no project") }
        var ids = Set<String>()
        for project in assembly.projects {
            guard !project.id.isEmpty, ids.insert(project.id).inserted else {
                throw Refusal(.invalidValue, "assembly \(assembly.id): project ids must be present and distinct ('\(project.id)')")
            }
            guard project.costEstimate > .zero else { throw Refusal(.invalidValue, "project \(project.id): the cost estimate must be positive") }
            guard !project.title.isEmpty else { throw Refusal(.invalidValue, "project \(project.id) needs a title") }
            guard !project.justification.isEmpty else { throw Refusal(.invalidValue, "project \(project.id) needs a justification") }
            let votes = project.votes
            guard votes.inFavour >= 0, votes.against >= 0, votes.abstaining >= 0 else {
                throw Refusal(.invalidValue, "project \(project.id): a vote count cannot be negative")
            }
            // Each count is checked against the attendance first, so their sum cannot overflow.
            guard votes.inFavour <= assembly.attendance, votes.against <= assembly.attendance,
                votes.abstaining <= assembly.attendance,
                votes.inFavour + votes.against + votes.abstaining <= assembly.attendance
            else {
                throw Refusal(.invalidValue, "project \(project.id): the votes add up to more than the \(assembly.attendance) residents who attended")
            }
        }
    }

    /// The projects' costs added up, each one adopted by the assembly.
    private static func applicationCost(_ ids: [String], of assembly: VillageAssembly) throws(Refusal) -> Money {
        guard !ids.isEmpty else { throw Refusal(.invalidValue, "an application names at least one project") }
        var seen = Set<String>()
        var total: Int64 = 0
        for id in ids {
            guard let project = assembly.projects.first(where: { $0.id == id }) else {
                throw Refusal(.unknownProject, "assembly \(assembly.id) proposed no project \(id)")
            }
            guard seen.insert(id).inserted else { throw Refusal(.duplicateProject, "the application names \(id) twice") }
            guard project.votes.adopted else {
                let votes = project.votes
                throw Refusal(.notAdopted, "the assembly did not adopt \(id): \(votes.inFavour) for, \(votes.against) against, \(votes.abstaining) abstaining")
            }
            let (sum, overflow) = total.addingReportingOverflow(project.costEstimate.minorUnits)
            guard !overflow else { throw Refusal(.invalidValue, "the projects' costs add up to more than can be computed with") }
            total = sum
        }
        return Money(minorUnits: total)
    }

    private static func application(
        _ fund: VillageFundState, _ id: String, _ status: FundApplicationStatus, _ what: String
    ) throws(Refusal) -> FundApplication {
        guard let application = fund.applications[id] else { throw Refusal(.unknownApplication, "no application \(id)") }
        guard application.status == status else {
            throw Refusal(.outOfOrder, "application \(id) is \(application.status.rawValue); only a \(status.rawValue) one is \(what)")
        }
        return application
    }

    private static func soltys(_ actor: Actor, of solectwo: String) throws(Refusal) {
        guard actor.role == .official || actor.role == .reviewer else {
            throw Refusal(.notAllowed, "the sołtys (an official or reviewer of the sołectwo) does this, not a \(actor.role.rawValue)")
        }
        guard actor.covers(solectwo) else { throw Refusal(.notInScope, "\(actor.role.rawValue) \(actor.id) has no scope over sołectwo \(solectwo)") }
    }
}
