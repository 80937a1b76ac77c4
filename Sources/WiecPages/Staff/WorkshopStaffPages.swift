import Foundation
import HTTPTypes
import Hummingbird
import WiecCore
import WiecGateway
import WiecTally

/// Workshops and initiatives for the edition's officials: record a workshop (theme, date,
/// place, facilitator, participants) and the initiatives it produced, and turn an initiative
/// into a proposal of a pool; the log links the proposal to the initiative it came from.
struct WorkshopStaffPages: Sendable {
    let site: StaffSite

    private var renderer: PageRenderer { site.renderer }

    func add(to routes: RouteCollection<WiecRequestContext>) {
        site.get(routes, "\(StaffSite.root)/edycje/{edition}/warsztaty") { staff, _, context in
            let (state, _) = try target(staff, context)
            return show(list(state, staff.page), state, staff.page)
        }
        site.post(routes, "\(StaffSite.root)/edycje/{edition}/warsztaty") { staff, form, _, context in
            let (state, actor) = try target(staff, context)
            let read = FundForms(renderer: renderer, page: staff.page)
            var errors = FormErrors()
            let id = read.id(form, "warsztat_id", &errors), theme = read.line(form, "temat", &errors), day = read.day(form, "data", &errors)
            let place = read.line(form, "miejsce", &errors), facilitator = read.line(form, "prowadzacy", &errors)
            let participants = read.count(form, "uczestnicy", 0...Int64(Bounds.maxCount), &errors)
            if let id, let theme, let day, let place, let facilitator, let participants, errors.isEmpty {
                let workshop = Workshop(id: id, theme: theme, date: day, place: place, facilitator: facilitator, participants: Int(participants))
                errors = try await execute(.recordWorkshop(workshop), state, actor, form, staff.page, [.duplicateID: "warsztat_id", .phaseClosed: "warsztat_id"])
                if errors.isEmpty { return renderer.redirect("\(StaffSite.root)/edycje/\(state.id)/warsztaty?ok=staff_workshop_recorded", request: staff.page) }
            }
            return show(list(state, staff.page, form: form, errors: errors, workshopForm: true), state, staff.page, status: .unprocessableContent)
        }
        site.post(routes, "\(StaffSite.root)/edycje/{edition}/warsztaty/inicjatywy") { staff, form, _, context in
            let (state, actor) = try target(staff, context)
            let read = FundForms(renderer: renderer, page: staff.page)
            var errors = FormErrors()
            let workshop = form.value("inicjatywa_warsztat").flatMap { $0.isEmpty ? nil : $0 }
            let title = read.line(form, "inicjatywa_tytul", &errors), description = read.paragraph(form, "inicjatywa_opis", &errors)
            if let title, let description, errors.isEmpty {
                let key = ResidentSite.ledgerKey(form, actor: actor)
                let id = ProposalPages.newID(prefix: "i~", ledgerKey: key)
                errors = try await execute(
                    .submitInitiative(id: id, workshop: workshop, title: title, description: description), state, actor, form, staff.page,
                    [.unknownWorkshop: "inicjatywa_warsztat", .phaseClosed: "inicjatywa_tytul"], key: key)
                if errors.isEmpty { return renderer.redirect("\(StaffSite.root)/edycje/\(state.id)/warsztaty/inicjatywy/\(id)?ok=staff_initiative_recorded", request: staff.page) }
            }
            return show(list(state, staff.page, form: form, errors: errors, workshopForm: false), state, staff.page, status: .unprocessableContent)
        }
        site.get(routes, "\(StaffSite.root)/edycje/{edition}/warsztaty/inicjatywy/{initiative}") { staff, _, context in
            let (state, _, initiative) = try initiative(staff, context)
            return show(initiativePage(state, initiative, staff.page), state, staff.page)
        }
        site.post(routes, "\(StaffSite.root)/edycje/{edition}/warsztaty/inicjatywy/{initiative}") { staff, form, _, context in
            let (state, actor, initiative) = try initiative(staff, context)
            let read = FundForms(renderer: renderer, page: staff.page)
            var errors = FormErrors()
            let pool = form.value("pula") ?? ""
            if state.pools[pool] == nil { errors.add("pula", renderer.text("fund_error_choose", staff.page)) }
            let title = read.line(form, "tytul", &errors), description = read.paragraph(form, "opis", &errors)
            let category = read.line(form, "kategoria", &errors, optional: true), location = read.line(form, "lokalizacja", &errors, optional: true)
            let cost = read.money(form, "koszt", &errors)
            if let title, let description, let cost, errors.isEmpty {
                let key = ResidentSite.ledgerKey(form, actor: actor)
                let id = ProposalPages.newID(prefix: "p~", ledgerKey: key)
                let command = Command.submitProposal(
                    id: id, pool: pool, title: title, description: description, category: category, location: location, costEstimate: cost,
                    initiative: initiative.id)
                errors = try await execute(command, state, actor, form, staff.page, [.phaseClosed: "pula", .invalidValue: "koszt", .unknownPool: "pula"], key: key)
                if errors.isEmpty {
                    return renderer.redirect("\(StaffSite.root)/edycje/\(state.id)/warsztaty/inicjatywy/\(initiative.id)?ok=staff_initiative_proposal", request: staff.page)
                }
            }
            return show(initiativePage(state, initiative, staff.page, form: form, errors: errors), state, staff.page, status: .unprocessableContent)
        }
    }

    private func list(
        _ state: EditionState, _ page: PageRequest, form: FormData? = nil, errors: FormErrors = FormErrors(), workshopForm: Bool = true
    ) -> StaffPage {
        let t = { (key: String) in renderer.text(key, page) }
        let base = "\(StaffSite.root)/edycje/\(state.id)/warsztaty"
        let workshops = state.workshops.values.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        let rows = workshops.map { workshop in
            StaffPage.Row(cells: [
                StaffPage.Cell(text: workshop.theme), StaffPage.Cell(text: PolishFormat.day(workshop.date, page.language)),
                StaffPage.Cell(text: workshop.place), StaffPage.Cell(text: workshop.facilitator),
                StaffPage.Cell(text: PolishFormat.number(workshop.participants, page.language), numeric: true),
            ])
        }
        let initiatives = state.initiatives.values.sorted { $0.id < $1.id }.map { initiative in
            StaffPage.Row(cells: [
                StaffPage.Cell(text: initiative.title, href: base + "/inicjatywy/" + initiative.id),
                StaffPage.Cell(text: initiative.workshop.flatMap { state.workshops[$0]?.theme } ?? t("staff_initiative_no_workshop")),
                StaffPage.Cell(text: PolishFormat.number(initiative.proposals.count, page.language), numeric: true),
            ])
        }
        let value = { (name: String, fallback: String) in form?.value(name) ?? fallback }
        var sections = [
            StaffPage.Section(
                title: t("staff_workshops"),
                table: StaffPage.Table(
                    caption: t("staff_workshops"),
                    headers: [t("staff_workshop_theme"), t("staff_workshop_date"), t("staff_workshop_place"), t("staff_workshop_facilitator"), t("staff_workshop_participants")],
                    rows: rows, empty: t("staff_workshops_none")),
                anchor: "warsztaty"),
            StaffPage.Section(
                title: t("staff_initiatives"),
                table: StaffPage.Table(
                    caption: t("staff_initiatives"), headers: [t("staff_initiative"), t("staff_initiative_workshop"), t("staff_initiative_proposals")],
                    rows: initiatives, empty: t("staff_initiatives_none")),
                anchor: "inicjatywy"),
        ]
        if state.phase <= .submission {
            var record = StaffForm(
                action: base, submit: t("staff_workshop_submit"),
                fields: [
                    FieldModel(name: "warsztat_id", label: t("staff_workshop_id"), hint: t("staff_pool_id_hint"), value: value("warsztat_id", ""), maxLength: 64,
                               autocomplete: "off", width: "short"),
                    FieldModel(name: "temat", label: t("staff_workshop_theme"), value: value("temat", ""), maxLength: 200, autocomplete: "off"),
                    FieldModel(name: "data", label: t("staff_workshop_date"), hint: t("fund_day_hint"), value: value("data", FundForms.today), maxLength: 10,
                               autocomplete: "off", width: "short"),
                    FieldModel(name: "miejsce", label: t("staff_workshop_place"), value: value("miejsce", ""), maxLength: 200, autocomplete: "off"),
                    FieldModel(name: "prowadzacy", label: t("staff_workshop_facilitator"), value: value("prowadzacy", ""), maxLength: 200, autocomplete: "off"),
                    FieldModel(name: "uczestnicy", label: t("staff_workshop_participants"), value: value("uczestnicy", ""), maxLength: 10, inputMode: "numeric",
                               autocomplete: "off", width: "short"),
                ])
            if workshopForm { record.errors = errors }
            sections.append(StaffPage.Section(title: t("staff_workshop_form_title"), forms: [record], anchor: "nowy-warsztat"))
        }
        if state.phase == .submission {
            var initiative = StaffForm(
                action: base + "/inicjatywy", submit: t("staff_initiative_submit"),
                fields: [
                    FieldModel(name: "inicjatywa_warsztat", label: t("staff_initiative_workshop"), value: "", kind: .select,
                               options: [Option(value: "", label: t("staff_initiative_no_workshop"), selected: value("inicjatywa_warsztat", "").isEmpty)]
                                   + workshops.map { Option(value: $0.id, label: $0.theme, selected: value("inicjatywa_warsztat", "") == $0.id) },
                               required: false),
                    FieldModel(name: "inicjatywa_tytul", label: t("staff_initiative_title"), value: value("inicjatywa_tytul", ""), maxLength: 200, autocomplete: "off"),
                    FieldModel(name: "inicjatywa_opis", label: t("staff_initiative_description"), value: form?.raw("inicjatywa_opis") ?? "", kind: .textarea,
                               maxLength: 10_000),
                ])
            if !workshopForm { initiative.errors = errors }
            sections.append(StaffPage.Section(title: t("staff_initiative_form_title"), paragraphs: [t("staff_initiative_form_lead")], forms: [initiative], anchor: "nowa-inicjatywa"))
        } else {
            sections.append(StaffPage.Section(title: t("staff_initiative_form_title"), paragraphs: [t("staff_initiatives_closed")]))
        }
        var model = StaffPage(heading: t("staff_workshops_title"), lead: t("staff_workshops_lead"), sections: sections)
        model.errors = errors
        return model
    }

    private func initiativePage(_ state: EditionState, _ initiative: Initiative, _ page: PageRequest, form: FormData? = nil, errors: FormErrors = FormErrors()) -> StaffPage {
        let t = { (key: String) in renderer.text(key, page) }
        let value = { (name: String, fallback: String) in form?.value(name) ?? fallback }
        let proposals = initiative.proposals.compactMap { state.proposals[$0] }.map { proposal in
            StaffPage.Row(cells: [
                StaffPage.Cell(text: proposal.title, href: "/edycje/\(state.id)/projekty/\(proposal.id)"),
                StaffPage.Cell(text: state.pools[proposal.pool]?.config.name ?? proposal.pool),
                StaffPage.Cell(text: PolishFormat.money(proposal.costEstimate, page.language), numeric: true),
            ])
        }
        var sections = [
            StaffPage.Section(
                title: nil, paragraphs: [initiative.description],
                facts: [Fact(term: t("staff_initiative_workshop"), value: initiative.workshop.flatMap { state.workshops[$0]?.theme } ?? t("staff_initiative_no_workshop"))]),
            StaffPage.Section(
                title: t("staff_initiative_proposals"),
                table: StaffPage.Table(
                    caption: t("staff_initiative_proposals"), headers: [t("staff_proposal"), t("staff_pool"), t("staff_estimate")], rows: proposals,
                    empty: t("staff_initiative_proposals_none")),
                anchor: "projekty"),
        ]
        if state.phase == .submission {
            var turn = StaffForm(
                action: "\(StaffSite.root)/edycje/\(state.id)/warsztaty/inicjatywy/\(initiative.id)", submit: t("staff_initiative_to_proposal"),
                fields: [
                    FieldModel(name: "pula", label: t("staff_pool"), value: "", kind: .select,
                               options: [Option(value: "", label: t("staff_choose"), selected: form?.value("pula") == nil)]
                                   + state.poolOrder.compactMap { state.pools[$0]?.config }.map { Option(value: $0.id, label: $0.name, selected: form?.value("pula") == $0.id) }),
                    FieldModel(name: "tytul", label: t("staff_initiative_title"), value: value("tytul", initiative.title), maxLength: 200, autocomplete: "off"),
                    FieldModel(name: "opis", label: t("staff_initiative_description"), value: form?.raw("opis") ?? initiative.description, kind: .textarea, maxLength: 10_000),
                    FieldModel(name: "kategoria", label: t("staff_proposal_category"), hint: t("staff_optional"), value: value("kategoria", ""), maxLength: 200,
                               autocomplete: "off", required: false),
                    FieldModel(name: "lokalizacja", label: t("staff_proposal_location"), hint: t("staff_optional"), value: value("lokalizacja", ""), maxLength: 200,
                               autocomplete: "off", required: false),
                    FieldModel(name: "koszt", label: t("staff_estimate"), hint: t("staff_budget_hint"), value: value("koszt", ""), maxLength: 30, inputMode: "decimal",
                               autocomplete: "off", width: "short"),
                ])
            turn.errors = errors
            sections.append(StaffPage.Section(title: t("staff_initiative_to_proposal_title"), paragraphs: [t("staff_initiative_to_proposal_lead")], forms: [turn], anchor: "nowy-projekt"))
        }
        sections.append(StaffPage.Section(title: nil, links: [Link(href: "\(StaffSite.root)/edycje/\(state.id)/warsztaty", label: t("staff_workshops_back"))]))
        var model = StaffPage(heading: initiative.title, lead: t("staff_initiative_lead"), sections: sections)
        model.errors = errors
        return model
    }

    private func execute(
        _ command: Command, _ state: EditionState, _ actor: Actor, _ form: FormData, _ page: PageRequest, _ fields: [RefusalReason: String], key: String? = nil
    ) async throws -> FormErrors {
        try await site.execute(command, on: state, by: actor, form, page, key: key, placing: fields.mapValues { (field: $0, message: nil) })
    }

    private func target(_ staff: StaffRequest, _ context: WiecRequestContext) throws -> (EditionState, Actor) {
        let state = try site.residents.edition(context)
        guard state.villageFund == nil else { throw PageError.notFound }
        return (state, try site.actor(staff, on: state.id, as: .official))
    }

    private func initiative(_ staff: StaffRequest, _ context: WiecRequestContext) throws -> (EditionState, Actor, Initiative) {
        let (state, actor) = try target(staff, context)
        guard let initiative = state.initiatives[try context.parameters.require("initiative")] else { throw PageError.notFound }
        return (state, actor, initiative)
    }

    private func show(_ model: StaffPage, _ state: EditionState, _ page: PageRequest, status: HTTPResponse.Status = .ok) -> Response {
        renderer.response("staff_page", model, chrome: site.chrome(model.heading, page, edition: state, section: "workshops"), request: page, status: status)
    }
}
