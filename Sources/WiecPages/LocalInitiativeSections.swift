import WiecCore
import WiecTally

/// What residents and officials alike read of an edition's local initiatives (inicjatywa
/// lokalna, art. 19b–19h of the Act on public benefit activity and volunteering): the council's
/// criteria, the ranking with its exact sums and the rule that broke each tie, and one
/// application with its scores, decision, agreement and progress.
struct LocalInitiativeSections {
    let renderer: PageRenderer
    let page: PageRequest
    let state: EditionState
    /// The path of the site's list (`/edycje/ID/inicjatywy-lokalne` or its `/panel` twin).
    let base: String

    private var local: LocalInitiativeState { state.localInitiative }
    private var language: Language { page.language }
    private func t(_ key: String, _ arguments: [String: String] = [:]) -> String { renderer.text(key, page, arguments) }
    private func money(_ amount: Money) -> String { PolishFormat.money(amount, language) }
    private func day(_ day: CalendarDay) -> String { PolishFormat.day(day, language) }

    /// The council's resolution: the criteria, their weights and scales, and the tie-break rule.
    var criteria: StaffPage.Section {
        guard let rules = local.rules else { return StaffPage.Section(title: t("li_criteria_title"), paragraphs: [t("li_criteria_none")], anchor: "kryteria") }
        let rows = rules.criteria.map { criterion in
            StaffPage.Row(cells: [
                StaffPage.Cell(text: criterion.name), StaffPage.Cell(text: PolishFormat.number(criterion.weight, language), numeric: true),
                StaffPage.Cell(text: t("li_scale_value", ["max": PolishFormat.number(criterion.maxPoints, language)])),
                StaffPage.Cell(text: t(criterion.measuresContribution ? "li_contribution_yes" : "li_contribution_no")),
            ])
        }
        return StaffPage.Section(
            title: t("li_criteria_title"),
            paragraphs: [t("li_criteria_lead", ["resolution": rules.resolution, "day": day(rules.adoptedOn)]), t("li_tie_" + rules.tieBreak.rawValue)],
            table: StaffPage.Table(
                caption: t("li_criteria_title"), headers: [t("li_criterion"), t("li_weight"), t("li_scale"), t("li_measures_contribution")], rows: rows, empty: ""),
            anchor: "kryteria")
    }

    /// The ranking: the weighted sums exactly, each application's stage, and the tie-breaks.
    var ranking: StaffPage.Section {
        let rows = local.ranking().compactMap { ranked -> StaffPage.Row? in
            guard let application = local.applications[ranked.application] else { return nil }
            return StaffPage.Row(cells: [
                StaffPage.Cell(text: String(ranked.position), numeric: true),
                StaffPage.Cell(text: application.title, href: base + "/" + application.id),
                StaffPage.Cell(text: applicant(application)),
                StaffPage.Cell(text: contribution(application.contribution)),
                StaffPage.Cell(text: money(application.requestedFromGmina), numeric: true),
                StaffPage.Cell(text: score(ranked), numeric: true),
                StaffPage.Cell(text: ranked.tieBrokenBy.map { t("li_tie_broken_" + $0) } ?? "–"),
                StaffPage.Cell(text: stage(application)),
            ])
        }
        return StaffPage.Section(
            title: t("li_ranking_title"), paragraphs: [t("li_ranking_lead")],
            table: StaffPage.Table(
                caption: t("li_ranking_title"),
                headers: [t("li_position"), t("li_application"), t("li_applicant"), t("li_contribution"), t("li_requested"), t("li_total"), t("li_tie"), t("li_stage")],
                rows: rows, empty: t("li_ranking_none")),
            anchor: "ranking")
    }

    /// One application: what it asks and offers, every official's score with its justification,
    /// the decision, the agreement and the progress with the contribution actually given.
    func application(_ application: LocalApplication, scorerName: (String) -> String) -> [StaffPage.Section] {
        var facts = [
            Fact(term: t("li_applicant"), value: applicant(application)),
            Fact(term: t("li_submitted_on"), value: day(application.submittedOn)),
            Fact(term: t("li_contribution"), value: contribution(application.contribution)),
            Fact(term: t("li_requested"), value: money(application.requestedFromGmina)),
            Fact(term: t("li_stage"), value: stage(application)),
        ]
        if let ranked = local.ranking().first(where: { $0.application == application.id }) {
            facts.append(Fact(term: t("li_total"), value: t("li_position_value", ["position": String(ranked.position), "score": score(ranked)])))
        }
        if let initiative = application.initiative.flatMap({ state.initiatives[$0] }) {
            facts.append(Fact(term: t("li_from_initiative"), value: initiative.title))
        }
        var sections = [StaffPage.Section(title: nil, paragraphs: application.description.isEmpty ? [] : [application.description], facts: facts)]
        let criteria = local.rules?.criteria ?? []
        let scores = application.scores.map { score in
            StaffPage.Row(cells: [
                StaffPage.Cell(text: criteria.first { $0.id == score.criterion }?.name ?? score.criterion),
                StaffPage.Cell(text: PolishFormat.number(score.points, language), numeric: true),
                StaffPage.Cell(text: scorerName(score.scorer)),
                StaffPage.Cell(text: score.justification),
            ])
        }
        sections.append(StaffPage.Section(
            title: t("li_scores_title"),
            table: StaffPage.Table(
                caption: t("li_scores_title"), headers: [t("li_criterion"), t("li_points"), t("li_scorer"), t("li_justification")], rows: scores,
                empty: t("li_scores_none")),
            anchor: "oceny"))
        if let approved = application.approved {
            var decision = [
                Fact(term: t("li_decision"), value: t(approved ? "li_approved" : "li_refused")),
                Fact(term: t("li_decided_on"), value: application.decidedOn.map(day) ?? "–"),
                Fact(term: t("li_justification"), value: application.decisionJustification ?? ""),
            ]
            if let agreement = application.agreement {
                decision += [
                    Fact(term: t("li_agreement"), value: t("li_agreement_value", [
                        "number": agreement.number, "signed": day(agreement.signedOn), "ends": day(agreement.endsOn),
                    ])),
                    Fact(term: t("li_gmina_share"), value: money(agreement.gminaShare)),
                    Fact(term: t("li_contribution_agreed"), value: contribution(agreement.contribution)),
                    Fact(term: t("li_contribution_given"), value: contribution(application.contributionGiven)),
                ]
            }
            sections.append(StaffPage.Section(title: t("li_decision_title"), facts: decision, anchor: "decyzja"))
        }
        if !application.progress.isEmpty {
            let rows = application.progress.map { record in
                StaffPage.Row(cells: [
                    StaffPage.Cell(text: day(record.on)), StaffPage.Cell(text: record.note), StaffPage.Cell(text: contribution(record.contributionGiven)),
                    StaffPage.Cell(text: record.completed ? t("li_completed") : "–"),
                ])
            }
            sections.append(StaffPage.Section(
                title: t("li_progress_title"),
                table: StaffPage.Table(
                    caption: t("li_progress_title"), headers: [t("li_progress_day"), t("li_progress_note"), t("li_contribution_given"), t("li_completed_column")],
                    rows: rows, empty: ""),
                anchor: "postep"))
        }
        return sections
    }

    /// Where an application stands, in words.
    func stage(_ application: LocalApplication) -> String {
        if application.isCompleted { return t("li_stage_completed") }
        if application.agreement != nil { return t("li_stage_agreement") }
        switch application.approved {
        case true?: return t("li_stage_approved")
        case false?: return t("li_stage_refused")
        case nil: return application.scores.isEmpty ? t("li_stage_submitted") : t("li_stage_scoring")
        }
    }

    func applicant(_ application: LocalApplication) -> String {
        switch application.applicant {
        case .residents: t("li_applicant_residents")
        case .organisation(let name): name
        }
    }

    /// A contribution in words: hours of work, goods and services, money; only what is given.
    func contribution(_ contribution: Contribution) -> String {
        var parts: [String] = []
        if contribution.workHours > 0 { parts.append(t("li_hours", ["hours": PolishFormat.number(contribution.workHours, language)])) }
        if contribution.goodsAndServices > .zero { parts.append(t("li_goods", ["amount": money(contribution.goodsAndServices)])) }
        if contribution.money > .zero { parts.append(t("li_money", ["amount": money(contribution.money)])) }
        return parts.isEmpty ? "–" : parts.joined(separator: "; ")
    }

    /// A weighted sum for reading (two decimals) and exactly, when it is not whole.
    private func score(_ ranked: RankedApplication) -> String {
        let shown = ranked.total.decimal(places: 2)
        let decimal = language == .pl ? shown.replacingOccurrences(of: ".", with: ",") : shown
        return ranked.total.denominator == BigInt.one ? decimal : t("li_score_exact", ["decimal": decimal, "exact": ranked.total.description])
    }
}
