import Foundation
import HTTPTypes
import Hummingbird
import WiecCore
import WiecGateway
import WiecTally

/// Local initiatives as residents see them: the council's criteria, the ranking and each
/// application's public status (scores with their justifications, the decision, the agreement,
/// the work done); a signed-in resident applies, directly or through an organisation, offering
/// the residents' own contribution.
struct LocalInitiativePages: Sendable {
    let site: ResidentSite

    private var renderer: PageRenderer { site.renderer }

    func add(to routes: RouteCollection<WiecRequestContext>) {
        site.get(routes, "/edycje/{edition}/inicjatywy-lokalne") { page, _, context in
            let state = try civic(context)
            let signedIn = try site.resident(page, edition: state.id) != nil
            let sections = LocalInitiativeSections(renderer: renderer, page: page, state: state, base: "/edycje/\(state.id)/inicjatywy-lokalne")
            var ranking = sections.ranking
            if state.localInitiative.rules != nil {
                ranking.links = [Link(href: "/edycje/\(state.id)/inicjatywy-lokalne/nowa", label: renderer.text("li_apply", page))]
            }
            let model = StaffPage(heading: renderer.text("li_title", page), lead: renderer.text("li_lead", page), sections: [ranking, sections.criteria])
            return show(model, state, page, signedIn: signedIn)
        }
        site.get(routes, "/edycje/{edition}/inicjatywy-lokalne/nowa") { page, _, context in
            let state = try civic(context)
            _ = try site.requireResident(page, edition: state.id)
            return show(form(state, page, form: nil, errors: FormErrors()), state, page, signedIn: true)
        }
        site.post(routes, "/edycje/{edition}/inicjatywy-lokalne/nowa") { page, form, _, context in
            let state = try civic(context)
            let actor = Actor(role: .resident, id: try site.requireResident(page, edition: state.id))
            var errors = FormErrors()
            let values = Self.read(form, state, &errors, renderer, page)
            if let values, errors.isEmpty {
                let key = ResidentSite.ledgerKey(form, actor: actor)
                let id = ProposalPages.newID(prefix: "li~", ledgerKey: key)
                let command = LocalInitiativeCommand.submitApplication(
                    id: id, applicant: values.applicant, title: values.title, description: values.description, initiative: values.initiative,
                    contribution: values.contribution, requestedFromGmina: values.requested, submittedOn: CalendarDay(Date(), in: CalendarDay.warsaw))
                do {
                    _ = try await site.gateway.execute(.localInitiative(command), on: state.id, by: actor, ledgerKey: key)
                    return renderer.redirect("/edycje/\(state.id)/inicjatywy-lokalne/\(id)?ok=li_submitted", request: page)
                } catch let refusal as Refusal where refusal.reason != .notAllowed && refusal.reason != .notInScope {
                    RefusalPlacement([.invalidValue: "godziny", .unknownInitiative: "inicjatywa", .outOfOrder: "tytul"])
                        .place(refusal, into: &errors, messages: renderer.messages, page.language)
                }
            }
            return show(self.form(state, page, form: form, errors: errors), state, page, signedIn: true, status: .unprocessableContent)
        }
        site.get(routes, "/edycje/{edition}/inicjatywy-lokalne/{application}") { page, _, context in
            let state = try civic(context)
            guard let application = state.localInitiative.applications[try context.parameters.require("application")] else { throw PageError.notFound }
            let sections = LocalInitiativeSections(renderer: renderer, page: page, state: state, base: "/edycje/\(state.id)/inicjatywy-lokalne")
            // Residents read each score's justification, never who of the officials gave it.
            let model = StaffPage(
                heading: application.title, lead: renderer.text("li_application_lead", page),
                sections: sections.application(application) { _ in renderer.text("li_scorer_official", page) }
                    + [StaffPage.Section(title: nil, links: [Link(href: "/edycje/\(state.id)/inicjatywy-lokalne", label: renderer.text("li_back", page))])])
            return show(model, state, page, signedIn: try site.resident(page, edition: state.id) != nil)
        }
    }

    /// What a resident's (or an official's) application form sends, read into the command's values.
    struct Values {
        var applicant: LocalInitiativeApplicant
        var title: String
        var description: String
        var initiative: InitiativeID?
        var contribution: Contribution
        var requested: Money
    }

    /// Reads the application form, with a message beside each field at fault.
    static func read(_ form: FormData, _ state: EditionState, _ errors: inout FormErrors, _ renderer: PageRenderer, _ page: PageRequest) -> Values? {
        let t = { (key: String) in renderer.text(key, page) }
        let title = form.value("tytul") ?? ""
        if title.isEmpty || (try? TextRules.line(title, "tytul")) == nil { errors.add("tytul", t("li_error_title")) }
        let description = (form.raw("opis") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if (try? TextRules.paragraph(description, "opis")) == nil { errors.add("opis", t("li_error_description")) }
        let organisation = form.value("organizacja") ?? ""
        if !organisation.isEmpty, (try? TextRules.line(organisation, "organizacja")) == nil { errors.add("organizacja", t("li_error_organisation")) }
        let initiative = form.value("inicjatywa").flatMap { $0.isEmpty ? nil : $0 }
        if let initiative, state.initiatives[initiative] == nil { errors.add("inicjatywa", t("li_error_initiative")) }
        let hoursText = (form.value("godziny") ?? "").filter { !$0.isWhitespace }
        let hours = hoursText.isEmpty ? 0 : Int64(hoursText)
        if hours == nil || hours! < 0 || hours! > LocalInitiative.maximumQuantity { errors.add("godziny", t("li_error_hours")) }
        func amount(_ field: String) -> Money? {
            let text = form.value(field) ?? ""
            if text.isEmpty { return .zero }
            guard let money = PolishFormat.parseMoney(text), money <= Bounds.maxAmount else {
                errors.add(field, t("li_error_amount"))
                return nil
            }
            return money
        }
        let goods = amount("rzeczy"), money = amount("pieniadze"), requested = amount("od_gminy")
        guard errors.isEmpty, let hours, let goods, let money, let requested else { return nil }
        let contribution = Contribution(workHours: hours, goodsAndServices: goods, money: money)
        if contribution.isEmpty {
            errors.add("godziny", t("li_error_no_contribution"))
            return nil
        }
        return Values(
            applicant: organisation.isEmpty ? .residents : .organisation(name: organisation), title: title, description: description, initiative: initiative,
            contribution: contribution, requested: requested)
    }

    /// The application form's fields, with the values sent when it is shown again.
    static func fields(_ form: FormData?, _ state: EditionState, _ renderer: PageRenderer, _ page: PageRequest) -> [FieldModel] {
        let t = { (key: String) in renderer.text(key, page) }
        let value = { (name: String) in form?.value(name) ?? "" }
        let initiatives = state.initiatives.values.sorted { $0.id < $1.id }
        var fields = [
            FieldModel(name: "tytul", label: t("li_field_title"), value: value("tytul"), maxLength: 200, autocomplete: "off"),
            FieldModel(name: "opis", label: t("li_field_description"), hint: t("li_field_description_hint"), value: form?.raw("opis") ?? "", kind: .textarea,
                       maxLength: 10_000, required: false),
            FieldModel(name: "organizacja", label: t("li_field_organisation"), hint: t("li_field_organisation_hint"), value: value("organizacja"), maxLength: 200,
                       autocomplete: "organization", required: false),
        ]
        if !initiatives.isEmpty {
            fields.append(FieldModel(
                name: "inicjatywa", label: t("li_field_initiative"), hint: t("li_field_initiative_hint"), value: "", kind: .select,
                options: [Option(value: "", label: t("li_field_initiative_none"), selected: value("inicjatywa").isEmpty)]
                    + initiatives.map { Option(value: $0.id, label: $0.title, selected: value("inicjatywa") == $0.id) },
                required: false))
        }
        fields += [
            FieldModel(name: "godziny", label: t("li_field_hours"), hint: t("li_field_contribution_hint"), value: value("godziny"), maxLength: 10, inputMode: "numeric",
                       autocomplete: "off", required: false, width: "short"),
            FieldModel(name: "rzeczy", label: t("li_field_goods"), hint: t("li_field_amount_hint"), value: value("rzeczy"), maxLength: 30, inputMode: "decimal",
                       autocomplete: "off", required: false, width: "short"),
            FieldModel(name: "pieniadze", label: t("li_field_money"), hint: t("li_field_amount_hint"), value: value("pieniadze"), maxLength: 30, inputMode: "decimal",
                       autocomplete: "off", required: false, width: "short"),
            FieldModel(name: "od_gminy", label: t("li_field_requested"), hint: t("li_field_amount_hint"), value: value("od_gminy"), maxLength: 30, inputMode: "decimal",
                       autocomplete: "off", required: false, width: "short"),
        ]
        return fields
    }

    private func form(_ state: EditionState, _ page: PageRequest, form: FormData?, errors: FormErrors) -> FormPage {
        let t = { (key: String) in renderer.text(key, page) }
        var model = FormPage(
            heading: t("li_apply"), lead: state.localInitiative.rules == nil ? t("li_criteria_none") : t("li_apply_lead"),
            action: "/edycje/\(state.id)/inicjatywy-lokalne/nowa", fields: Self.fields(form, state, renderer, page), submit: t("li_apply_submit"),
            formKey: form?.value("_klucz") ?? UUID().uuidString)
        model.errors = errors
        return model
    }

    /// A civic budget edition a path names (local initiatives live beside its workshops).
    private func civic(_ context: WiecRequestContext) throws -> EditionState {
        let state = try site.edition(context)
        guard state.villageFund == nil else { throw PageError.notFound }
        return state
    }

    private func show(_ model: FormPage, _ state: EditionState, _ page: PageRequest, signedIn: Bool, status: HTTPResponse.Status = .ok) -> Response {
        renderer.response("form", model, chrome: chrome(model.heading, state, page, signedIn: signedIn), request: page, status: status)
    }

    private func show(_ model: StaffPage, _ state: EditionState, _ page: PageRequest, signedIn: Bool) -> Response {
        renderer.response("staff_page", model, chrome: chrome(model.heading, state, page, signedIn: signedIn), request: page)
    }

    private func chrome(_ title: String, _ state: EditionState, _ page: PageRequest, signedIn: Bool) -> Chrome {
        site.chrome(title, page, edition: state, section: "local", signedIn: signedIn)
    }
}
