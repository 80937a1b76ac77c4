import Foundation
import Hummingbird
import WiecCore
import WiecGateway
import WiecTally

/// An edition seen by its staff: its phase and pools (with their rules in the words residents
/// read), the next phase change behind a confirmation that says what it closes and opens, the
/// checkpoint the log wrote last, and the forms that create an edition and add a pool.
struct StaffEditionPages: Sendable {
    let site: StaffSite

    private var renderer: PageRenderer { site.renderer }

    func add(to routes: RouteCollection<WiecRequestContext>) {
        site.get(routes, "\(StaffSite.root)/nowa-edycja") { staff, _, _ in
            _ = try Principal.staff(staff.account).creator()
            return showNewEdition(staff, form: nil, errors: FormErrors())
        }
        site.post(routes, "\(StaffSite.root)/nowa-edycja") { staff, form, _, _ in
            let id = form.value("id") ?? ""
            let actor = try Principal.staff(staff.account).creator()
            var errors = FormErrors()
            if (try? TextRules.id(id, "id")) == nil { errors.add("id", renderer.text("staff_edition_id_invalid", staff.page)) }
            let name = form.value("nazwa") ?? ""
            if name.isEmpty { errors.add("nazwa", renderer.text("staff_edition_name_missing", staff.page)) }
            if errors.isEmpty {
                do {
                    _ = try await site.gateway.execute(.createEdition(name: name), on: id, by: actor, ledgerKey: ResidentSite.ledgerKey(form, actor: actor))
                    return renderer.redirect("\(StaffSite.root)/edycje/\(id)?ok=staff_edition_created", request: staff.page)
                } catch let refusal as Refusal where refusal.reason == .editionExists {
                    errors.add("id", renderer.messages.message(for: refusal, staff.page.language))
                }
            }
            return showNewEdition(staff, form: form, errors: errors)
        }
        site.get(routes, "\(StaffSite.root)/edycje/{edition}") { staff, _, context in
            let state = try site.residents.edition(context)
            let actor = try site.actor(staff, on: state.id, as: .reviewer)
            let model = try overview(state, actor: actor, staff.page)
            return renderer.response("staff_page", model, chrome: site.chrome(model.heading, staff.page, edition: state, section: "edition"), request: staff.page)
        }
        site.get(routes, "\(StaffSite.root)/edycje/{edition}/faza") { staff, request, context in
            let state = try site.residents.edition(context)
            _ = try site.actor(staff, on: state.id, as: .official)
            guard let next = state.phase.next, request.uri.queryParameters["na"].map(String.init) == next.rawValue else { throw PageError.notFound }
            let model = confirmation(state, to: next, staff.page)
            return renderer.response("staff_page", model, chrome: site.chrome(model.heading, staff.page, edition: state, section: "edition"), request: staff.page)
        }
        site.post(routes, "\(StaffSite.root)/edycje/{edition}/faza") { staff, form, _, context in
            let state = try site.residents.edition(context)
            let actor = try site.actor(staff, on: state.id, as: .official)
            guard let next = form.value("na").flatMap(Phase.init(rawValue:)) else { throw PageError.notFound }
            _ = try await site.gateway.execute(.advancePhase(to: next), on: state.id, by: actor, ledgerKey: ResidentSite.ledgerKey(form, actor: actor))
            return renderer.redirect("\(StaffSite.root)/edycje/\(state.id)?ok=staff_phase_changed#punkt-kontrolny", request: staff.page)
        }
        site.upload(routes, "\(StaffSite.root)/edycje/{edition}/pule/plik") { staff, form, files, _, context in
            try await addPoolFromFile(staff, form, files, context)
        }
        site.post(routes, "\(StaffSite.root)/edycje/{edition}/pule") { staff, form, _, context in
            let state = try site.residents.edition(context)
            let actor = try site.actor(staff, on: state.id, as: .official)
            var errors = FormErrors()
            if let config = PoolForm.config(form, &errors, renderer, staff.page) {
                do {
                    _ = try await site.gateway.execute(.addPool(config), on: state.id, by: actor, ledgerKey: ResidentSite.ledgerKey(form, actor: actor))
                    return renderer.redirect("\(StaffSite.root)/edycje/\(state.id)?ok=staff_pool_added#pule", request: staff.page)
                } catch let refusal as Refusal where refusal.reason != .notAllowed && refusal.reason != .notInScope {
                    RefusalPlacement([.duplicateID: "id"]).place(refusal, into: &errors, messages: renderer.messages, staff.page.language)
                }
            }
            var model = try overview(state, actor: actor, staff.page, poolForm: form)
            model.errors = errors
            if let index = model.sections.firstIndex(where: { $0.anchor == "nowa-pula" }) { model.sections[index].forms[0].errors = errors }
            return renderer.response(
                "staff_page", model, chrome: site.chrome(model.heading, staff.page, edition: state, section: "edition"), request: staff.page,
                status: .unprocessableContent)
        }
    }

    /// Adds the pool an uploaded `.pb` file describes, or shows the overview again with the
    /// file's defect (file, line, field) beside the file field.
    private func addPoolFromFile(
        _ staff: StaffRequest, _ form: FormData, _ files: [String: MultipartForm.File], _ context: WiecRequestContext
    ) async throws -> Response {
        let state = try site.residents.edition(context)
        let actor = try site.actor(staff, on: state.id, as: .official)
        let t = { (key: String) in renderer.text(key, staff.page) }
        var errors = FormErrors()
        let id = form.value("plik_id") ?? ""
        if (try? TextRules.id(id, "id")) == nil { errors.add("plik_id", t("staff_pool_id_invalid")) }
        let name = form.value("plik_nazwa").flatMap { $0.isEmpty ? nil : $0 }
        if let name, (try? TextRules.line(name, "nazwa")) == nil { errors.add("plik_nazwa", t("staff_pool_name_missing")) }
        if let file = files["plik"] {
            if errors.isEmpty {
                do {
                    let config = try PoolFile.config(file, id: id, name: name)
                    do {
                        _ = try await site.gateway.execute(.addPool(config), on: state.id, by: actor, ledgerKey: ResidentSite.ledgerKey(form, actor: actor))
                        return renderer.redirect("\(StaffSite.root)/edycje/\(state.id)?ok=staff_pool_added#pule", request: staff.page)
                    } catch let refusal as Refusal where refusal.reason != .notAllowed && refusal.reason != .notInScope {
                        RefusalPlacement([.duplicateID: "plik_id"]).place(refusal, into: &errors, messages: renderer.messages, staff.page.language)
                        if refusal.reason != .duplicateID { errors.add("plik", renderer.text("staff_pool_file_refused", staff.page, ["detail": refusal.detail])) }
                    }
                } catch {
                    errors.add("plik", renderer.text("staff_pool_file_invalid", staff.page, ["detail": String(describing: error)]))
                }
            }
        } else {
            errors.add("plik", t("staff_pool_file_missing"))
        }
        var model = try overview(state, actor: actor, staff.page, fileForm: form)
        model.errors = errors
        if let index = model.sections.firstIndex(where: { $0.anchor == "pula-z-pliku" }) { model.sections[index].forms[0].errors = errors }
        return renderer.response(
            "staff_page", model, chrome: site.chrome(model.heading, staff.page, edition: state, section: "edition"), request: staff.page,
            status: .unprocessableContent)
    }

    private func showNewEdition(_ staff: StaffRequest, form: FormData?, errors: FormErrors) -> Response {
        let t = { (key: String) in renderer.text(key, staff.page) }
        let model = FormPage(
            heading: t("staff_new_edition"), lead: t("staff_new_edition_lead"), action: "\(StaffSite.root)/nowa-edycja",
            fields: [
                FieldModel(name: "id", label: t("staff_edition_id"), hint: t("staff_edition_id_hint"), value: form?.value("id") ?? "", maxLength: 64,
                           autocomplete: "off", width: "short"),
                FieldModel(name: "nazwa", label: t("staff_edition_name"), value: form?.value("nazwa") ?? "", maxLength: 200, autocomplete: "off"),
            ],
            errors: errors, submit: t("staff_new_edition_submit"))
        return renderer.response(
            "form", model, chrome: site.chrome(model.heading, staff.page), request: staff.page, status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    /// The edition's overview for one actor: what an official may change appears only to officials.
    private func overview(_ state: EditionState, actor: Actor, _ page: PageRequest, poolForm: FormData? = nil, fileForm: FormData? = nil) throws -> StaffPage {
        let t = { (key: String) in renderer.text(key, page) }
        let base = "\(StaffSite.root)/edycje/\(state.id)"
        let phases = Phase.allCases.map { phase in
            StaffPage.Row(cells: [
                StaffPage.Cell(text: renderer.catalogue.text("phase_" + phase.rawValue, page.language)),
                StaffPage.Cell(text: phase == state.phase ? t("staff_phase_now") : phase < state.phase ? t("staff_phase_done") : t("staff_phase_later")),
            ])
        }
        var timetable = StaffPage.Section(
            title: t("staff_timetable"),
            table: StaffPage.Table(caption: t("staff_timetable"), headers: [t("staff_phase"), t("staff_phase_state")], rows: phases, empty: ""))
        if actor.role == .official, let next = state.phase.next {
            timetable.links = [Link(href: "\(base)/faza?na=\(next.rawValue)", label: renderer.text("staff_move_to", page, ["phase": renderer.catalogue.text("phase_" + next.rawValue, page.language)]))]
        }
        let pools = state.poolOrder.compactMap { state.pools[$0]?.config }.map { config in
            let rules = PoolRules(config: config, catalogue: renderer.catalogue, language: page.language)
            return StaffPage.Row(cells: [
                StaffPage.Cell(text: config.name),
                StaffPage.Cell(text: PolishFormat.money(config.budget, page.language), numeric: true),
                StaffPage.Cell(text: ([rules.ballot] + rules.limits).joined(separator: " ")),
                StaffPage.Cell(text: rules.rule + " " + rules.tieBreaking),
            ])
        }
        var sections = [
            timetable,
            StaffPage.Section(
                title: t("staff_pools"),
                table: StaffPage.Table(
                    caption: t("staff_pools"), headers: [t("staff_pool"), t("staff_budget"), t("staff_ballot_rules"), t("staff_count_rules")],
                    rows: pools, empty: t("staff_no_pools")),
                anchor: "pule"),
        ]
        if actor.role == .official, state.phase == .draft {
            sections.append(StaffPage.Section(
                title: t("staff_add_pool"), paragraphs: [t("staff_add_pool_lead")],
                forms: [StaffForm(action: "\(base)/pule", submit: t("staff_add_pool_submit"), fields: PoolForm.fields(poolForm, renderer, page))],
                anchor: "nowa-pula"))
            sections.append(StaffPage.Section(
                title: t("staff_pool_file_title"), paragraphs: [t("staff_pool_file_lead")],
                forms: [StaffForm(
                    action: "\(base)/pule/plik", submit: t("staff_pool_file_submit"),
                    fields: [
                        FieldModel(name: "plik_id", label: t("staff_pool_id"), hint: t("staff_pool_id_hint"), value: fileForm?.value("plik_id") ?? "", maxLength: 64,
                                   autocomplete: "off", width: "short"),
                        FieldModel(name: "plik_nazwa", label: t("staff_pool_name"), hint: t("staff_pool_file_name_hint"), value: fileForm?.value("plik_nazwa") ?? "",
                                   maxLength: 200, autocomplete: "off", required: false),
                        FieldModel(name: "plik", label: t("staff_pool_file"), hint: t("staff_pool_file_hint"), value: "", kind: .file),
                    ],
                    upload: true)],
                anchor: "pula-z-pliku"))
        }
        sections.append(try checkpointSection(page))
        return StaffPage(heading: state.name ?? state.id, lead: renderer.text("staff_edition_lead", page, ["phase": renderer.catalogue.text("phase_" + state.phase.rawValue, page.language)]), sections: sections)
    }

    /// The confirmation of a phase change: what it closes and what it opens.
    private func confirmation(_ state: EditionState, to next: Phase, _ page: PageRequest) -> StaffPage {
        let t = { (key: String) in renderer.text(key, page) }
        let name = { (phase: Phase) in renderer.catalogue.text("phase_" + phase.rawValue, page.language) }
        let base = "\(StaffSite.root)/edycje/\(state.id)"
        var model = StaffPage(
            heading: renderer.text("staff_confirm_title", page, ["phase": name(next)]),
            lead: renderer.text("staff_confirm_lead", page, ["from": name(state.phase), "to": name(next)]),
            sections: [
                StaffPage.Section(
                    title: nil,
                    facts: [
                        Fact(term: t("staff_confirm_closes"), value: t("staff_closes_" + state.phase.rawValue)),
                        Fact(term: t("staff_confirm_opens"), value: t("staff_opens_" + next.rawValue)),
                    ],
                    links: [Link(href: base, label: t("staff_cancel"))],
                    forms: [StaffForm(action: "\(base)/faza", submit: renderer.text("staff_confirm_submit", page, ["phase": name(next)]), hidden: [Fact(term: "na", value: next.rawValue)])])
            ])
        if next == .published {
            model.sections.insert(contentsOf: PublishCount(renderer: renderer, page: page).sections(state), at: 0)
        }
        return model
    }

    /// The latest signed checkpoint: tree size, root, time and signature, as the log wrote them.
    private func checkpointSection(_ page: PageRequest) throws -> StaffPage.Section {
        let t = { (key: String) in renderer.text(key, page) }
        guard let note = try site.gateway.checkpoints().last else {
            return StaffPage.Section(title: t("staff_checkpoint"), paragraphs: [t("staff_no_checkpoint")], anchor: "punkt-kontrolny")
        }
        let shown = CheckpointNote(note)
        return StaffPage.Section(
            title: t("staff_checkpoint"), paragraphs: [t("staff_checkpoint_lead")],
            facts: [
                Fact(term: t("staff_checkpoint_size"), value: shown.size),
                Fact(term: t("staff_checkpoint_root"), value: shown.root),
                Fact(term: t("staff_checkpoint_time"), value: shown.time),
                Fact(term: t("staff_checkpoint_signature"), value: shown.signature),
            ],
            anchor: "punkt-kontrolny")
    }
}

/// The lines of a signed checkpoint note (C2SP signed note): origin, size, root, time, signature.
struct CheckpointNote: Sendable {
    var size = ""
    var root = ""
    var time = ""
    var signature = ""

    init(_ note: String) {
        let lines = note.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.count > 2 {
            size = lines[1]
            root = lines[2]
        }
        time = lines.first { $0.hasPrefix("time ") }.map { String($0.dropFirst(5)) } ?? ""
        signature = lines.first { $0.hasPrefix("— ") }.map { String($0.dropFirst(2)) } ?? ""
    }
}
