import Foundation
import HTTPTypes
import Hummingbird
import WiecCore
import WiecGateway
import WiecTally

/// Local initiatives for the gmina's officials: the council's criteria (weights, scales, the
/// tie-break rule, a contribution criterion always among them), the ranking, and per
/// application the officials' scores with justifications, the decision, the agreement (umowa)
/// and the progress with the contribution actually given. Each form appears when the
/// application's stage calls for it.
struct LocalInitiativeStaffPages: Sendable {
    let site: StaffSite

    private var renderer: PageRenderer { site.renderer }

    /// Which of an application's forms was sent, so its errors show beside its own fields.
    enum Step: String { case score, decision, agreement, progress }

    func add(to routes: RouteCollection<WiecRequestContext>) {
        let root = "\(StaffSite.root)/edycje/{edition}/inicjatywy-lokalne"
        site.get(routes, RouterPath(root)) { staff, _, context in
            let state = try site.residents.edition(context)
            let actor = try site.actor(staff, on: state.id, as: .reviewer)
            return show(list(state, actor, staff.page), state, staff.page)
        }
        site.post(routes, RouterPath(root + "/kryteria")) { staff, form, _, context in
            let state = try site.residents.edition(context)
            let actor = try site.actor(staff, on: state.id, as: .official)
            let read = FundForms(renderer: renderer, page: staff.page)
            var errors = FormErrors()
            let resolution = read.line(form, "kryteria_uchwala", &errors), adopted = read.day(form, "kryteria_data", &errors)
            let criteria = Self.criteria(form, &errors, renderer, staff.page)
            let tie = LocalInitiativeTieBreak(rawValue: form.value("remis") ?? "")
            if tie == nil { errors.add("remis", renderer.text("fund_error_choose", staff.page)) }
            if let resolution, let adopted, let criteria, let tie, errors.isEmpty {
                let rules = LocalInitiativeRules(resolution: resolution, adoptedOn: adopted, criteria: criteria, tieBreak: tie)
                errors = try await execute(.adoptCriteria(rules), state, actor, form, staff.page, [
                    .missingContributionCriterion: "kryteria", .invalidValue: "kryteria", .outOfOrder: "kryteria_data", .alreadyDecided: "kryteria_uchwala",
                ])
                if errors.isEmpty { return renderer.redirect("\(StaffSite.root)/edycje/\(state.id)/inicjatywy-lokalne?ok=li_criteria_adopted", request: staff.page) }
            }
            return show(list(state, actor, staff.page, form: form, errors: errors), state, staff.page, status: .unprocessableContent)
        }
        site.get(routes, RouterPath(root + "/{application}")) { staff, _, context in
            let (state, actor, application) = try target(staff, context, as: .reviewer)
            return show(page(state, actor, application, staff.page), state, staff.page)
        }
        site.post(routes, RouterPath(root + "/{application}/ocena")) { staff, form, _, context in
            let (state, actor, application) = try target(staff, context, as: .reviewer)
            let read = FundForms(renderer: renderer, page: staff.page)
            var errors = FormErrors()
            let criterion = form.value("ocena_kryterium") ?? ""
            let scale = state.localInitiative.rules?.criteria.first { $0.id == criterion }
            if scale == nil { errors.add("ocena_kryterium", renderer.text("fund_error_choose", staff.page)) }
            let points = scale.flatMap { read.count(form, "ocena_punkty", 0...$0.maxPoints, &errors) }
            let justification = read.paragraph(form, "ocena_uzasadnienie", &errors)
            if let points, let justification, errors.isEmpty {
                let command = LocalInitiativeCommand.scoreApplication(application: application.id, criterion: criterion, points: points, justification: justification)
                errors = try await execute(command, state, actor, form, staff.page, [
                    .alreadyScored: "ocena_kryterium", .pointsOutOfRange: "ocena_punkty", .alreadyDecided: "ocena_kryterium",
                ])
                if errors.isEmpty { return done(state, application, "li_scored", staff) }
            }
            return show(page(state, actor, application, staff.page, form: form, errors: errors, step: .score), state, staff.page, status: .unprocessableContent)
        }
        site.post(routes, RouterPath(root + "/{application}/decyzja")) { staff, form, _, context in
            let (state, actor, application) = try target(staff, context, as: .official)
            let read = FundForms(renderer: renderer, page: staff.page)
            var errors = FormErrors()
            let verdict = form.value("decyzja")
            if verdict != "tak" && verdict != "nie" { errors.add("decyzja", renderer.text("fund_error_choose", staff.page)) }
            let justification = read.paragraph(form, "decyzja_uzasadnienie", &errors), decided = read.day(form, "decyzja_data", &errors)
            if let justification, let decided, errors.isEmpty {
                let command = LocalInitiativeCommand.decideApplication(application: application.id, approved: verdict == "tak", justification: justification, decidedOn: decided)
                errors = try await execute(command, state, actor, form, staff.page, [.outOfOrder: "decyzja", .alreadyDecided: "decyzja"])
                if errors.isEmpty { return done(state, application, "li_decided", staff) }
            }
            return show(page(state, actor, application, staff.page, form: form, errors: errors, step: .decision), state, staff.page, status: .unprocessableContent)
        }
        site.post(routes, RouterPath(root + "/{application}/umowa")) { staff, form, _, context in
            let (state, actor, application) = try target(staff, context, as: .official)
            let read = FundForms(renderer: renderer, page: staff.page)
            var errors = FormErrors()
            let number = read.line(form, "umowa_numer", &errors), signed = read.day(form, "umowa_data", &errors), ends = read.day(form, "umowa_koniec", &errors)
            let share = read.money(form, "umowa_gmina", &errors), contribution = Self.contribution(form, "umowa_", &errors, read)
            if let number, let signed, let ends, let share, let contribution, errors.isEmpty {
                let command = LocalInitiativeCommand.signAgreement(
                    application: application.id, number: number, signedOn: signed, endsOn: ends, gminaShare: share, contribution: contribution)
                errors = try await execute(command, state, actor, form, staff.page, [.invalidValue: "umowa_koniec", .outOfOrder: "umowa_data"])
                if errors.isEmpty { return done(state, application, "li_agreement_signed", staff) }
            }
            return show(page(state, actor, application, staff.page, form: form, errors: errors, step: .agreement), state, staff.page, status: .unprocessableContent)
        }
        site.post(routes, RouterPath(root + "/{application}/postep")) { staff, form, _, context in
            let (state, actor, application) = try target(staff, context, as: .official)
            let read = FundForms(renderer: renderer, page: staff.page)
            var errors = FormErrors()
            let day = read.day(form, "postep_data", &errors), note = read.paragraph(form, "postep_opis", &errors)
            let given = Self.contribution(form, "postep_", &errors, read)
            if let day, let note, let given, errors.isEmpty {
                let command = LocalInitiativeCommand.recordProgress(
                    application: application.id, on: day, note: note, contributionGiven: given, completed: form.value("postep_zakonczone") == "tak")
                errors = try await execute(command, state, actor, form, staff.page, [.invalidValue: "postep_godziny", .outOfOrder: "postep_data"])
                if errors.isEmpty { return done(state, application, "li_progress_recorded", staff) }
            }
            return show(page(state, actor, application, staff.page, form: form, errors: errors, step: .progress), state, staff.page, status: .unprocessableContent)
        }
    }

    // MARK: - Pages

    private func list(_ state: EditionState, _ actor: Actor, _ page: PageRequest, form: FormData? = nil, errors: FormErrors = FormErrors()) -> StaffPage {
        let t = { (key: String) in renderer.text(key, page) }
        let sections = LocalInitiativeSections(renderer: renderer, page: page, state: state, base: "\(StaffSite.root)/edycje/\(state.id)/inicjatywy-lokalne")
        var all = [sections.ranking, sections.criteria]
        if state.localInitiative.rules == nil, actor.role == .official, actor.scope == .edition {
            let value = { (name: String, fallback: String) in form?.value(name) ?? fallback }
            var adopt = StaffForm(
                action: "\(StaffSite.root)/edycje/\(state.id)/inicjatywy-lokalne/kryteria", submit: t("li_criteria_submit"),
                fields: [
                    FieldModel(name: "kryteria_uchwala", label: t("fund_resolution_number"), hint: t("fund_resolution_number_hint"), value: value("kryteria_uchwala", ""),
                               maxLength: 200, autocomplete: "off"),
                    FieldModel(name: "kryteria_data", label: t("fund_resolution_day"), hint: t("fund_day_hint"), value: value("kryteria_data", FundForms.today),
                               maxLength: 10, autocomplete: "off", width: "short"),
                    FieldModel(name: "kryteria", label: t("li_criteria_field"), hint: t("li_criteria_hint"), value: form?.raw("kryteria") ?? "", kind: .textarea,
                               maxLength: 20_000),
                    FieldModel(name: "remis", label: t("li_tie"), value: "", kind: .select,
                               options: LocalInitiativeTieBreak.allCases.map { Option(value: $0.rawValue, label: t("li_tie_" + $0.rawValue), selected: value("remis", "contribution-then-submission") == $0.rawValue) }),
                ])
            adopt.errors = errors
            all.insert(StaffPage.Section(title: t("li_criteria_form_title"), paragraphs: [t("li_criteria_form_lead")], forms: [adopt], anchor: "nowe-kryteria"), at: 0)
        }
        var model = StaffPage(heading: t("li_title"), lead: t("li_staff_lead"), sections: all)
        model.errors = errors
        return model
    }

    private func page(
        _ state: EditionState, _ actor: Actor, _ application: LocalApplication, _ page: PageRequest, form: FormData? = nil,
        errors: FormErrors = FormErrors(), step: Step? = nil
    ) -> StaffPage {
        let t = { (key: String) in renderer.text(key, page) }
        let base = "\(StaffSite.root)/edycje/\(state.id)/inicjatywy-lokalne/\(application.id)"
        let names = Dictionary(((try? site.residents.access.staff()) ?? []).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let sections = LocalInitiativeSections(renderer: renderer, page: page, state: state, base: "\(StaffSite.root)/edycje/\(state.id)/inicjatywy-lokalne")
        var all = sections.application(application) { names[$0] ?? $0 }
        let value = { (name: String, fallback: String) in form?.value(name) ?? fallback }
        let official = actor.role == .official && actor.scope == .edition
        let criteria = state.localInitiative.rules?.criteria ?? []
        func add(_ kind: Step, _ title: String, _ lead: String, _ form: StaffForm) {
            var shown = form
            if kind == step { shown.errors = errors }
            all.append(StaffPage.Section(title: title, paragraphs: [lead], forms: [shown], anchor: "krok-" + kind.rawValue))
        }
        if application.approved == nil {
            let unscored = criteria.filter { criterion in !application.scores.contains { $0.criterion == criterion.id && $0.scorer == actor.id } }
            if !unscored.isEmpty {
                add(.score, t("li_score_title"), t("li_score_lead"), StaffForm(
                    action: base + "/ocena", submit: t("li_score_submit"),
                    fields: [
                        FieldModel(name: "ocena_kryterium", label: t("li_criterion"), value: "", kind: .select,
                                   options: unscored.map { Option(value: $0.id, label: renderer.text("li_criterion_option", page, ["name": $0.name, "max": String($0.maxPoints)]), selected: value("ocena_kryterium", "") == $0.id) }),
                        FieldModel(name: "ocena_punkty", label: t("li_points"), value: value("ocena_punkty", ""), maxLength: 10, inputMode: "numeric", autocomplete: "off",
                                   width: "short"),
                        FieldModel(name: "ocena_uzasadnienie", label: t("li_justification"), value: form?.raw("ocena_uzasadnienie") ?? "", kind: .textarea, maxLength: 10_000),
                    ]))
            }
            let fullyScored = criteria.allSatisfy { criterion in application.scores.contains { $0.criterion == criterion.id } }
            if official, fullyScored {
                add(.decision, t("li_decision_title"), t("li_decision_lead"), StaffForm(
                    action: base + "/decyzja", submit: t("li_decision_submit"),
                    fields: [
                        FieldModel(name: "decyzja", label: t("li_decision"), value: "", kind: .select,
                                   options: [Option(value: "", label: t("staff_choose"), selected: form?.value("decyzja") == nil)]
                                       + ["tak", "nie"].map { Option(value: $0, label: t("li_verdict_" + $0), selected: form?.value("decyzja") == $0) }),
                        FieldModel(name: "decyzja_uzasadnienie", label: t("li_justification"), value: form?.raw("decyzja_uzasadnienie") ?? "", kind: .textarea,
                                   maxLength: 10_000),
                        FieldModel(name: "decyzja_data", label: t("li_decided_on"), hint: t("fund_day_hint"), value: value("decyzja_data", FundForms.today), maxLength: 10,
                                   autocomplete: "off", width: "short"),
                    ]))
            }
        } else if official, application.approved == true, application.agreement == nil {
            add(.agreement, t("li_agreement_title"), t("li_agreement_lead"), StaffForm(
                action: base + "/umowa", submit: t("li_agreement_submit"),
                fields: [
                    FieldModel(name: "umowa_numer", label: t("li_agreement_number"), value: value("umowa_numer", ""), maxLength: 200, autocomplete: "off"),
                    FieldModel(name: "umowa_data", label: t("li_agreement_signed"), hint: t("fund_day_hint"), value: value("umowa_data", FundForms.today), maxLength: 10,
                               autocomplete: "off", width: "short"),
                    FieldModel(name: "umowa_koniec", label: t("li_agreement_ends"), hint: t("fund_day_hint"), value: value("umowa_koniec", ""), maxLength: 10,
                               autocomplete: "off", width: "short"),
                    FieldModel(name: "umowa_gmina", label: t("li_gmina_share"), hint: t("li_field_amount_hint"), value: value("umowa_gmina", ""), maxLength: 30,
                               inputMode: "decimal", autocomplete: "off", width: "short"),
                ] + Self.contributionFields("umowa_", form, t, application.contribution)))
        } else if official, application.agreement != nil, !application.isCompleted {
            add(.progress, t("li_progress_form_title"), t("li_progress_lead"), StaffForm(
                action: base + "/postep", submit: t("li_progress_submit"),
                fields: [
                    FieldModel(name: "postep_data", label: t("li_progress_day"), hint: t("fund_day_hint"), value: value("postep_data", FundForms.today), maxLength: 10,
                               autocomplete: "off", width: "short"),
                    FieldModel(name: "postep_opis", label: t("li_progress_note"), value: form?.raw("postep_opis") ?? "", kind: .textarea, maxLength: 10_000),
                ] + Self.contributionFields("postep_", form, t, nil) + [
                    FieldModel(name: "postep_zakonczone", label: t("li_completed_field"), value: "", kind: .select,
                               options: ["nie", "tak"].map { Option(value: $0, label: t("li_completed_" + $0), selected: value("postep_zakonczone", "nie") == $0) }),
                ]))
        }
        all.append(StaffPage.Section(title: nil, links: [Link(href: "\(StaffSite.root)/edycje/\(state.id)/inicjatywy-lokalne", label: t("li_back"))]))
        var model = StaffPage(heading: application.title, lead: t("li_staff_application_lead"), sections: all)
        model.errors = errors
        return model
    }

    // MARK: - Form readers

    /// The criteria of the council's resolution, one a line: `id; name; weight; most points; wkład`
    /// (the last field `tak` for a criterion that measures the residents' contribution).
    static func criteria(_ form: FormData, _ errors: inout FormErrors, _ renderer: PageRenderer, _ page: PageRequest) -> [AssessmentCriterion]? {
        var criteria: [AssessmentCriterion] = []
        let lines = (form.raw("kryteria") ?? "").split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            let parts = line.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let say = renderer.text("li_error_criterion_line", page, ["line": String(index + 1)])
            guard parts.count == 5, let id = try? TextRules.id(parts[0], "kryteria"), let name = try? TextRules.line(parts[1], "kryteria"), !name.isEmpty,
                let weight = Int64(parts[2]), (1...LocalInitiative.maximumQuantity).contains(weight),
                let most = Int64(parts[3]), (1...LocalInitiative.maximumQuantity).contains(most), ["tak", "nie"].contains(parts[4].lowercased())
            else {
                errors.add("kryteria", say)
                return nil
            }
            criteria.append(AssessmentCriterion(id: id, name: name, weight: weight, maxPoints: most, measuresContribution: parts[4].lowercased() == "tak"))
        }
        guard !criteria.isEmpty, criteria.count <= 50 else {
            errors.add("kryteria", renderer.text("li_error_criteria_count", page))
            return nil
        }
        return criteria
    }

    /// A contribution's three fields under a prefix: hours, goods and services, money.
    static func contribution(_ form: FormData, _ prefix: String, _ errors: inout FormErrors, _ read: FundForms) -> Contribution? {
        func amount(_ field: String) -> Money? {
            (form.value(field) ?? "").isEmpty ? .zero : read.money(form, field, &errors)
        }
        let hoursField = prefix + "godziny"
        let hours = (form.value(hoursField) ?? "").isEmpty ? 0 : read.count(form, hoursField, 0...LocalInitiative.maximumQuantity, &errors)
        let goods = amount(prefix + "rzeczy"), money = amount(prefix + "pieniadze")
        guard let hours, let goods, let money else { return nil }
        return Contribution(workHours: hours, goodsAndServices: goods, money: money)
    }

    private static func contributionFields(_ prefix: String, _ form: FormData?, _ t: (String) -> String, _ offered: Contribution?) -> [FieldModel] {
        let value = { (name: String, fallback: String) in form?.value(prefix + name) ?? fallback }
        // An amount as it is typed back: "1500,00".
        let shown = { (money: Money?) -> String in
            guard let money, money > .zero else { return "" }
            let cents = money.minorUnits % Money.minorUnitsPerUnit
            return "\(money.minorUnits / Money.minorUnitsPerUnit)," + (cents < 10 ? "0" : "") + "\(cents)"
        }
        return [
            FieldModel(name: prefix + "godziny", label: t("li_field_hours"), value: value("godziny", offered.map { $0.workHours > 0 ? String($0.workHours) : "" } ?? ""),
                       maxLength: 10, inputMode: "numeric", autocomplete: "off", required: false, width: "short"),
            FieldModel(name: prefix + "rzeczy", label: t("li_field_goods"), hint: t("li_field_amount_hint"), value: value("rzeczy", shown(offered?.goodsAndServices)),
                       maxLength: 30, inputMode: "decimal", autocomplete: "off", required: false, width: "short"),
            FieldModel(name: prefix + "pieniadze", label: t("li_field_money"), hint: t("li_field_amount_hint"), value: value("pieniadze", shown(offered?.money)),
                       maxLength: 30, inputMode: "decimal", autocomplete: "off", required: false, width: "short"),
        ]
    }

    // MARK: - Helpers

    private func execute(
        _ command: LocalInitiativeCommand, _ state: EditionState, _ actor: Actor, _ form: FormData, _ page: PageRequest, _ fields: [RefusalReason: String]
    ) async throws -> FormErrors {
        try await site.execute(.localInitiative(command), on: state, by: actor, form, page, placing: fields.mapValues { (field: $0, message: nil) })
    }

    private func target(_ staff: StaffRequest, _ context: WiecRequestContext, as acting: Acting) throws -> (EditionState, Actor, LocalApplication) {
        let state = try site.residents.edition(context)
        let actor = try site.actor(staff, on: state.id, as: acting)
        guard let application = state.localInitiative.applications[try context.parameters.require("application")] else { throw PageError.notFound }
        return (state, actor, application)
    }

    private func done(_ state: EditionState, _ application: LocalApplication, _ flash: String, _ staff: StaffRequest) -> Response {
        renderer.redirect("\(StaffSite.root)/edycje/\(state.id)/inicjatywy-lokalne/\(application.id)?ok=\(flash)", request: staff.page)
    }

    private func show(_ model: StaffPage, _ state: EditionState, _ page: PageRequest, status: HTTPResponse.Status = .ok) -> Response {
        renderer.response("staff_page", model, chrome: site.chrome(model.heading, page, edition: state, section: "local"), request: page, status: status)
    }
}
