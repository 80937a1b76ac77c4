import Crypto
import Foundation
import Hummingbird
import WiecCore
import WiecGateway
import WiecLedger

/// Proposals: the list, a proposal's page and its support button, the forms to submit and
/// amend a proposal, to appeal a review and to submit an initiative, and "my submissions".
/// Every URL names the edition; no id is looked up across editions.
struct ProposalPages: Sendable {
    let site: ResidentSite

    private var renderer: PageRenderer { site.renderer }

    func add(to routes: RouteCollection<WiecRequestContext>) {
        site.get(routes, "/edycje/{edition}/projekty") { page, request, context in
            let state = try site.edition(context)
            var query: [String: String] = [:]
            for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
            let model = ProposalList(state, filter: .init(query: query), catalogue: renderer.catalogue, language: page.language)
            let signedIn = try site.resident(page, edition: state.id) != nil
            return renderer.response(
                "proposals", model, chrome: site.chrome(renderer.text("list_title", page), page, edition: state, section: "proposals", signedIn: signedIn),
                request: page)
        }
        site.get(routes, "/edycje/{edition}/projekty/nowy") { page, _, context in
            let state = try site.edition(context)
            _ = try site.requireResident(page, edition: state.id)
            return show(newForm(state, page, form: nil), state: state, page: page)
        }
        site.post(routes, "/edycje/{edition}/projekty/nowy") { page, form, _, context in
            let state = try site.edition(context)
            let actor = Actor(role: .resident, id: try site.requireResident(page, edition: state.id))
            return try await submit(state, form: form, actor: actor, page: page)
        }
        site.get(routes, "/edycje/{edition}/projekty/{id}") { page, _, context in
            let (state, proposal) = try proposal(context)
            return try show(proposal, in: state, page: page)
        }
        site.post(routes, "/edycje/{edition}/projekty/{id}/poparcie") { page, form, _, context in
            let (state, proposal) = try proposal(context)
            let voter = try site.requireResident(page, edition: state.id)
            let actor = Actor(role: .resident, id: voter)
            do {
                _ = try await site.gateway.execute(
                    .signSupport(proposal: proposal.id, signer: voter), on: state.id, by: actor,
                    ledgerKey: "page:support:\(state.id):\(proposal.id):\(voter)")
            } catch let refusal as Refusal {
                var errors = FormErrors()
                RefusalPlacement().place(refusal, into: &errors, messages: renderer.messages, page.language)
                return try show(proposal, in: state, page: page, errors: errors, status: .conflict)
            }
            return renderer.redirect("/edycje/\(state.id)/projekty/\(proposal.id)?ok=supported", request: page)
        }
        site.get(routes, "/edycje/{edition}/projekty/{id}/zmiana") { page, _, context in
            let (state, proposal) = try proposal(context)
            _ = try site.requireResident(page, edition: state.id)
            return show(amendForm(state, proposal, page, form: nil), state: state, page: page)
        }
        site.post(routes, "/edycje/{edition}/projekty/{id}/zmiana") { page, form, _, context in
            let (state, proposal) = try proposal(context)
            let actor = Actor(role: .resident, id: try site.requireResident(page, edition: state.id))
            return try await amend(state, proposal, form: form, actor: actor, page: page)
        }
        site.get(routes, "/edycje/{edition}/projekty/{id}/odwolanie") { page, _, context in
            let (state, proposal) = try proposal(context)
            _ = try site.requireResident(page, edition: state.id)
            return show(appealForm(state, proposal, page, form: nil), state: state, page: page)
        }
        site.post(routes, "/edycje/{edition}/projekty/{id}/odwolanie") { page, form, _, context in
            let (state, proposal) = try proposal(context)
            let actor = Actor(role: .resident, id: try site.requireResident(page, edition: state.id))
            return try await appeal(state, proposal, form: form, actor: actor, page: page)
        }
        site.get(routes, "/edycje/{edition}/inicjatywy/nowa") { page, _, context in
            let state = try site.edition(context)
            _ = try site.requireResident(page, edition: state.id)
            return show(initiativeForm(state, page, form: nil), state: state, page: page)
        }
        site.post(routes, "/edycje/{edition}/inicjatywy/nowa") { page, form, _, context in
            let state = try site.edition(context)
            let actor = Actor(role: .resident, id: try site.requireResident(page, edition: state.id))
            return try await submitInitiative(state, form: form, actor: actor, page: page)
        }
        site.get(routes, "/edycje/{edition}/moje") { page, _, context in
            let state = try site.edition(context)
            let voter = try site.requireResident(page, edition: state.id)
            let model = MySubmissions(state, voter: voter, catalogue: renderer.catalogue, language: page.language)
            return renderer.response(
                "mine", model, chrome: site.chrome(renderer.text("mine_title", page), page, edition: state, section: "mine", signedIn: true), request: page)
        }
    }

    /// The edition and proposal a path names: the proposal is looked up in that edition only.
    private func proposal(_ context: WiecRequestContext) throws -> (EditionState, Proposal) {
        let state = try site.edition(context)
        let id = try context.parameters.require("id")
        guard let proposal = state.proposals[id] else { throw Refusal(.unknownProposal, "no proposal \(id) in \(state.id)") }
        return (state, proposal)
    }

    private func show(_ proposal: Proposal, in state: EditionState, page: PageRequest, errors: FormErrors = FormErrors(), status: HTTPResponse.Status = .ok) throws -> Response {
        let viewer = try site.resident(page, edition: state.id)
        var model = ProposalPage(proposal, in: state, viewer: viewer, catalogue: renderer.catalogue, language: page.language)
        model.errors = errors
        return renderer.response(
            "proposal", model, chrome: site.chrome(proposal.title, page, edition: state, section: "proposals", signedIn: viewer != nil), request: page,
            status: status)
    }

    private func show(_ form: FormPage, state: EditionState, page: PageRequest, status: HTTPResponse.Status = .ok) -> Response {
        renderer.response(
            "form", form, chrome: site.chrome(form.heading, page, edition: state, section: "proposals", signedIn: true), request: page, status: status)
    }

    private func t(_ key: String, _ page: PageRequest) -> String { renderer.text(key, page) }

    private func newForm(_ state: EditionState, _ page: PageRequest, form: FormData?) -> FormPage {
        let fields = ProposalForm(state: state, catalogue: renderer.catalogue, language: page.language).fields(form)
        return FormPage(
            heading: t("submit_title", page), lead: t("submit_lead", page), action: "/edycje/\(state.id)/projekty/nowy", fields: fields,
            submit: t("submit_button", page), formKey: form?.value("_klucz") ?? UUID().uuidString)
    }

    private func amendForm(_ state: EditionState, _ proposal: Proposal, _ page: PageRequest, form: FormData?) -> FormPage {
        let fields = ProposalForm(state: state, catalogue: renderer.catalogue, language: page.language).fields(form, amending: proposal)
        return FormPage(
            heading: t("amend_title", page), lead: proposal.title, action: "/edycje/\(state.id)/projekty/\(proposal.id)/zmiana", fields: fields,
            submit: t("amend_button", page), formKey: form?.value("_klucz") ?? UUID().uuidString)
    }

    private func appealForm(_ state: EditionState, _ proposal: Proposal, _ page: PageRequest, form: FormData?) -> FormPage {
        let words = ProposalText(catalogue: renderer.catalogue, language: page.language)
        let negative = ReviewStage.allCases.filter { proposal.outcome(of: $0) == .negative }
        let chosen = form?.value("etap") ?? (negative.count == 1 ? negative[0].rawValue : "")
        return FormPage(
            heading: t("appeal_title", page), lead: proposal.title, action: "/edycje/\(state.id)/projekty/\(proposal.id)/odwolanie",
            fields: [
                FieldModel(
                    name: "etap", label: t("appeal_stage", page), value: chosen, kind: .select,
                    options: [Option(value: "", label: t("form_choose", page), selected: chosen.isEmpty)]
                        + negative.map { Option(value: $0.rawValue, label: words.stage($0), selected: chosen == $0.rawValue) }),
                FieldModel(
                    name: "uzasadnienie", label: t("appeal_grounds", page), hint: t("appeal_grounds_hint", page), value: form?.raw("uzasadnienie") ?? "",
                    kind: .textarea, maxLength: ProposalForm.descriptionLimit),
            ],
            submit: t("appeal_button", page), formKey: form?.value("_klucz") ?? UUID().uuidString)
    }

    private func initiativeForm(_ state: EditionState, _ page: PageRequest, form: FormData?) -> FormPage {
        var fields: [FieldModel] = []
        if !state.workshops.isEmpty {
            let chosen = form?.value("warsztat") ?? ""
            fields.append(FieldModel(
                name: "warsztat", label: t("initiative_workshop", page), hint: t("initiative_workshop_hint", page), value: chosen, kind: .select,
                options: [Option(value: "", label: t("form_none", page), selected: chosen.isEmpty)]
                    + state.workshops.values.sorted { $0.date < $1.date }.map { Option(value: $0.id, label: $0.theme, selected: chosen == $0.id) },
                required: false))
        }
        fields.append(FieldModel(
            name: "tytul", label: t("form_title", page), value: form?.value("tytul") ?? "", maxLength: ProposalForm.titleLimit))
        fields.append(FieldModel(
            name: "opis", label: t("form_description", page), hint: t("initiative_description_hint", page), value: form?.raw("opis") ?? "",
            kind: .textarea, maxLength: ProposalForm.descriptionLimit))
        return FormPage(
            heading: t("initiative_title", page), lead: t("initiative_lead", page), action: "/edycje/\(state.id)/inicjatywy/nowa", fields: fields,
            submit: t("initiative_button", page), formKey: form?.value("_klucz") ?? UUID().uuidString)
    }

    /// An id derived from the form's one-time key, so a resubmitted form names the same thing;
    /// the prefix ends in `~`, which no id a client chooses holds (`TextRules.id`).
    static func newID(prefix: String, ledgerKey: String) -> String {
        prefix + Hex.encode(SHA256.hash(data: Array(ledgerKey.utf8)).prefix(6))
    }

    private func submit(_ state: EditionState, form: FormData, actor: Actor, page: PageRequest) async throws -> Response {
        var errors = FormErrors()
        let checker = ProposalForm(state: state, catalogue: renderer.catalogue, language: page.language)
        if let values = checker.check(form, errors: &errors) {
            let key = ResidentSite.ledgerKey(form, actor: actor)
            let id = Self.newID(prefix: "p~", ledgerKey: key)
            let command = Command.submitProposal(
                id: id, pool: values.pool, title: values.title, description: values.description, category: values.category,
                location: values.location, costEstimate: values.cost, initiative: values.initiative)
            do {
                _ = try await site.gateway.execute(command, on: state.id, by: actor, ledgerKey: key)
                return renderer.redirect("/edycje/\(state.id)/projekty/\(id)?ok=submitted", request: page)
            } catch let refusal as Refusal {
                RefusalPlacement([.unknownPool: "pula", .invalidValue: "koszt", .unknownInitiative: "inicjatywa"])
                    .place(refusal, into: &errors, messages: renderer.messages, page.language)
            }
        }
        var model = newForm(state, page, form: form)
        model.errors = errors
        return show(model, state: state, page: page, status: .unprocessableContent)
    }

    private func amend(_ state: EditionState, _ proposal: Proposal, form: FormData, actor: Actor, page: PageRequest) async throws -> Response {
        var errors = FormErrors()
        let checker = ProposalForm(state: state, catalogue: renderer.catalogue, language: page.language)
        if let values = checker.check(form, amending: proposal, errors: &errors) {
            let command = Command.amendProposal(
                proposal: proposal.id, title: values.title, description: values.description, costEstimate: values.cost)
            do {
                _ = try await site.gateway.execute(command, on: state.id, by: actor, ledgerKey: ResidentSite.ledgerKey(form, actor: actor))
                return renderer.redirect("/edycje/\(state.id)/projekty/\(proposal.id)?ok=amended", request: page)
            } catch let refusal as Refusal {
                RefusalPlacement([.invalidValue: "koszt"]).place(refusal, into: &errors, messages: renderer.messages, page.language)
            }
        }
        var model = amendForm(state, proposal, page, form: form)
        model.errors = errors
        return show(model, state: state, page: page, status: .unprocessableContent)
    }

    private func appeal(_ state: EditionState, _ proposal: Proposal, form: FormData, actor: Actor, page: PageRequest) async throws -> Response {
        var errors = FormErrors()
        let stage = form.value("etap").flatMap(ReviewStage.init(rawValue:))
        if stage == nil { errors.add("etap", t("appeal_stage_missing", page)) }
        let grounds = form.raw("uzasadnienie") ?? ""
        if grounds.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.add("uzasadnienie", t("appeal_grounds_missing", page))
        } else if (try? TextRules.paragraph(grounds, "grounds", max: ProposalForm.descriptionLimit)) == nil {
            errors.add("uzasadnienie", renderer.text("form_too_long", page, ["max": PolishFormat.number(ProposalForm.descriptionLimit, page.language)]))
        }
        if let stage, errors.isEmpty {
            let key = ResidentSite.ledgerKey(form, actor: actor)
            let command = Command.fileAppeal(appeal: Self.newID(prefix: "a~", ledgerKey: key), proposal: proposal.id, stage: stage, grounds: grounds)
            do {
                _ = try await site.gateway.execute(command, on: state.id, by: actor, ledgerKey: key)
                return renderer.redirect("/edycje/\(state.id)/projekty/\(proposal.id)?ok=appealed", request: page)
            } catch let refusal as Refusal {
                RefusalPlacement([.nothingToAppeal: "etap"]).place(refusal, into: &errors, messages: renderer.messages, page.language)
            }
        }
        var model = appealForm(state, proposal, page, form: form)
        model.errors = errors
        return show(model, state: state, page: page, status: .unprocessableContent)
    }

    private func submitInitiative(_ state: EditionState, form: FormData, actor: Actor, page: PageRequest) async throws -> Response {
        var errors = FormErrors()
        let title = form.value("tytul") ?? ""
        if title.isEmpty { errors.add("tytul", t("form_required", page)) }
        else if (try? TextRules.line(title, "title", max: ProposalForm.titleLimit)) == nil {
            errors.add("tytul", renderer.text("form_too_long", page, ["max": String(ProposalForm.titleLimit)]))
        }
        let description = form.raw("opis") ?? ""
        if description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { errors.add("opis", t("form_description_missing", page)) }
        else if (try? TextRules.paragraph(description, "description", max: ProposalForm.descriptionLimit)) == nil {
            errors.add("opis", renderer.text("form_too_long", page, ["max": PolishFormat.number(ProposalForm.descriptionLimit, page.language)]))
        }
        let workshop = form.value("warsztat").flatMap { $0.isEmpty ? nil : $0 }
        if errors.isEmpty {
            let key = ResidentSite.ledgerKey(form, actor: actor)
            let command = Command.submitInitiative(id: Self.newID(prefix: "i~", ledgerKey: key), workshop: workshop, title: title, description: description)
            do {
                _ = try await site.gateway.execute(command, on: state.id, by: actor, ledgerKey: key)
                return renderer.redirect("/edycje/\(state.id)/warsztaty?ok=initiative", request: page)
            } catch let refusal as Refusal {
                RefusalPlacement([.unknownWorkshop: "warsztat"]).place(refusal, into: &errors, messages: renderer.messages, page.language)
            }
        }
        var model = initiativeForm(state, page, form: form)
        model.errors = errors
        return show(model, state: state, page: page, status: .unprocessableContent)
    }
}
