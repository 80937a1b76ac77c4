import WiecCore

/// A village fund as the API shows it: its rules and deadlines, the announced amounts, and every
/// sołectwo's status against the deadlines, its assemblies and its applications.
struct VillageFundView: Codable, Sendable {
    struct Deadlines: Codable, Sendable {
        var resolution: CalendarDay
        var announcement: CalendarDay
        var application: CalendarDay
        var rejectionDays: Int
        var responseDays: Int
        var councilDays: Int

        enum CodingKeys: String, CodingKey {
            case resolution, announcement, application, rejectionDays = "rejection_days", responseDays = "response_days"
            case councilDays = "council_days"
        }
    }

    struct Resolution: Codable, Sendable {
        var number: String
        var adoptedOn: CalendarDay
        var consents: Bool

        enum CodingKeys: String, CodingKey { case number, adoptedOn = "adopted_on", consents }
    }

    struct Announcement: Codable, Sendable {
        var revenue: Amount
        var residents: Int64
        var baseAmount: Amount
        var cap: Amount
        var announcedOn: CalendarDay
        var late: Bool

        enum CodingKeys: String, CodingKey {
            case revenue, residents, baseAmount = "base_amount", cap, announcedOn = "announced_on", late
        }
    }

    struct Solectwo: Codable, Sendable {
        var solectwo: String
        var residents: Int64
        var formulaAmount: Amount
        var addition: Amount
        var additionBasis: String?
        var available: Amount
        var status: String
        var application: String?
        var nextDeadline: CalendarDay?

        enum CodingKeys: String, CodingKey {
            case solectwo, residents, formulaAmount = "formula_amount", addition, additionBasis = "addition_basis", available
            case status, application, nextDeadline = "next_deadline"
        }
    }

    struct Project: Codable, Sendable {
        var id: String
        var title: String
        var costEstimate: Amount
        var justification: String
        var votes: AssemblyVotes
        var adopted: Bool

        enum CodingKeys: String, CodingKey { case id, title, costEstimate = "cost_estimate", justification, votes, adopted }
    }

    struct Assembly: Codable, Sendable {
        var id: String
        var solectwo: String
        var convener: String
        var initiators: Int?
        var heldOn: CalendarDay
        var attendance: Int
        var projects: [Project]

        enum CodingKeys: String, CodingKey { case id, solectwo, convener, initiators, heldOn = "held_on", attendance, projects }
    }

    struct Execution: Codable, Sendable {
        struct Record: Codable, Sendable {
            var on: CalendarDay
            var spent: Amount
            var completed: Bool
            var note: String
        }

        var project: String
        var spent: Amount
        var completedOn: CalendarDay?
        var records: [Record]

        enum CodingKeys: String, CodingKey { case project, spent, completedOn = "completed_on", records }
    }

    struct Application: Codable, Sendable {
        var id: String
        var solectwo: String
        var assembly: String
        var projects: [String]
        var cost: Amount
        var submittedOn: CalendarDay
        var replaces: String?
        var status: FundApplicationStatus
        var decidedOn: CalendarDay?
        var reasons: String?
        var councilResolution: String?
        var spent: Amount
        var execution: [Execution]

        enum CodingKeys: String, CodingKey {
            case id, solectwo, assembly, projects, cost, submittedOn = "submitted_on", replaces, status, decidedOn = "decided_on"
            case reasons, councilResolution = "council_resolution", spent, execution
        }
    }

    var id: String
    var name: String
    var budgetYear: Int
    var rounding: VillageFundRounding
    var minimumInitiators: Int
    var deadlines: Deadlines
    var resolution: Resolution?
    var announcement: Announcement?
    var solectwa: [Solectwo]
    var assemblies: [Assembly]
    var applications: [Application]

    enum CodingKeys: String, CodingKey {
        case id, name, budgetYear = "budget_year", rounding, minimumInitiators = "minimum_initiators", deadlines, resolution
        case announcement, solectwa, assemblies, applications
    }

    init(_ state: EditionState, _ fund: VillageFundState) {
        let rules = fund.rules
        id = state.id
        name = state.name ?? ""
        budgetYear = rules.budgetYear
        rounding = rules.rounding
        minimumInitiators = rules.minimumInitiators
        deadlines = Deadlines(
            resolution: rules.resolutionDeadline, announcement: rules.announcementDeadline, application: rules.applicationDeadline,
            rejectionDays: rules.rejectionDays, responseDays: rules.responseDays, councilDays: rules.councilDays)
        resolution = fund.resolution.map { Resolution(number: $0.number, adoptedOn: $0.adoptedOn, consents: $0.consents) }
        announcement = fund.announcement.map {
            Announcement(
                revenue: Amount($0.revenue), residents: $0.residents, baseAmount: Amount($0.baseAmount), cap: Amount($0.cap),
                announcedOn: $0.announcedOn, late: fund.announcedLate)
        }
        let statuses = Dictionary(uniqueKeysWithValues: fund.statuses.map { ($0.solectwo, $0) })
        solectwa = (fund.announcement?.shares ?? []).map { share in
            let status = statuses[share.solectwo]
            return Solectwo(
                solectwo: share.solectwo, residents: share.residents, formulaAmount: Amount(share.formulaAmount),
                addition: Amount(share.addition), additionBasis: share.additionBasis, available: Amount(share.available),
                status: status?.application?.status.rawValue ?? "no_application", application: status?.application?.id,
                nextDeadline: status?.nextDeadline)
        }
        assemblies = fund.assemblies.values.sorted { ($0.heldOn, $0.id) < ($1.heldOn, $1.id) }.map { assembly in
            let (convener, initiators): (String, Int?) =
                switch assembly.convener {
                case .soltys: ("soltys", nil)
                case .radaSolecka: ("rada_solecka", nil)
                case .residents(let count): ("residents", count)
                }
            return Assembly(
                id: assembly.id, solectwo: assembly.solectwo, convener: convener, initiators: initiators, heldOn: assembly.heldOn,
                attendance: assembly.attendance,
                projects: assembly.projects.map {
                    Project(id: $0.id, title: $0.title, costEstimate: Amount($0.costEstimate), justification: $0.justification, votes: $0.votes, adopted: $0.votes.adopted)
                })
        }
        applications = fund.applicationOrder.compactMap { fund.applications[$0] }.map { application in
            Application(
                id: application.id, solectwo: application.solectwo, assembly: application.assembly, projects: application.projects,
                cost: Amount(application.cost), submittedOn: application.submittedOn, replaces: application.replaces, status: application.status,
                decidedOn: application.decidedOn, reasons: application.reasons, councilResolution: application.councilResolution,
                spent: Amount(application.spent ?? .zero),
                execution: application.projects.compactMap { project in
                    application.execution[project].map { done in
                        Execution(
                            project: project, spent: Amount(done.spent), completedOn: done.completedOn,
                            records: done.records.map { Execution.Record(on: $0.on, spent: Amount($0.spent), completed: $0.completed, note: $0.note) })
                    }
                })
        }
    }
}
