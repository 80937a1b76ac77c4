import Foundation
import HTTPTypes
import Hummingbird
import WiecCore
import WiecGateway
import WiecTally

/// The village fund for the gmina's official and the sołtysi: opening a fund for a budget year,
/// the council's resolution, the announcement of the amounts (the formula applied to the
/// revenue and residents typed in), every sołectwo's status against the deadlines, and per
/// sołectwo the assembly entered from its minutes and the application adopted there.
/// Decisions on an application are on ``FundApplicationPages``.
struct VillageFundStaffPages: Sendable {
    let site: StaffSite

    private var renderer: PageRenderer { site.renderer }
    static let root = StaffSite.root + "/fundusze"

    func add(to routes: RouteCollection<WiecRequestContext>) {
        site.get(routes, "\(Self.root)") { staff, _, _ in
            show(try index(staff, form: nil, errors: FormErrors()), staff.page, fund: nil)
        }
        site.post(routes, "\(Self.root)") { staff, form, _, _ in
            let actor = try Principal.staff(staff.account).creator()
            let read = FundForms(renderer: renderer, page: staff.page)
            var errors = FormErrors()
            let id = read.id(form, "fundusz_id", &errors), name = read.line(form, "fundusz_nazwa", &errors)
            let year = read.count(form, "rok", 2015...9999, &errors)
            if let id, let name, let year, errors.isEmpty {
                do {
                    let rules = VillageFundRules.statutory(budgetYear: Int(year), rounding: form.value("zaokraglenie") == "zloty" ? .zloty : .grosz)
                    _ = try await site.gateway.execute(
                        .villageFund(.open(name: name, rules: rules)), on: id, by: actor, ledgerKey: ResidentSite.ledgerKey(form, actor: actor))
                    return renderer.redirect("\(Self.root)/\(id)?ok=fund_opened", request: staff.page)
                } catch let refusal as Refusal where refusal.reason == .editionExists || refusal.reason == .invalidValue {
                    RefusalPlacement([.editionExists: "fundusz_id", .invalidValue: "rok"]).place(refusal, into: &errors, messages: renderer.messages, staff.page.language)
                }
            }
            return show(try index(staff, form: form, errors: errors), staff.page, fund: nil, status: .unprocessableContent)
        }
        site.get(routes, "\(Self.root)/{fund}") { staff, _, context in
            let (state, fund, actor) = try target(staff, context, as: .reviewer)
            return show(overview(state, fund, actor, staff.page), staff.page, fund: state)
        }
        site.post(routes, "\(Self.root)/{fund}/uchwala") { staff, form, _, context in
            let (state, fund, actor) = try target(staff, context, as: .official)
            let read = FundForms(renderer: renderer, page: staff.page)
            var errors = FormErrors()
            let number = read.line(form, "uchwala_numer", &errors), adopted = read.day(form, "uchwala_data", &errors)
            let consents = form.value("zgoda")
            if consents != "tak" && consents != "nie" { errors.add("zgoda", renderer.text("fund_error_choose", staff.page)) }
            if let number, let adopted, errors.isEmpty {
                let command = VillageFundCommand.recordResolution(number: number, adoptedOn: adopted, consents: consents == "tak")
                if let refused = try await execute(command, state, actor, form, staff.page, fields: [
                    .deadlinePassed: ("uchwala_data", renderer.text("fund_error_resolution_late", staff.page, ["day": day(fund.rules.resolutionDeadline, staff.page)])),
                    .invalidValue: ("zgoda", nil), .outOfOrder: ("uchwala_data", nil),
                ]) {
                    errors = refused
                } else {
                    return renderer.redirect("\(Self.root)/\(state.id)?ok=fund_resolution_recorded#zasady", request: staff.page)
                }
            }
            return show(overview(state, fund, actor, staff.page, form: form, errors: errors), staff.page, fund: state, status: .unprocessableContent)
        }
        site.post(routes, "\(Self.root)/{fund}/kwoty") { staff, form, _, context in
            let (state, fund, actor) = try target(staff, context, as: .official)
            let read = FundForms(renderer: renderer, page: staff.page)
            var errors = FormErrors()
            let revenue = read.money(form, "dochody", &errors), residents = read.count(form, "mieszkancy", 1...Int64(Bounds.maxCount), &errors)
            let solectwa = read.solectwa(form, "solectwa", &errors), announced = read.day(form, "ogloszono", &errors)
            if let revenue, let residents, let solectwa, let announced, errors.isEmpty {
                let command = VillageFundCommand.announceAmounts(revenue: revenue, residents: residents, solectwa: solectwa, announcedOn: announced)
                if let refused = try await execute(command, state, actor, form, staff.page, fields: [
                    .outOfOrder: ("ogloszono", nil), .invalidValue: ("solectwa", nil), .fundNotSeparated: (nil, nil),
                ]) {
                    errors = refused
                } else {
                    return renderer.redirect("\(Self.root)/\(state.id)?ok=fund_amounts_announced#solectwa", request: staff.page)
                }
            }
            return show(overview(state, fund, actor, staff.page, form: form, errors: errors), staff.page, fund: state, status: .unprocessableContent)
        }
        site.get(routes, "\(Self.root)/{fund}/solectwa/{solectwo}") { staff, _, context in
            let (state, fund, actor, share) = try solectwo(staff, context)
            return show(solectwoPage(state, fund, actor, share, staff.page), staff.page, fund: state)
        }
        site.post(routes, "\(Self.root)/{fund}/solectwa/{solectwo}/zebrania") { staff, form, _, context in
            let (state, fund, actor, share) = try solectwo(staff, context)
            let read = FundForms(renderer: renderer, page: staff.page)
            var errors = FormErrors()
            let id = read.id(form, "zebranie_id", &errors), held = read.day(form, "zebranie_data", &errors)
            let attendance = read.count(form, "obecni", 0...Int64(VillageFund.maximumAttendance), &errors)
            var convener: AssemblyConvener?
            switch form.value("zwolal") {
            case "soltys": convener = .soltys
            case "rada_solecka": convener = .radaSolecka
            case "mieszkancy":
                if let count = read.count(form, "inicjatorzy", 1...Int64(VillageFund.maximumAttendance), &errors) { convener = .residents(count: Int(count)) }
            default: errors.add("zwolal", renderer.text("fund_error_choose", staff.page))
            }
            let projects = read.projects(form, "przedsiewziecia", &errors)
            if let id, let held, let attendance, let convener, let projects, errors.isEmpty {
                let assembly = VillageAssembly(
                    id: id, solectwo: share.solectwo, convener: convener, heldOn: held, attendance: Int(attendance), projects: projects)
                let minimum = String(fund.rules.minimumInitiators)
                if let refused = try await execute(.recordAssembly(assembly), state, actor, form, staff.page, fields: [
                    .duplicateID: ("zebranie_id", nil),
                    .tooFewInitiators: ("inicjatorzy", renderer.text("fund_error_too_few_initiators", staff.page, ["count": minimum])),
                    .invalidValue: ("przedsiewziecia", nil), .outOfOrder: ("zebranie_data", nil),
                ]) {
                    errors = refused
                } else {
                    return renderer.redirect("\(path(state, share, fund))?ok=fund_assembly_recorded#zebranie-\(id)", request: staff.page)
                }
            }
            return show(solectwoPage(state, fund, actor, share, staff.page, form: form, errors: errors), staff.page, fund: state, status: .unprocessableContent)
        }
        site.post(routes, "\(Self.root)/{fund}/solectwa/{solectwo}/wnioski") { staff, form, _, context in
            let (state, fund, actor, share) = try solectwo(staff, context)
            let read = FundForms(renderer: renderer, page: staff.page)
            var errors = FormErrors()
            let id = read.id(form, "wniosek_id", &errors), submitted = read.day(form, "zlozono", &errors)
            let assembly = form.value("zebranie").flatMap { fund.assemblies[$0] }
            if assembly == nil { errors.add("zebranie", renderer.text("fund_error_choose", staff.page)) }
            let projects = read.ids(form, "numery", &errors)
            let replaces = form.value("zastepuje").flatMap { $0.isEmpty ? nil : $0 }
            if let id, let submitted, let assembly, let projects, errors.isEmpty {
                let command = VillageFundCommand.submitApplication(
                    id: id, solectwo: share.solectwo, assembly: assembly.id, projects: projects, submittedOn: submitted, replaces: replaces)
                let cost = projects.compactMap { id in assembly.projects.first { $0.id == id }?.costEstimate }.reduce(Int64(0)) { $0 &+ $1.minorUnits }
                let unknown = projects.first { id in !assembly.projects.contains { $0.id == id } } ?? ""
                let rejectedAtAssembly = projects.first { id in assembly.projects.first { $0.id == id }?.votes.adopted == false } ?? ""
                let late = replaces.flatMap { fund.applications[$0]?.decidedOn }.map { rejected in
                    renderer.text("fund_error_readoption_late", staff.page, ["day": day(rejected, staff.page), "last": day(rejected.adding(days: fund.rules.responseDays), staff.page)])
                } ?? renderer.text("fund_error_application_late", staff.page, ["day": day(fund.rules.applicationDeadline, staff.page)])
                if let refused = try await execute(command, state, actor, form, staff.page, fields: [
                    .duplicateID: ("wniosek_id", nil), .deadlinePassed: ("zlozono", late), .outOfOrder: ("zlozono", nil),
                    .overFundAmount: ("numery", renderer.text("fund_error_over_amount", staff.page, [
                        "cost": money(Money(minorUnits: cost), staff.page), "available": money(share.available, staff.page),
                        "excess": money(Money(minorUnits: cost &- share.available.minorUnits), staff.page),
                    ])),
                    .notAdopted: ("numery", renderer.text("fund_error_not_adopted", staff.page, ["project": rejectedAtAssembly])),
                    .unknownProject: ("numery", renderer.text("fund_error_unknown_project", staff.page, ["project": unknown])),
                    .duplicateProject: ("numery", nil), .invalidValue: ("numery", nil), .unknownApplication: ("zastepuje", nil),
                    .alreadyDecided: ("wniosek_id", nil), .unknownAssembly: ("zebranie", nil),
                ]) {
                    errors = refused
                } else {
                    return renderer.redirect("\(Self.root)/\(state.id)/wnioski/\(id)?ok=fund_application_submitted", request: staff.page)
                }
            }
            return show(solectwoPage(state, fund, actor, share, staff.page, form: form, errors: errors), staff.page, fund: state, status: .unprocessableContent)
        }
        FundApplicationPages(site: site).add(to: routes)
    }

    // MARK: - Pages

    private func index(_ staff: StaffRequest, form: FormData?, errors: FormErrors) throws -> StaffPage {
        let t = { (key: String) in renderer.text(key, staff.page) }
        let account = staff.account
        let rows = try site.gateway.editions().filter { $0.villageFund != nil && account.scope.scope(in: $0.id) != nil }.map { state in
            StaffPage.Row(cells: [
                StaffPage.Cell(text: state.name ?? state.id, href: account.role == .auditor ? nil : "\(Self.root)/\(state.id)"),
                StaffPage.Cell(text: String(state.villageFund!.rules.budgetYear), numeric: true),
            ])
        }
        var sections = [StaffPage.Section(
            title: nil,
            table: StaffPage.Table(caption: t("fund_index_title"), headers: [t("fund_name"), t("fund_budget_year")], rows: rows, empty: t("fund_index_none")))]
        if account.role == .admin, account.scope == .all {
            var open = StaffForm(
                action: Self.root, submit: t("fund_open_submit"),
                fields: [
                    FieldModel(name: "fundusz_id", label: t("fund_id"), hint: t("staff_edition_id_hint"), value: form?.value("fundusz_id") ?? "", maxLength: 64,
                               autocomplete: "off", width: "short"),
                    FieldModel(name: "fundusz_nazwa", label: t("fund_name"), value: form?.value("fundusz_nazwa") ?? "", maxLength: 200, autocomplete: "off"),
                    FieldModel(name: "rok", label: t("fund_budget_year"), hint: t("fund_budget_year_hint"), value: form?.value("rok") ?? "", maxLength: 4,
                               inputMode: "numeric", autocomplete: "off", width: "short"),
                    FieldModel(name: "zaokraglenie", label: t("fund_rounding"), value: "", kind: .select,
                               options: ["grosz", "zloty"].map { Option(value: $0, label: t("fund_rounding_" + $0), selected: (form?.value("zaokraglenie") ?? "grosz") == $0) }),
                ])
            open.errors = errors
            sections.append(StaffPage.Section(title: t("fund_open_title"), paragraphs: [t("fund_open_lead")], forms: [open], anchor: "nowy"))
        }
        var model = StaffPage(heading: t("fund_index_title"), lead: t("fund_staff_index_lead"), sections: sections)
        model.errors = errors
        return model
    }

    /// The fund for the official: the dated rules, the next step's form, every sołectwo's status.
    private func overview(
        _ state: EditionState, _ fund: VillageFundState, _ actor: Actor, _ page: PageRequest, form: FormData? = nil, errors: FormErrors = FormErrors()
    ) -> StaffPage {
        let t = { (key: String) in renderer.text(key, page) }
        let sections = VillageFundSections(renderer: renderer, page: page, state: state, fund: fund, base: "\(Self.root)/\(state.id)")
        var all = [sections.solectwa, sections.rules]
        if let formula = sections.formula { all.insert(formula, at: 1) }
        let base = "\(Self.root)/\(state.id)"
        if actor.role == .official, actor.scope == .edition {
            if fund.resolution == nil {
                var record = StaffForm(
                    action: base + "/uchwala", submit: t("fund_resolution_submit"),
                    fields: [
                        FieldModel(name: "uchwala_numer", label: t("fund_resolution_number"), hint: t("fund_resolution_number_hint"),
                                   value: form?.value("uchwala_numer") ?? "", maxLength: 200, autocomplete: "off"),
                        FieldModel(name: "uchwala_data", label: t("fund_resolution_day"), hint: t("fund_day_hint"), value: form?.value("uchwala_data") ?? FundForms.today,
                                   maxLength: 10, autocomplete: "off", width: "short"),
                        FieldModel(name: "zgoda", label: t("fund_resolution_consent"), value: "", kind: .select,
                                   options: [Option(value: "", label: t("staff_choose"), selected: form?.value("zgoda") == nil)]
                                       + ["tak", "nie"].map { Option(value: $0, label: t("fund_consent_" + $0), selected: form?.value("zgoda") == $0) }),
                    ])
                record.errors = errors
                all.insert(StaffPage.Section(title: t("fund_resolution_title"), paragraphs: [t("fund_resolution_lead")], forms: [record], anchor: "uchwala"), at: 0)
            } else if fund.announcement == nil, fund.resolution?.consents == true {
                var announce = StaffForm(
                    action: base + "/kwoty", submit: t("fund_amounts_submit"),
                    fields: [
                        FieldModel(name: "dochody", label: t("fund_revenue"), hint: renderer.text("fund_revenue_hint", page, ["year": String(fund.rules.budgetYear - 2)]),
                                   value: form?.value("dochody") ?? "", maxLength: 30, inputMode: "decimal", autocomplete: "off", width: "short"),
                        FieldModel(name: "mieszkancy", label: t("fund_residents"), hint: renderer.text("fund_residents_hint", page, ["year": String(fund.rules.budgetYear - 2)]),
                                   value: form?.value("mieszkancy") ?? "", maxLength: 12, inputMode: "numeric", autocomplete: "off", width: "short"),
                        FieldModel(name: "solectwa", label: t("fund_solectwa_field"), hint: t("fund_solectwa_hint"), value: form?.raw("solectwa") ?? "",
                                   kind: .textarea, maxLength: 100_000),
                        FieldModel(name: "ogloszono", label: t("fund_announced_day"), hint: t("fund_day_hint"), value: form?.value("ogloszono") ?? FundForms.today,
                                   maxLength: 10, autocomplete: "off", width: "short"),
                    ])
                announce.errors = errors
                all.insert(StaffPage.Section(title: t("fund_amounts_title"), paragraphs: [t("fund_amounts_lead")], forms: [announce], anchor: "kwoty"), at: 0)
            }
        }
        var model = StaffPage(heading: state.name ?? state.id, lead: t("fund_staff_lead"), sections: all)
        model.errors = errors
        return model
    }

    /// A sołectwo for its sołtys: the amount, the assemblies, the applications, and the forms
    /// that enter an assembly from its minutes and submit the application it adopted.
    private func solectwoPage(
        _ state: EditionState, _ fund: VillageFundState, _ actor: Actor, _ share: SolectwoShare, _ page: PageRequest, form: FormData? = nil,
        errors: FormErrors = FormErrors()
    ) -> StaffPage {
        let t = { (key: String) in renderer.text(key, page) }
        let sections = VillageFundSections(renderer: renderer, page: page, state: state, fund: fund, base: "\(Self.root)/\(state.id)")
        let action = path(state, share, fund)
        let value = { (name: String, fallback: String) in form?.value(name) ?? fallback }
        var assembly = StaffForm(
            action: action + "/zebrania", submit: t("fund_assembly_submit"),
            fields: [
                FieldModel(name: "zebranie_id", label: t("fund_assembly_id"), hint: t("fund_assembly_id_hint"), value: value("zebranie_id", ""), maxLength: 64,
                           autocomplete: "off", width: "short"),
                FieldModel(name: "zebranie_data", label: t("fund_assembly_day"), hint: t("fund_day_hint"), value: value("zebranie_data", FundForms.today), maxLength: 10,
                           autocomplete: "off", width: "short"),
                FieldModel(name: "zwolal", label: t("fund_convener"), value: "", kind: .select,
                           options: [Option(value: "", label: t("staff_choose"), selected: form?.value("zwolal") == nil)]
                               + ["soltys", "rada_solecka", "mieszkancy"].map { Option(value: $0, label: t("fund_convener_" + $0), selected: form?.value("zwolal") == $0) }),
                FieldModel(name: "inicjatorzy", label: t("fund_initiators_field"), hint: t("fund_initiators_hint"), value: value("inicjatorzy", ""), maxLength: 7,
                           inputMode: "numeric", autocomplete: "off", required: false, width: "short"),
                FieldModel(name: "obecni", label: t("fund_attendance"), hint: t("fund_attendance_hint"), value: value("obecni", ""), maxLength: 7,
                           inputMode: "numeric", autocomplete: "off", width: "short"),
                FieldModel(name: "przedsiewziecia", label: t("fund_projects_field"), hint: t("fund_projects_hint"), value: form?.raw("przedsiewziecia") ?? "",
                           kind: .textarea, maxLength: 100_000),
            ])
        let assemblyFields: Set<String> = ["zebranie_id", "zebranie_data", "zwolal", "inicjatorzy", "obecni", "przedsiewziecia"]
        let assemblySent = form?.fields.contains { assemblyFields.contains($0.name) } ?? false
        if assemblySent { assembly.errors = errors }
        var all = [sections.share(share), sections.applications(of: share.solectwo) { "\(Self.root)/\(state.id)/wnioski/\($0.id)" }]
        all += [sections.execution(of: share.solectwo)].compactMap { $0 } + sections.assemblies(of: share.solectwo)
        let held = fund.assemblies.values.filter { $0.solectwo == share.solectwo }.sorted { ($0.heldOn, $0.id) > ($1.heldOn, $1.id) }
        let rejected = fund.applications(of: share.solectwo).filter { $0.status == .rejected }
        let live = fund.applications(of: share.solectwo).contains { $0.status != .replaced && $0.status != .rejected }
        if !held.isEmpty, !live {
            let latest = held[0]
            var application = StaffForm(
                action: action + "/wnioski", submit: t("fund_application_submit"),
                fields: [
                    FieldModel(name: "wniosek_id", label: t("fund_application_id"), hint: t("fund_application_id_hint"), value: value("wniosek_id", ""), maxLength: 64,
                               autocomplete: "off", width: "short"),
                    FieldModel(name: "zebranie", label: t("fund_application_assembly"), value: "", kind: .select,
                               options: held.map { Option(value: $0.id, label: renderer.text("fund_assembly_title_day", page, ["day": day($0.heldOn, page), "id": $0.id]), selected: value("zebranie", latest.id) == $0.id) }),
                    FieldModel(name: "numery", label: t("fund_application_projects"), hint: t("fund_application_projects_hint"),
                               value: value("numery", latest.projects.filter(\.votes.adopted).map(\.id).joined(separator: ", ")), maxLength: 7_000, autocomplete: "off"),
                    FieldModel(name: "zlozono", label: t("fund_submitted_on"), hint: t("fund_day_hint"), value: value("zlozono", FundForms.today), maxLength: 10,
                               autocomplete: "off", width: "short"),
                ] + (rejected.isEmpty ? [] : [
                    FieldModel(name: "zastepuje", label: t("fund_replaces"), hint: t("fund_replaces_hint"), value: "", kind: .select,
                               options: [Option(value: "", label: t("fund_replaces_none"), selected: form?.value("zastepuje") == nil)]
                                   + rejected.map { Option(value: $0.id, label: $0.id, selected: form?.value("zastepuje") == $0.id) }),
                ]))
            if !assemblySent { application.errors = errors }
            all.append(StaffPage.Section(
                title: t("fund_application_title"), paragraphs: [t("fund_application_lead"), renderer.text("fund_available_now", page, ["amount": money(share.available, page)])],
                forms: [application], anchor: "nowy-wniosek"))
        }
        all.append(StaffPage.Section(title: t("fund_assembly_form_title"), paragraphs: [t("fund_assembly_form_lead")], forms: [assembly], anchor: "nowe-zebranie"))
        var model = StaffPage(
            heading: renderer.text("fund_solectwo_title", page, ["solectwo": share.solectwo]),
            lead: renderer.text("fund_soltys_lead", page, ["fund": state.name ?? state.id]), sections: all)
        model.errors = errors
        return model
    }

    // MARK: - Helpers

    /// Executes a fund command; on a refusal the core gives for the form's content, the
    /// message beside the field it is about (a page's own precise message where given).
    ///
    /// - Returns: `nil` once stored, else the form's errors.
    /// - Throws: a refusal of role or scope (shown as the 403 page), or anything else.
    private func execute(
        _ command: VillageFundCommand, _ state: EditionState, _ actor: Actor, _ form: FormData, _ page: PageRequest, fields: StaffSite.Placement
    ) async throws -> FormErrors? {
        let errors = try await site.execute(.villageFund(command), on: state, by: actor, form, page, placing: fields)
        return errors.isEmpty ? nil : errors
    }

    private func target(_ staff: StaffRequest, _ context: WiecRequestContext, as acting: Acting) throws -> (EditionState, VillageFundState, Actor) {
        let (state, fund) = try VillageFundPages.fund(site.gateway, context)
        return (state, fund, try site.actor(staff, on: state.id, as: acting))
    }

    /// The sołectwo a path names, for an account whose scope covers it.
    private func solectwo(_ staff: StaffRequest, _ context: WiecRequestContext) throws -> (EditionState, VillageFundState, Actor, SolectwoShare) {
        let (state, fund, actor) = try target(staff, context, as: .reviewer)
        guard let share = VillageFundSections.share(fund, at: try context.parameters.require("solectwo")) else { throw PageError.notFound }
        guard actor.covers(share.solectwo) else {
            throw Problem(Refusal(.notInScope, "\(actor.role.rawValue) \(actor.id) has no scope over sołectwo \(share.solectwo)"))
        }
        return (state, fund, actor, share)
    }

    private func path(_ state: EditionState, _ share: SolectwoShare, _ fund: VillageFundState) -> String {
        VillageFundSections.solectwoPath(fund, base: "\(Self.root)/\(state.id)", share.solectwo) ?? Self.root
    }

    private func day(_ day: CalendarDay, _ page: PageRequest) -> String { PolishFormat.day(day, page.language) }
    private func money(_ money: Money, _ page: PageRequest) -> String { PolishFormat.money(money, page.language) }

    private func show(_ model: StaffPage, _ page: PageRequest, fund: EditionState?, status: HTTPResponse.Status = .ok) -> Response {
        renderer.response("staff_page", model, chrome: chrome(model.heading, page, fund: fund), request: page, status: status)
    }

    /// The panel's frame with the funds' place in its navigation.
    func chrome(_ title: String, _ page: PageRequest, fund: EditionState?) -> Chrome {
        var chrome = site.chrome(title, page)
        chrome.nav.insert(Link(href: Self.root, label: renderer.text("fund_nav", page), current: fund == nil), at: 1)
        if let fund { chrome.nav.insert(Link(href: "\(Self.root)/\(fund.id)", label: fund.name ?? fund.id, current: true), at: 2) }
        return chrome
    }
}
