import Foundation
import Hummingbird
import WiecCore
import WiecGateway

/// The appeals awaiting a decision (for admins, acting as the council's appeals team), each with
/// the review appealed, and the decision form with its required justification.
struct AppealDecisionPages: Sendable {
    let site: StaffSite

    private var renderer: PageRenderer { site.renderer }

    func add(to routes: RouteCollection<WiecRequestContext>) {
        site.get(routes, "\(StaffSite.root)/edycje/{edition}/odwolania") { staff, _, context in
            let state = try site.residents.edition(context)
            _ = try site.actor(staff, on: state.id, as: .appealsTeam)
            let model = list(state, staff.page)
            return renderer.response("staff_page", model, chrome: site.chrome(model.heading, staff.page, edition: state, section: "appeals"), request: staff.page)
        }
        site.get(routes, "\(StaffSite.root)/edycje/{edition}/odwolania/{appeal}") { staff, _, context in
            let (state, _, appeal) = try target(staff, context)
            let model = decision(state, appeal, form: nil, errors: FormErrors(), staff.page)
            return renderer.response("staff_page", model, chrome: site.chrome(model.heading, staff.page, edition: state, section: "appeals"), request: staff.page)
        }
        site.post(routes, "\(StaffSite.root)/edycje/{edition}/odwolania/{appeal}") { staff, form, _, context in
            let (state, actor, appeal) = try target(staff, context)
            let page = staff.page
            var errors = FormErrors()
            let verdict = form.value("decyzja")
            if verdict != "uwzglednij" && verdict != "oddal" { errors.add("decyzja", renderer.text("staff_decision_missing", page)) }
            let (justification, cost) = JustificationFields.read(form, &errors, renderer, page)
            if errors.isEmpty {
                do {
                    _ = try await site.gateway.execute(
                        .decideAppeal(appeal: appeal.id, upheld: verdict == "uwzglednij", justification: justification, reviewedCost: cost),
                        on: state.id, by: actor, ledgerKey: ResidentSite.ledgerKey(form, actor: actor))
                    return renderer.redirect("\(StaffSite.root)/edycje/\(state.id)/odwolania?ok=staff_appeal_decided", request: page)
                } catch let refusal as Refusal where refusal.reason != .notInScope && refusal.reason != .notAllowed {
                    RefusalPlacement([.alreadyDecided: "decyzja", .missingReviewedCost: "koszt", .invalidValue: "uzasadnienie"])
                        .place(refusal, into: &errors, messages: renderer.messages, page.language)
                }
            }
            let model = decision(state, appeal, form: form, errors: errors, page)
            return renderer.response(
                "staff_page", model, chrome: site.chrome(model.heading, page, edition: state, section: "appeals"), request: page, status: .unprocessableContent)
        }
    }

    private func target(_ staff: StaffRequest, _ context: WiecRequestContext) throws -> (EditionState, Actor, Appeal) {
        let state = try site.residents.edition(context)
        let actor = try site.actor(staff, on: state.id, as: .appealsTeam)
        guard let appeal = state.appeals[try context.parameters.require("appeal")] else { throw PageError.notFound }
        return (state, actor, appeal)
    }

    private func list(_ state: EditionState, _ page: PageRequest) -> StaffPage {
        let t = { (key: String) in renderer.text(key, page) }
        let appeals = state.appeals.values.sorted { ($0.upheld != nil ? 1 : 0, $0.id) < ($1.upheld != nil ? 1 : 0, $1.id) }
        let rows = appeals.map { appeal in
            StaffPage.Row(cells: [
                StaffPage.Cell(text: state.proposals[appeal.proposal]?.title ?? appeal.proposal, href: "\(StaffSite.root)/edycje/\(state.id)/odwolania/\(appeal.id)"),
                StaffPage.Cell(text: t("staff_stage_" + appeal.stage.rawValue)),
                StaffPage.Cell(text: appeal.upheld.map { t($0 ? "staff_upheld" : "staff_dismissed") } ?? t("staff_awaiting")),
            ])
        }
        return StaffPage(
            heading: t("staff_appeals_title"), lead: t("staff_appeals_lead"),
            sections: [StaffPage.Section(
                title: nil,
                table: StaffPage.Table(
                    caption: t("staff_appeals_title"), headers: [t("staff_proposal"), t("staff_stage"), t("staff_appeal_state")], rows: rows,
                    empty: t("staff_appeals_empty")))])
    }

    private func decision(_ state: EditionState, _ appeal: Appeal, form: FormData?, errors: FormErrors, _ page: PageRequest) -> StaffPage {
        let t = { (key: String) in renderer.text(key, page) }
        let proposal = state.proposals[appeal.proposal]
        let review = proposal?.reviews[appeal.stage]
        var sections = [
            StaffPage.Section(
                title: t("staff_appealed_review"),
                facts: [
                    Fact(term: t("staff_stage"), value: t("staff_stage_" + appeal.stage.rawValue)),
                    Fact(term: t("staff_outcome"), value: review.map { t("staff_outcome_" + $0.outcome.rawValue) } ?? "–"),
                    Fact(term: t("staff_justification"), value: review?.justification ?? "–"),
                    Fact(term: t("staff_estimate"), value: proposal.map { PolishFormat.money($0.costEstimate, page.language) } ?? "–"),
                ]),
            StaffPage.Section(title: t("staff_appeal_grounds"), paragraphs: [appeal.grounds]),
        ]
        if let upheld = appeal.upheld {
            sections.append(StaffPage.Section(
                title: t("staff_appeal_decision"), paragraphs: [t(upheld ? "staff_upheld" : "staff_dismissed"), appeal.justification ?? ""]))
        } else {
            var decisionForm = StaffForm(
                action: "\(StaffSite.root)/edycje/\(state.id)/odwolania/\(appeal.id)", submit: t("staff_decide_submit"),
                fields: [
                    FieldModel(name: "decyzja", label: t("staff_decision"), value: "", kind: .select,
                               options: [Option(value: "", label: t("staff_choose"), selected: form?.value("decyzja") == nil)]
                                   + ["uwzglednij", "oddal"].map { Option(value: $0, label: t("staff_decision_" + $0), selected: form?.value("decyzja") == $0) }),
                ] + JustificationFields.fields(form, renderer, page))
            decisionForm.errors = errors
            sections.append(StaffPage.Section(title: t("staff_appeal_decision"), forms: [decisionForm]))
        }
        var model = StaffPage(heading: renderer.text("staff_appeal_title", page, ["title": proposal?.title ?? appeal.proposal]), lead: nil, sections: sections)
        model.errors = errors
        return model
    }
}
