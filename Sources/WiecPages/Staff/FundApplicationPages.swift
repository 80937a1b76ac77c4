import Foundation
import HTTPTypes
import Hummingbird
import WiecCore
import WiecGateway
import WiecTally

/// A sołectwo's application (wniosek) to the village fund, printable with the list of its
/// attachments (the assembly's resolution, the attendance list), and the decisions on it in the
/// Act's order: the wójt accepts it or rejects it with reasons; after a rejection the sołtys
/// refers it to the council (or the assembly adopts it again, on the sołectwo's page); the
/// council decides a referred one; once it is accepted, the gmina records what was carried out.
struct FundApplicationPages: Sendable {
    let site: StaffSite

    private var renderer: PageRenderer { site.renderer }
    private var root: String { VillageFundStaffPages.root }

    func add(to routes: RouteCollection<WiecRequestContext>) {
        site.get(routes, "\(root)/{fund}/wnioski/{application}") { staff, _, context in
            let (state, fund, actor, application) = try target(staff, context)
            return show(page(state, fund, actor, application, staff.page), staff, state)
        }
        site.post(routes, "\(root)/{fund}/wnioski/{application}/decyzja") { staff, form, _, context in
            let (state, fund, actor, application) = try target(staff, context, as: .official)
            let read = FundForms(renderer: renderer, page: staff.page)
            var errors = FormErrors()
            let verdict = form.value("decyzja"), decided = read.day(form, "decyzja_data", &errors)
            if verdict != "przyjmij" && verdict != "odrzuc" { errors.add("decyzja", renderer.text("fund_error_choose", staff.page)) }
            let reasons = verdict == "odrzuc" ? read.paragraph(form, "powody", &errors) : nil
            if let decided, errors.isEmpty {
                let command: VillageFundCommand = verdict == "przyjmij"
                    ? .acceptApplication(application: application.id, decidedOn: decided)
                    : .rejectApplication(application: application.id, reasons: reasons ?? "", decidedOn: decided)
                let last = application.submittedOn.adding(days: fund.rules.rejectionDays)
                errors = try await execute(command, state, actor, form, staff.page, [
                    .deadlinePassed: ("decyzja_data", renderer.text("fund_error_rejection_late", staff.page, [
                        "days": String(fund.rules.rejectionDays), "day": day(application.submittedOn, staff.page), "last": day(last, staff.page),
                    ])),
                    .outOfOrder: ("decyzja_data", nil), .invalidValue: ("powody", nil),
                ])
                if errors.isEmpty { return done(state, application, "fund_application_decided", staff) }
            }
            return show(page(state, fund, actor, application, staff.page, form: form, errors: errors), staff, state, status: .unprocessableContent)
        }
        site.post(routes, "\(root)/{fund}/wnioski/{application}/rada") { staff, form, _, context in
            let (state, fund, actor, application) = try target(staff, context)
            let read = FundForms(renderer: renderer, page: staff.page)
            var errors = FormErrors()
            if let referred = read.day(form, "skierowano", &errors) {
                let rejected = application.decidedOn ?? application.submittedOn
                errors = try await execute(.referToCouncil(application: application.id, referredOn: referred), state, actor, form, staff.page, [
                    .deadlinePassed: ("skierowano", renderer.text("fund_error_referral_late", staff.page, [
                        "days": String(fund.rules.responseDays), "day": day(rejected, staff.page),
                        "last": day(rejected.adding(days: fund.rules.responseDays), staff.page),
                    ])),
                    .outOfOrder: ("skierowano", nil),
                ])
                if errors.isEmpty { return done(state, application, "fund_application_referred", staff) }
            }
            return show(page(state, fund, actor, application, staff.page, form: form, errors: errors), staff, state, status: .unprocessableContent)
        }
        site.post(routes, "\(root)/{fund}/wnioski/{application}/wykonanie") { staff, form, _, context in
            let (state, fund, actor, application) = try target(staff, context, as: .official)
            let read = FundForms(renderer: renderer, page: staff.page)
            var errors = FormErrors()
            let project = form.value("przedsiewziecie") ?? ""
            if !application.projects.contains(project) { errors.add("przedsiewziecie", renderer.text("fund_error_choose", staff.page)) }
            let on = read.day(form, "wykonanie_data", &errors), spent = read.money(form, "wydano", &errors)
            let note = read.paragraph(form, "opis_wykonania", &errors)
            if let on, let spent, let note, errors.isEmpty {
                let command = VillageFundCommand.recordExecution(
                    application: application.id, project: project, on: on, spent: spent, completed: form.value("zakonczone") == "tak", note: note)
                errors = try await execute(command, state, actor, form, staff.page, [
                    .overFundAmount: ("wydano", renderer.text("fund_error_execution_over", staff.page, [
                        "available": money(fund.share(of: application.solectwo)?.available ?? .zero, staff.page),
                        "spent": money(application.spent ?? .zero, staff.page),
                    ])),
                    .outOfOrder: ("wykonanie_data", nil), .invalidValue: ("wydano", nil), .alreadyDecided: ("przedsiewziecie", nil),
                ])
                if errors.isEmpty { return done(state, application, "fund_execution_recorded", staff) }
            }
            return show(page(state, fund, actor, application, staff.page, form: form, errors: errors), staff, state, status: .unprocessableContent)
        }
        site.post(routes, "\(root)/{fund}/wnioski/{application}/uchwala-rady") { staff, form, _, context in
            let (state, fund, actor, application) = try target(staff, context, as: .official)
            let read = FundForms(renderer: renderer, page: staff.page)
            var errors = FormErrors()
            let number = read.line(form, "rada_uchwala", &errors), verdict = form.value("rada_decyzja")
            if verdict != "przyjmij" && verdict != "odrzuc" { errors.add("rada_decyzja", renderer.text("fund_error_choose", staff.page)) }
            let reasons = read.paragraph(form, "rada_uzasadnienie", &errors), decided = read.day(form, "rada_data", &errors)
            if let number, let reasons, let decided, errors.isEmpty {
                let referred = application.decidedOn ?? application.submittedOn
                let command = VillageFundCommand.recordCouncilDecision(
                    application: application.id, resolution: number, accepted: verdict == "przyjmij", reasons: reasons, decidedOn: decided)
                errors = try await execute(command, state, actor, form, staff.page, [
                    .deadlinePassed: ("rada_data", renderer.text("fund_error_council_late", staff.page, [
                        "days": String(fund.rules.councilDays), "day": day(referred, staff.page),
                        "last": day(referred.adding(days: fund.rules.councilDays), staff.page),
                    ])),
                    .outOfOrder: ("rada_data", nil), .invalidValue: ("rada_uzasadnienie", nil),
                ])
                if errors.isEmpty { return done(state, application, "fund_council_decided", staff) }
            }
            return show(page(state, fund, actor, application, staff.page, form: form, errors: errors), staff, state, status: .unprocessableContent)
        }
    }

    /// The application as it is printed and filed, its attachments, what became of it, and the
    /// one form its status calls for from this account.
    private func page(
        _ state: EditionState, _ fund: VillageFundState, _ actor: Actor, _ application: FundApplication, _ page: PageRequest,
        form: FormData? = nil, errors: FormErrors = FormErrors()
    ) -> StaffPage {
        let t = { (key: String, arguments: [String: String]) in renderer.text(key, page, arguments) }
        let sections = VillageFundSections(renderer: renderer, page: page, state: state, fund: fund, base: "\(root)/\(state.id)")
        let assembly = fund.assemblies[application.assembly]
        let available = fund.share(of: application.solectwo)?.available ?? .zero
        let projects = (assembly?.projects ?? []).filter { application.projects.contains($0.id) }
        var facts = [
            Fact(term: t("fund_solectwo", [:]), value: application.solectwo),
            Fact(term: t("fund_budget_year", [:]), value: String(fund.rules.budgetYear)),
            Fact(term: t("fund_submitted_on", [:]), value: day(application.submittedOn, page)),
            Fact(term: t("fund_cost", [:]), value: money(application.cost, page)),
            Fact(term: t("fund_available", [:]), value: money(available, page)),
            Fact(term: t("fund_application_status", [:]), value: sections.statusText(application)),
            Fact(term: t("fund_decision", [:]), value: sections.decisionText(application)),
        ]
        if let replaced = application.replaces { facts.append(Fact(term: t("fund_replaces", [:]), value: replaced)) }
        var all = [
            StaffPage.Section(title: nil, facts: facts),
            StaffPage.Section(
                title: t("fund_projects", [:]),
                table: StaffPage.Table(
                    caption: t("fund_projects", [:]), headers: [t("fund_project", [:]), t("fund_cost_estimate", [:]), t("fund_justification", [:])],
                    rows: projects.map { project in
                        StaffPage.Row(cells: [
                            StaffPage.Cell(text: project.title), StaffPage.Cell(text: money(project.costEstimate, page), numeric: true),
                            StaffPage.Cell(text: project.justification),
                        ])
                    },
                    empty: "")),
        ]
        if let done = sections.execution(of: application.solectwo) { all.append(done) }
        if let assembly {
            let adopted = projects.map { t("fund_attachment_vote", ["project": $0.title, "for": String($0.votes.inFavour), "against": String($0.votes.against), "abstaining": String($0.votes.abstaining)]) }
            all.append(StaffPage.Section(
                title: t("fund_attachments", [:]),
                paragraphs: [
                    t("fund_attachment_resolution", ["day": day(assembly.heldOn, page), "convener": sections.convener(assembly.convener)]),
                ] + adopted + [t("fund_attachment_attendance", ["count": PolishFormat.number(assembly.attendance, page.language)])],
                anchor: "zalaczniki"))
        }
        let base = "\(root)/\(state.id)/wnioski/\(application.id)"
        let wholeFund = actor.role == .official && actor.scope == .edition
        let value = { (name: String, fallback: String) in form?.value(name) ?? fallback }
        let choices = { (field: String) in
            [Option(value: "", label: t("staff_choose", [:]), selected: form?.value(field) == nil)]
                + ["przyjmij", "odrzuc"].map { Option(value: $0, label: t("fund_verdict_" + $0, [:]), selected: form?.value(field) == $0) }
        }
        var decision: StaffForm?
        var lead = ""
        switch application.status {
        case .submitted where wholeFund:
            lead = t("fund_decision_lead", ["last": day(application.submittedOn.adding(days: fund.rules.rejectionDays), page)])
            decision = StaffForm(
                action: base + "/decyzja", submit: t("fund_decision_submit", [:]),
                fields: [
                    FieldModel(name: "decyzja", label: t("fund_decision", [:]), value: "", kind: .select, options: choices("decyzja")),
                    FieldModel(name: "powody", label: t("fund_reasons", [:]), hint: t("fund_reasons_hint", [:]), value: form?.raw("powody") ?? "", kind: .textarea,
                               maxLength: 10_000, required: false),
                    FieldModel(name: "decyzja_data", label: t("fund_decided_on", [:]), hint: t("fund_day_hint", [:]), value: value("decyzja_data", FundForms.today),
                               maxLength: 10, autocomplete: "off", width: "short"),
                ])
        case .rejected where actor.covers(application.solectwo):
            let last = (application.decidedOn ?? application.submittedOn).adding(days: fund.rules.responseDays)
            lead = t("fund_referral_lead", ["last": day(last, page)])
            decision = StaffForm(
                action: base + "/rada", submit: t("fund_referral_submit", [:]),
                fields: [
                    FieldModel(name: "skierowano", label: t("fund_referred_on", [:]), hint: t("fund_day_hint", [:]), value: value("skierowano", FundForms.today),
                               maxLength: 10, autocomplete: "off", width: "short"),
                ])
            if let path = VillageFundSections.solectwoPath(fund, base: "\(root)/\(state.id)", application.solectwo) {
                all.append(StaffPage.Section(
                    title: t("fund_readopt_title", [:]), paragraphs: [t("fund_readopt_lead", ["last": day(last, page)])],
                    links: [Link(href: path + "#nowe-zebranie", label: t("fund_readopt_link", [:]))]))
            }
        case .referred where wholeFund:
            lead = t("fund_council_lead", ["last": day((application.decidedOn ?? application.submittedOn).adding(days: fund.rules.councilDays), page)])
            decision = StaffForm(
                action: base + "/uchwala-rady", submit: t("fund_council_submit", [:]),
                fields: [
                    FieldModel(name: "rada_uchwala", label: t("fund_council_resolution", [:]), hint: t("fund_resolution_number_hint", [:]),
                               value: value("rada_uchwala", ""), maxLength: 200, autocomplete: "off"),
                    FieldModel(name: "rada_decyzja", label: t("fund_decision", [:]), value: "", kind: .select, options: choices("rada_decyzja")),
                    FieldModel(name: "rada_uzasadnienie", label: t("fund_council_reasons", [:]), value: form?.raw("rada_uzasadnienie") ?? "", kind: .textarea,
                               maxLength: 10_000),
                    FieldModel(name: "rada_data", label: t("fund_decided_on", [:]), hint: t("fund_day_hint", [:]), value: value("rada_data", FundForms.today),
                               maxLength: 10, autocomplete: "off", width: "short"),
                ])
        case .accepted where wholeFund, .acceptedByCouncil where wholeFund:
            let open = projects.filter { application.execution[$0.id]?.completedOn == nil }
            guard !open.isEmpty else { break }
            lead = t("fund_execution_form_lead", ["year": String(fund.rules.budgetYear)])
            decision = StaffForm(
                action: base + "/wykonanie", submit: t("fund_execution_submit", [:]),
                fields: [
                    FieldModel(name: "przedsiewziecie", label: t("fund_project", [:]), value: "", kind: .select,
                               options: [Option(value: "", label: t("staff_choose", [:]), selected: form?.value("przedsiewziecie") == nil)]
                                   + open.map { Option(value: $0.id, label: $0.title, selected: form?.value("przedsiewziecie") == $0.id) }),
                    FieldModel(name: "opis_wykonania", label: t("fund_execution_note", [:]), hint: t("fund_execution_note_hint", [:]),
                               value: form?.raw("opis_wykonania") ?? "", kind: .textarea, maxLength: 10_000),
                    FieldModel(name: "wydano", label: t("fund_execution_spent_field", [:]), hint: t("fund_execution_spent_hint", [:]),
                               value: value("wydano", ""), maxLength: 30, inputMode: "decimal", autocomplete: "off", width: "short"),
                    FieldModel(name: "zakonczone", label: t("fund_execution_done", [:]), value: "", kind: .select,
                               options: ["nie", "tak"].map { Option(value: $0, label: t("fund_execution_done_" + $0, [:]), selected: (form?.value("zakonczone") ?? "nie") == $0) }),
                    FieldModel(name: "wykonanie_data", label: t("fund_execution_day", [:]), hint: t("fund_day_hint", [:]), value: value("wykonanie_data", FundForms.today),
                               maxLength: 10, autocomplete: "off", width: "short"),
                ])
        default:
            break
        }
        if var decision {
            decision.errors = errors
            all.insert(StaffPage.Section(title: t("fund_next_step", [:]), paragraphs: [lead], forms: [decision], anchor: "decyzja"), at: 1)
        }
        if let path = VillageFundSections.solectwoPath(fund, base: "\(root)/\(state.id)", application.solectwo) {
            all.append(StaffPage.Section(title: nil, links: [Link(href: path, label: t("fund_back_to_solectwo", ["solectwo": application.solectwo]))]))
        }
        var model = StaffPage(
            heading: t("fund_application_heading", ["id": application.id, "solectwo": application.solectwo, "year": String(fund.rules.budgetYear)]),
            lead: t("fund_application_print", [:]), sections: all)
        model.errors = errors
        return model
    }

    /// Executes a decision; a refusal about the form's content comes back as its errors.
    private func execute(
        _ command: VillageFundCommand, _ state: EditionState, _ actor: Actor, _ form: FormData, _ page: PageRequest, _ fields: StaffSite.Placement
    ) async throws -> FormErrors {
        try await site.execute(.villageFund(command), on: state, by: actor, form, page, placing: fields)
    }

    /// The application a path names, for an account whose scope covers its sołectwo.
    private func target(
        _ staff: StaffRequest, _ context: WiecRequestContext, as acting: Acting = .reviewer
    ) throws -> (EditionState, VillageFundState, Actor, FundApplication) {
        let (state, fund) = try VillageFundPages.fund(site.gateway, context)
        let actor = try site.actor(staff, on: state.id, as: acting)
        guard let application = fund.applications[try context.parameters.require("application")] else { throw PageError.notFound }
        guard actor.covers(application.solectwo) else {
            throw Problem(Refusal(.notInScope, "\(actor.role.rawValue) \(actor.id) has no scope over sołectwo \(application.solectwo)"))
        }
        if acting == .official, actor.scope != .edition {
            throw Problem(Refusal(.notInScope, "the wójt's and the council's acts need a scope over the whole fund"))
        }
        return (state, fund, actor, application)
    }

    private func done(_ state: EditionState, _ application: FundApplication, _ flash: String, _ staff: StaffRequest) -> Response {
        renderer.redirect("\(root)/\(state.id)/wnioski/\(application.id)?ok=\(flash)", request: staff.page)
    }

    private func day(_ day: CalendarDay, _ page: PageRequest) -> String { PolishFormat.day(day, page.language) }
    private func money(_ money: Money, _ page: PageRequest) -> String { PolishFormat.money(money, page.language) }

    private func show(_ model: StaffPage, _ staff: StaffRequest, _ state: EditionState, status: HTTPResponse.Status = .ok) -> Response {
        renderer.response(
            "staff_page", model, chrome: VillageFundStaffPages(site: site).chrome(model.heading, staff.page, fund: state), request: staff.page, status: status)
    }
}
