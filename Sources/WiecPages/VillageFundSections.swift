import WiecCore
import WiecTally

/// What residents and officials alike read of a village fund (fundusz sołecki): its dated
/// rules, the formula worked through with the announced figures, every sołectwo's amount and
/// the status of its application against the deadlines, and one sołectwo's assemblies (with
/// the votes from the minutes) and applications. Both sites build their pages from these
/// sections, so a resident reads exactly what the official sees.
struct VillageFundSections {
    let renderer: PageRenderer
    let page: PageRequest
    let state: EditionState
    let fund: VillageFundState
    /// The path of the site's fund page (`/fundusze/ID` or `/panel/fundusze/ID`).
    let base: String

    private var language: Language { page.language }
    private func t(_ key: String, _ arguments: [String: String] = [:]) -> String { renderer.text(key, page, arguments) }
    private func money(_ amount: Money) -> String { PolishFormat.money(amount, language) }
    private func day(_ day: CalendarDay) -> String { PolishFormat.day(day, language) }
    private func number(_ value: Int64) -> String { PolishFormat.number(value, language) }

    /// The path of a sołectwo's page: its place in the announcement, since names hold spaces and
    /// Polish letters.
    static func solectwoPath(_ fund: VillageFundState, base: String, _ solectwo: String) -> String? {
        fund.announcement?.shares.firstIndex { $0.solectwo == solectwo }.map { "\(base)/solectwa/\($0 + 1)" }
    }

    /// The sołectwo a page's path names by its place in the announcement.
    static func share(_ fund: VillageFundState, at number: String) -> SolectwoShare? {
        guard let shares = fund.announcement?.shares, let index = Int(number), (1...shares.count).contains(index) else { return nil }
        return shares[index - 1]
    }

    /// The budget year, the council's resolution, the announcement and the deadlines of the Act.
    var rules: StaffPage.Section {
        let rules = fund.rules
        let resolution = fund.resolution.map { resolution in
            t(resolution.consents ? "fund_resolution_consents" : "fund_resolution_refuses", ["number": resolution.number, "day": day(resolution.adoptedOn)])
        } ?? t("fund_resolution_none", ["day": day(rules.resolutionDeadline)])
        let announcement = fund.announcement.map { announcement in
            t(fund.announcedLate ? "fund_announced_late" : "fund_announced", ["day": day(announcement.announcedOn), "deadline": day(rules.announcementDeadline)])
        } ?? t("fund_announcement_none", ["day": day(rules.announcementDeadline)])
        return StaffPage.Section(
            title: t("fund_rules_title"), paragraphs: [t("fund_rules_lead")],
            facts: [
                Fact(term: t("fund_budget_year"), value: String(rules.budgetYear)),
                Fact(term: t("fund_resolution"), value: resolution),
                Fact(term: t("fund_announcement"), value: announcement),
                Fact(term: t("fund_application_deadline"), value: t("fund_application_deadline_value", ["day": day(rules.applicationDeadline)])),
                Fact(term: t("fund_decision_periods"), value: t("fund_decision_periods_value", [
                    "rejection": String(rules.rejectionDays), "response": String(rules.responseDays), "council": String(rules.councilDays),
                ])),
                Fact(term: t("fund_initiators"), value: t("fund_initiators_value", ["count": String(rules.minimumInitiators)])),
            ],
            anchor: "zasady")
    }

    /// The formula of art. 3 ust. 1 worked through with the announced revenue and residents.
    var formula: StaffPage.Section? {
        guard let announcement = fund.announcement else { return nil }
        let exact = Rational(BigInt(announcement.revenue.minorUnits), BigInt(announcement.residents) * Int64(100))
        return StaffPage.Section(
            title: t("fund_formula_title"),
            paragraphs: [
                t("fund_formula_rule"),
                t("fund_formula_kb", [
                    "revenue": money(announcement.revenue), "residents": number(announcement.residents),
                    "exact": decimal(exact.decimal(places: 6)), "kb": money(announcement.baseAmount),
                ]),
                t("fund_formula_cap", ["cap": money(announcement.cap)]),
                t("fund_formula_rounding_" + fund.rules.rounding.rawValue),
                t("fund_formula_addition"),
            ],
            anchor: "wzor")
    }

    /// Every sołectwo: `Lm`, the formula's product, the amount, the gmina's addition, the status
    /// of its application and the last day of its next step.
    var solectwa: StaffPage.Section {
        guard let announcement = fund.announcement else {
            return StaffPage.Section(title: t("fund_solectwa_title"), paragraphs: [t("fund_solectwa_none")], anchor: "solectwa")
        }
        let calculation = try? VillageFundFormula.calculate(
            revenue: announcement.revenue, residents: announcement.residents,
            solectwa: announcement.shares.map { ($0.solectwo, $0.residents) }, rounding: fund.rules.rounding)
        let statuses = Dictionary(fund.statuses.map { ($0.solectwo, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = announcement.shares.enumerated().map { index, share in
            let step = calculation.map { calculation in
                let item = calculation.amounts[index]
                let product = t("fund_formula_product", [
                    "factor": decimal(Self.hundredths(200 + item.residents)), "kb": money(announcement.baseAmount),
                    "exact": decimal(Self.tenThousandths(item.exactHundredths)),
                ])
                return item.capped ? product + " " + t("fund_capped") : product
            } ?? ""
            let status = statuses[share.solectwo]
            return StaffPage.Row(cells: [
                StaffPage.Cell(text: share.solectwo, href: Self.solectwoPath(fund, base: base, share.solectwo)),
                StaffPage.Cell(text: number(share.residents), numeric: true),
                StaffPage.Cell(text: step),
                StaffPage.Cell(text: money(share.formulaAmount), numeric: true),
                StaffPage.Cell(text: addition(share), numeric: true),
                StaffPage.Cell(text: money(share.available), numeric: true),
                StaffPage.Cell(text: statusText(status?.application)),
                StaffPage.Cell(text: status?.nextDeadline.map(day) ?? "–"),
            ])
        }
        let total = announcement.shares.reduce(Int64(0)) { sum, share in
            let (next, overflow) = sum.addingReportingOverflow(share.available.minorUnits)
            return overflow ? Int64.max : next
        }
        return StaffPage.Section(
            title: t("fund_solectwa_title"), paragraphs: [t("fund_solectwa_total", ["total": money(Money(minorUnits: total))])],
            table: StaffPage.Table(
                caption: t("fund_solectwa_title"),
                headers: [
                    t("fund_solectwo"), t("fund_lm"), t("fund_formula_column"), t("fund_formula_amount"), t("fund_addition"), t("fund_available"),
                    t("fund_application_status"), t("fund_next_deadline"),
                ],
                rows: rows, empty: t("fund_solectwa_none")),
            anchor: "solectwa")
    }

    /// One sołectwo's amount, the status of its application and its next deadline.
    func share(_ share: SolectwoShare) -> StaffPage.Section {
        let status = fund.statuses.first { $0.solectwo == share.solectwo }
        var facts = [
            Fact(term: t("fund_lm"), value: number(share.residents)),
            Fact(term: t("fund_formula_amount"), value: money(share.formulaAmount)),
            Fact(term: t("fund_addition"), value: addition(share)),
            Fact(term: t("fund_available"), value: money(share.available)),
            Fact(term: t("fund_application_status"), value: statusText(status?.application)),
        ]
        if let next = status?.nextDeadline { facts.append(Fact(term: t("fund_next_deadline"), value: day(next))) }
        return StaffPage.Section(title: t("fund_share_title"), facts: facts, links: [Link(href: base + "#solectwa", label: t("fund_back_to_fund"))], anchor: "kwota")
    }

    /// Each assembly of a sołectwo as its minutes record it: who called it, the day, the
    /// attendance, and every project with its cost estimate, justification and votes.
    func assemblies(of solectwo: String) -> [StaffPage.Section] {
        let held = fund.assemblies.values.filter { $0.solectwo == solectwo }.sorted { ($0.heldOn, $0.id) < ($1.heldOn, $1.id) }
        guard !held.isEmpty else { return [StaffPage.Section(title: t("fund_assemblies_title"), paragraphs: [t("fund_assemblies_none")], anchor: "zebrania")] }
        return held.map { assembly in
            let rows = assembly.projects.map { project in
                StaffPage.Row(cells: [
                    StaffPage.Cell(text: project.id), StaffPage.Cell(text: project.title),
                    StaffPage.Cell(text: money(project.costEstimate), numeric: true),
                    StaffPage.Cell(text: String(project.votes.inFavour), numeric: true), StaffPage.Cell(text: String(project.votes.against), numeric: true),
                    StaffPage.Cell(text: String(project.votes.abstaining), numeric: true),
                    StaffPage.Cell(text: t(project.votes.adopted ? "fund_adopted" : "fund_not_adopted")),
                    StaffPage.Cell(text: project.justification),
                ])
            }
            return StaffPage.Section(
                title: t("fund_assembly_title", ["day": day(assembly.heldOn)]),
                facts: [
                    Fact(term: t("fund_assembly_id"), value: assembly.id),
                    Fact(term: t("fund_convener"), value: convener(assembly.convener)),
                    Fact(term: t("fund_attendance"), value: PolishFormat.number(assembly.attendance, language)),
                ],
                table: StaffPage.Table(
                    caption: t("fund_assembly_projects", ["day": day(assembly.heldOn)]),
                    headers: [
                        t("fund_project_id"), t("fund_project"), t("fund_cost_estimate"), t("fund_votes_for"), t("fund_votes_against"),
                        t("fund_votes_abstaining"), t("fund_adopted_column"), t("fund_justification"),
                    ],
                    rows: rows, empty: ""),
                anchor: "zebranie-" + assembly.id)
        }
    }

    /// Each application of a sołectwo, oldest first: its projects and cost, and what became of it.
    /// - Parameter link: The path of an application's own page, when the site has one.
    func applications(of solectwo: String, link: ((FundApplication) -> String)? = nil) -> StaffPage.Section {
        let rows = fund.applications(of: solectwo).map { application in
            StaffPage.Row(cells: [
                StaffPage.Cell(text: application.id, href: link?(application)),
                StaffPage.Cell(text: projectTitles(application)),
                StaffPage.Cell(text: money(application.cost), numeric: true),
                StaffPage.Cell(text: day(application.submittedOn)),
                StaffPage.Cell(text: statusText(application)),
                StaffPage.Cell(text: decisionText(application)),
            ])
        }
        return StaffPage.Section(
            title: t("fund_applications_title"),
            table: StaffPage.Table(
                caption: t("fund_applications_title"),
                headers: [t("fund_application"), t("fund_projects"), t("fund_cost"), t("fund_submitted_on"), t("fund_application_status"), t("fund_decision")],
                rows: rows, empty: t("fund_applications_none")),
            anchor: "wnioski")
    }

    /// What was carried out of the projects of a sołectwo's accepted applications: the amount
    /// paid from the fund, whether each is complete, and what was done; `nil` before any is accepted.
    func execution(of solectwo: String) -> StaffPage.Section? {
        let accepted = fund.applications(of: solectwo).filter(\.isAccepted)
        guard !accepted.isEmpty else { return nil }
        let available = fund.share(of: solectwo)?.available ?? .zero
        let rows = accepted.flatMap { application in
            let projects = fund.assemblies[application.assembly]?.projects ?? []
            return application.projects.map { id in
                let done = application.execution[id]
                return StaffPage.Row(cells: [
                    StaffPage.Cell(text: projects.first { $0.id == id }?.title ?? id),
                    StaffPage.Cell(text: money(done?.spent ?? .zero), numeric: true),
                    StaffPage.Cell(text: done?.completedOn.map { t("fund_execution_completed", ["day": day($0)]) }
                        ?? t(done == nil ? "fund_execution_not_started" : "fund_execution_under_way")),
                    StaffPage.Cell(text: (done?.records ?? []).map { t("fund_execution_record", ["day": day($0.on), "note": $0.note]) }.joined(separator: " ")),
                ])
            }
        }
        let spent = Bounds.sum(accepted.compactMap(\.spent)) ?? .zero
        return StaffPage.Section(
            title: t("fund_execution_title"),
            paragraphs: [t("fund_execution_lead", ["spent": money(spent), "available": money(available)])],
            table: StaffPage.Table(
                caption: t("fund_execution_title"),
                headers: [t("fund_project"), t("fund_execution_spent"), t("fund_execution_state"), t("fund_execution_notes")],
                rows: rows, empty: ""),
            anchor: "wykonanie")
    }

    /// The titles of an application's projects, as its assembly recorded them.
    func projectTitles(_ application: FundApplication) -> String {
        let projects = fund.assemblies[application.assembly]?.projects ?? []
        return application.projects.map { id in projects.first { $0.id == id }?.title ?? id }.joined(separator: "; ")
    }

    /// The latest decision on an application in words: who decided, when, and why.
    func decisionText(_ application: FundApplication) -> String {
        let when = application.decidedOn.map(day) ?? ""
        let reasons = application.reasons ?? ""
        switch application.status {
        case .submitted, .replaced: return "–"
        case .accepted: return t("fund_decision_accepted", ["day": when])
        case .rejected: return t("fund_decision_rejected", ["day": when, "reasons": reasons])
        case .referred: return t("fund_decision_referred", ["day": when])
        case .acceptedByCouncil, .rejectedByCouncil:
            return t("fund_decision_council_" + application.status.rawValue, [
                "day": when, "resolution": application.councilResolution ?? "", "reasons": reasons,
            ])
        }
    }

    /// An application's status in words; no application yet, when `nil`.
    func statusText(_ application: FundApplication?) -> String {
        guard let application else { return t("fund_status_none") }
        return t("fund_status_" + application.status.rawValue)
    }

    func convener(_ convener: AssemblyConvener) -> String {
        switch convener {
        case .soltys: t("fund_convener_soltys")
        case .radaSolecka: t("fund_convener_rada_solecka")
        case .residents(let count): t("fund_convener_residents_count", ["count": String(count)])
        }
    }

    private func addition(_ share: SolectwoShare) -> String {
        guard share.addition > .zero else { return "–" }
        return money(share.addition) + (share.additionBasis.map { " (" + $0 + ")" } ?? "")
    }

    /// A plain decimal (`3870.434716`) as residents read it: thousands grouped, a decimal comma in Polish.
    private func decimal(_ text: String) -> String {
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = PolishFormat.number(Int64(parts[0]) ?? 0, language)
        return parts.count == 2 ? whole + (language == .pl ? "," : ".") + parts[1] : whole
    }

    /// Hundredths as a plain decimal: `277` → `2.77`.
    static func hundredths(_ value: Int64) -> String {
        let fraction = String(value % 100)
        return "\(value / 100)." + String(repeating: "0", count: 2 - fraction.count) + fraction
    }

    /// Hundredths of a grosz as złoty with four decimals: `107210911` → `10721.0911`.
    static func tenThousandths(_ value: Int64) -> String {
        let fraction = String(value % 10_000)
        return "\(value / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }
}
