import Foundation
import Hummingbird
import WiecCore
import WiecGateway

/// The reviewers' queue: the proposals in the account's scope by the stage they wait for
/// (formal, merit, cost), filtered by stage and pool; and the review form, with the proposal's
/// history (the submitter's estimate, every review and appeal) beside it.
struct ReviewQueuePages: Sendable {
    let site: StaffSite

    private var renderer: PageRenderer { site.renderer }

    func add(to routes: RouteCollection<WiecRequestContext>) {
        site.get(routes, "\(StaffSite.root)/edycje/{edition}/weryfikacja") { staff, request, context in
            let state = try site.residents.edition(context)
            let actor = try site.actor(staff, on: state.id, as: .reviewer)
            let stage = request.uri.queryParameters["etap"].flatMap { ReviewStage(rawValue: String($0)) }
            let pool = request.uri.queryParameters["pula"].map(String.init).flatMap { state.pools[$0] == nil ? nil : $0 }
            let model = queue(state, actor: actor, stage: stage, pool: pool, staff.page)
            return renderer.response("staff_page", model, chrome: site.chrome(model.heading, staff.page, edition: state, section: "reviews"), request: staff.page)
        }
        site.get(routes, "\(StaffSite.root)/edycje/{edition}/weryfikacja/{proposal}") { staff, _, context in
            let (state, actor, proposal) = try target(staff, context)
            let model = reviewPage(state, proposal, form: nil, errors: FormErrors(), staff.page)
            _ = actor
            return renderer.response("staff_page", model, chrome: site.chrome(model.heading, staff.page, edition: state, section: "reviews"), request: staff.page)
        }
        site.post(routes, "\(StaffSite.root)/edycje/{edition}/weryfikacja/{proposal}") { staff, form, _, context in
            let (state, actor, proposal) = try target(staff, context)
            var errors = FormErrors()
            let page = staff.page
            let stage = ReviewStage(rawValue: form.value("etap") ?? "")
            if stage == nil { errors.add("etap", renderer.text("staff_review_stage_missing", page)) }
            let outcome = ReviewOutcome(rawValue: form.value("wynik") ?? "")
            if outcome == nil { errors.add("wynik", renderer.text("staff_review_outcome_missing", page)) }
            let (justification, cost) = JustificationFields.read(form, &errors, renderer, page)
            if errors.isEmpty, let stage, let outcome {
                do {
                    _ = try await site.gateway.execute(
                        .reviewProposal(proposal: proposal.id, stage: stage, outcome: outcome, justification: justification, reviewedCost: cost),
                        on: state.id, by: actor, ledgerKey: ResidentSite.ledgerKey(form, actor: actor))
                    return renderer.redirect("\(StaffSite.root)/edycje/\(state.id)/weryfikacja?ok=staff_reviewed", request: page)
                } catch let refusal as Refusal where refusal.reason != .notInScope && refusal.reason != .notAllowed {
                    RefusalPlacement([.alreadyReviewed: "etap", .stageOutOfOrder: "etap", .missingReviewedCost: "koszt", .invalidValue: "uzasadnienie"])
                        .place(refusal, into: &errors, messages: renderer.messages, page.language)
                }
            }
            let model = reviewPage(state, proposal, form: form, errors: errors, page)
            return renderer.response(
                "staff_page", model, chrome: site.chrome(model.heading, page, edition: state, section: "reviews"), request: page, status: .unprocessableContent)
        }
    }

    /// The edition, the reviewer and the proposal a review page names, refusing (403) a proposal
    /// outside the reviewer's pools exactly as the core refuses its review.
    private func target(_ staff: StaffRequest, _ context: WiecRequestContext) throws -> (EditionState, Actor, Proposal) {
        let state = try site.residents.edition(context)
        let actor = try site.actor(staff, on: state.id, as: .reviewer)
        guard let proposal = state.proposals[try context.parameters.require("proposal")] else { throw PageError.notFound }
        guard actor.covers(proposal.pool) else {
            throw Refusal(.notInScope, "\(actor.role.rawValue) \(actor.id) has no scope over pool \(proposal.pool)")
        }
        return (state, actor, proposal)
    }

    /// The stage a proposal waits for: the first without a review, once the one before is positive.
    static func waitingStage(_ proposal: Proposal) -> ReviewStage? {
        guard proposal.withdrawal == nil else { return nil }
        for stage in ReviewStage.allCases {
            guard let outcome = proposal.outcome(of: stage) else { return stage }
            if outcome != .positive { return nil }
        }
        return nil
    }

    private func queue(_ state: EditionState, actor: Actor, stage: ReviewStage?, pool: PoolID?, _ page: PageRequest) -> StaffPage {
        let t = { (key: String) in renderer.text(key, page) }
        let base = "\(StaffSite.root)/edycje/\(state.id)/weryfikacja"
        let stageName = { (stage: ReviewStage) in t("staff_stage_" + stage.rawValue) }
        let waiting = state.poolOrder.filter(actor.covers).filter { pool == nil || $0 == pool }.flatMap { id in
            (state.pools[id]?.proposals ?? []).compactMap { state.proposals[$0] }
        }.compactMap { proposal in Self.waitingStage(proposal).map { (proposal, $0) } }.filter { stage == nil || $0.1 == stage }
        let rows = waiting.map { proposal, waiting in
            StaffPage.Row(cells: [
                StaffPage.Cell(text: proposal.title, href: "\(base)/\(proposal.id)"),
                StaffPage.Cell(text: state.pools[proposal.pool]?.config.name ?? proposal.pool),
                StaffPage.Cell(text: stageName(waiting)),
                StaffPage.Cell(text: PolishFormat.money(proposal.costEstimate, page.language), numeric: true),
            ])
        }
        var filters: [FieldModel] = [
            FieldModel(name: "etap", label: t("staff_filter_stage"), value: "", kind: .select,
                       options: [Option(value: "", label: t("staff_filter_all"), selected: stage == nil)]
                           + ReviewStage.allCases.map { Option(value: $0.rawValue, label: stageName($0), selected: $0 == stage) }, required: false),
        ]
        let pools = state.poolOrder.filter(actor.covers)
        if pools.count > 1 {
            filters.append(FieldModel(name: "pula", label: t("staff_filter_pool"), value: "", kind: .select,
                                      options: [Option(value: "", label: t("staff_filter_all"), selected: pool == nil)]
                                          + pools.map { Option(value: $0, label: state.pools[$0]?.config.name ?? $0, selected: $0 == pool) }, required: false))
        }
        let counts = ReviewStage.allCases.map { stage in
            Fact(term: stageName(stage), value: PolishFormat.number(waitingCount(state, actor, stage), page.language))
        }
        return StaffPage(
            heading: t("staff_reviews_title"), lead: t("staff_reviews_lead"),
            sections: [
                StaffPage.Section(title: t("staff_reviews_waiting"), facts: counts),
                StaffPage.Section(title: t("staff_filters"), filter: StaffFilter(action: base, fields: filters, submit: t("staff_filter_submit"))),
                StaffPage.Section(
                    title: nil,
                    table: StaffPage.Table(
                        caption: t("staff_reviews_title"), headers: [t("staff_proposal"), t("staff_pool"), t("staff_waiting_stage"), t("staff_estimate")],
                        rows: rows, empty: t("staff_reviews_empty"))),
            ])
    }

    private func waitingCount(_ state: EditionState, _ actor: Actor, _ stage: ReviewStage) -> Int {
        state.proposals.values.count { actor.covers($0.pool) && Self.waitingStage($0) == stage }
    }

    private func reviewPage(_ state: EditionState, _ proposal: Proposal, form: FormData?, errors: FormErrors, _ page: PageRequest) -> StaffPage {
        let t = { (key: String) in renderer.text(key, page) }
        let stageName = { (stage: ReviewStage) in t("staff_stage_" + stage.rawValue) }
        let next = Self.waitingStage(proposal)
        let history = ReviewStage.allCases.compactMap { stage -> StaffPage.Row? in
            guard let review = proposal.reviews[stage] else { return nil }
            return StaffPage.Row(cells: [
                StaffPage.Cell(text: stageName(stage)),
                StaffPage.Cell(text: t("staff_outcome_" + review.outcome.rawValue)),
                StaffPage.Cell(text: review.justification),
                StaffPage.Cell(text: review.reviewedCost.map { PolishFormat.money($0, page.language) } ?? "–", numeric: true),
            ])
        } + state.appeals.values.filter { $0.proposal == proposal.id }.sorted { $0.id < $1.id }.map { appeal in
            StaffPage.Row(cells: [
                StaffPage.Cell(text: renderer.text("staff_appeal_of", page, ["stage": stageName(appeal.stage)])),
                StaffPage.Cell(text: appeal.upheld.map { t($0 ? "staff_upheld" : "staff_dismissed") } ?? t("staff_awaiting")),
                StaffPage.Cell(text: appeal.grounds + (appeal.justification.map { " — " + $0 } ?? "")),
                StaffPage.Cell(text: appeal.reviewedCost.map { PolishFormat.money($0, page.language) } ?? "–", numeric: true),
            ])
        }
        let chosen = form?.value("etap") ?? next?.rawValue ?? ""
        var reviewForm = StaffForm(
            action: "\(StaffSite.root)/edycje/\(state.id)/weryfikacja/\(proposal.id)", submit: t("staff_review_submit"),
            fields: [
                FieldModel(name: "etap", label: t("staff_review_stage"), value: "", kind: .select,
                           options: ReviewStage.allCases.map { Option(value: $0.rawValue, label: stageName($0), selected: $0.rawValue == chosen) }),
                FieldModel(name: "wynik", label: t("staff_review_outcome"), value: "", kind: .select,
                           options: [Option(value: "", label: t("staff_choose"), selected: form?.value("wynik") == nil)]
                               + [ReviewOutcome.positive, .negative].map { Option(value: $0.rawValue, label: t("staff_outcome_" + $0.rawValue), selected: form?.value("wynik") == $0.rawValue) }),
            ] + JustificationFields.fields(form, renderer, page))
        reviewForm.errors = errors
        var model = StaffPage(
            heading: proposal.title, lead: renderer.text("staff_review_lead", page, ["pool": state.pools[proposal.pool]?.config.name ?? proposal.pool]),
            sections: [
                StaffPage.Section(
                    title: t("staff_proposal_facts"), paragraphs: [proposal.description],
                    facts: [
                        Fact(term: t("staff_estimate"), value: PolishFormat.money(proposal.costEstimate, page.language)),
                        Fact(term: t("staff_location"), value: proposal.location ?? "–"),
                        Fact(term: t("staff_category"), value: proposal.category ?? "–"),
                        Fact(term: t("staff_supporters"), value: PolishFormat.number(proposal.supporters.count, page.language)),
                    ]),
                StaffPage.Section(
                    title: t("staff_history"),
                    table: StaffPage.Table(
                        caption: t("staff_history"), headers: [t("staff_stage"), t("staff_outcome"), t("staff_justification"), t("staff_reviewed_cost")],
                        rows: history, empty: t("staff_history_empty"))),
                StaffPage.Section(title: t("staff_review_form"), forms: [reviewForm]),
            ])
        model.errors = errors
        return model
    }
}
