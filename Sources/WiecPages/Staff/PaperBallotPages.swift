import Foundation
import Hummingbird
import WiecCore
import WiecGateway

/// Paper ballots: the voting points, the batch form (one line per card, each checked as an
/// online ballot; a refused batch stores nothing and lists every refused card), the totals by
/// channel and by point, and each point's printable protocol.
struct PaperBallotPages: Sendable {
    let site: StaffSite

    private var renderer: PageRenderer { site.renderer }

    func add(to routes: RouteCollection<WiecRequestContext>) {
        site.get(routes, "\(StaffSite.root)/edycje/{edition}/glosowanie-papierowe") { staff, _, context in
            let state = try site.residents.edition(context)
            _ = try site.actor(staff, on: state.id, as: .official)
            return show(entry(state, staff.page))
        }
        site.post(routes, "\(StaffSite.root)/edycje/{edition}/punkty") { staff, form, _, context in
            let state = try site.residents.edition(context)
            let actor = try site.actor(staff, on: state.id, as: .official)
            var errors = FormErrors()
            let id = form.value("id") ?? "", name = form.value("nazwa") ?? "", address = form.value("adres") ?? ""
            if (try? TextRules.id(id, "id")) == nil { errors.add("id", renderer.text("staff_point_id_invalid", staff.page)) }
            if name.isEmpty || name.count > 200 { errors.add("nazwa", renderer.text("staff_point_name_missing", staff.page)) }
            if address.count > 200 { errors.add("adres", renderer.text("staff_point_address_long", staff.page)) }
            if errors.isEmpty {
                do {
                    _ = try await site.gateway.execute(
                        .addVotingPoint(VotingPoint(id: id, name: name, address: address)), on: state.id, by: actor,
                        ledgerKey: ResidentSite.ledgerKey(form, actor: actor))
                    return renderer.redirect("\(StaffSite.root)/edycje/\(state.id)/glosowanie-papierowe?ok=staff_point_added", request: staff.page)
                } catch let refusal as Refusal where refusal.reason != .notInScope && refusal.reason != .notAllowed {
                    RefusalPlacement([.duplicateID: "id"]).place(refusal, into: &errors, messages: renderer.messages, staff.page.language)
                }
            }
            return show(entry(state, staff.page, pointForm: form, pointErrors: errors), status: .unprocessableContent)
        }
        site.post(routes, "\(StaffSite.root)/edycje/{edition}/glosowanie-papierowe") { staff, form, _, context in
            let state = try site.residents.edition(context)
            let actor = try site.actor(staff, on: state.id, as: .official)
            return try await batch(state, actor: actor, form: form, staff.page)
        }
        site.get(routes, "\(StaffSite.root)/edycje/{edition}/punkty/{point}/protokol") { staff, _, context in
            let (state, _, point) = try target(staff, context)
            return show(protocolPage(state, point, form: nil, errors: FormErrors(), staff.page))
        }
        site.post(routes, "\(StaffSite.root)/edycje/{edition}/punkty/{point}/protokol") { staff, form, _, context in
            let (state, actor, point) = try target(staff, context)
            var errors = FormErrors()
            let received = Int(form.value("otrzymane") ?? ""), issued = Int(form.value("wydane") ?? "")
            if received == nil || received! < 0 { errors.add("otrzymane", renderer.text("staff_count_invalid", staff.page)) }
            if issued == nil || issued! < 0 { errors.add("wydane", renderer.text("staff_count_invalid", staff.page)) }
            if errors.isEmpty, let received, let issued {
                do {
                    _ = try await site.gateway.execute(
                        .recordPaperProtocol(point: point.point.id, cardsReceived: received, cardsIssued: issued), on: state.id, by: actor,
                        ledgerKey: ResidentSite.ledgerKey(form, actor: actor))
                    return renderer.redirect(
                        "\(StaffSite.root)/edycje/\(state.id)/punkty/\(point.point.id)/protokol?ok=staff_protocol_recorded", request: staff.page)
                } catch let refusal as Refusal where refusal.reason != .notInScope && refusal.reason != .notAllowed {
                    RefusalPlacement([.invalidValue: "wydane"]).place(refusal, into: &errors, messages: renderer.messages, staff.page.language)
                }
            }
            return show(protocolPage(state, point, form: form, errors: errors, staff.page), status: .unprocessableContent)
        }
    }

    /// Renders a page of this area.
    private func show(_ shown: (StaffPage, EditionState, PageRequest), status: HTTPResponse.Status = .ok) -> Response {
        renderer.response("staff_page", shown.0, chrome: site.chrome(shown.0.heading, shown.2, edition: shown.1, section: "paper"), request: shown.2, status: status)
    }

    private func target(_ staff: StaffRequest, _ context: WiecRequestContext) throws -> (EditionState, Actor, VotingPointState) {
        let state = try site.residents.edition(context)
        let actor = try site.actor(staff, on: state.id, as: .official)
        guard let point = state.votingPoints[try context.parameters.require("point")] else { throw PageError.notFound }
        return (state, actor, point)
    }

    /// Enters a batch, or shows the form again with every refused card listed and nothing stored.
    private func batch(_ state: EditionState, actor: Actor, form: FormData, _ page: PageRequest) async throws -> Response {
        let point = form.value("punkt") ?? ""
        let invalidText = form.value("niewazne") ?? ""
        var errors = FormErrors()
        let invalid = invalidText.isEmpty ? 0 : Int(invalidText)
        if invalid == nil || invalid! < 0 { errors.add("niewazne", renderer.text("staff_count_invalid", page)) }
        let parsed = try PaperBatchForm(
            form.value("karty") ?? "", resident: { try site.gateway.resident(withPesel: $0, in: state.id) }, renderer: renderer, page: page)
        var refused: [StaffPage.Row] = []
        for problem in parsed.problems { errors.add(nil, problem.message) }
        if !parsed.problems.isEmpty { errors.add("karty", parsed.problems[0].message) }
        if errors.isEmpty, let invalid {
            do {
                let (ids, _) = try await site.gateway.enterPaperBatch(
                    parsed.lines.map(\.card), invalidCards: invalid, at: point, on: state.id, by: actor,
                    ledgerKey: ResidentSite.ledgerKey(form, actor: actor))
                return renderer.redirect(
                    "\(StaffSite.root)/edycje/\(state.id)/glosowanie-papierowe?ok=staff_batch_entered&karty=\(ids.count)", request: page)
            } catch let batch as PaperBatchRefused {
                for (card, refusal) in batch.refusals {
                    let message = renderer.messages.message(for: refusal, page.language)
                    guard let card else {
                        RefusalPlacement([.unknownVotingPoint: "punkt", .alreadyDecided: "punkt", .invalidValue: "niewazne"])
                            .place(refusal, into: &errors, messages: renderer.messages, page.language)
                        continue
                    }
                    let line = parsed.lines[card]
                    errors.add(nil, renderer.text("staff_card_refused", page, ["line": String(line.number), "reason": message]))
                    refused.append(StaffPage.Row(cells: [
                        StaffPage.Cell(text: String(line.number), numeric: true), StaffPage.Cell(text: line.voterText),
                        StaffPage.Cell(text: line.card.pool), StaffPage.Cell(text: message),
                    ]))
                }
                if !refused.isEmpty { errors.add("karty", renderer.text("staff_batch_refused", page)) }
            }
        }
        var (model, _, _) = entry(state, page, batchForm: form, batchErrors: errors)
        model.errors = errors
        if !refused.isEmpty {
            let t = { (key: String) in renderer.text(key, page) }
            model.sections.insert(StaffPage.Section(
                title: t("staff_refused_cards"), paragraphs: [t("staff_batch_refused")],
                table: StaffPage.Table(
                    caption: t("staff_refused_cards"), headers: [t("staff_line"), t("staff_voter"), t("staff_pool"), t("staff_reason")], rows: refused,
                    empty: ""),
                anchor: "odrzucone"), at: 0)
        }
        return renderer.response(
            "staff_page", model, chrome: site.chrome(model.heading, page, edition: state, section: "paper"), request: page, status: .unprocessableContent)
    }

    private func entry(
        _ state: EditionState, _ page: PageRequest, pointForm: FormData? = nil, pointErrors: FormErrors = FormErrors(), batchForm: FormData? = nil,
        batchErrors: FormErrors = FormErrors()
    ) -> (StaffPage, EditionState, PageRequest) {
        let t = { (key: String) in renderer.text(key, page) }
        let base = "\(StaffSite.root)/edycje/\(state.id)"
        let points = state.votingPointOrder.compactMap { state.votingPoints[$0] }
        let pointRows = points.map { point in
            StaffPage.Row(cells: [
                StaffPage.Cell(text: point.point.name, href: "\(base)/punkty/\(point.point.id)/protokol"),
                StaffPage.Cell(text: point.point.address),
                StaffPage.Cell(text: PolishFormat.number(point.ballots.count, page.language), numeric: true),
                StaffPage.Cell(text: PolishFormat.number(point.invalidCards, page.language), numeric: true),
                StaffPage.Cell(text: point.paperProtocol == nil ? t("staff_point_open") : t("staff_point_closed")),
            ])
        }
        var sections: [StaffPage.Section] = []
        if state.phase == .voting, points.contains(where: { $0.paperProtocol == nil }) {
            var batch = StaffForm(
                action: "\(base)/glosowanie-papierowe", submit: t("staff_batch_submit"),
                fields: [
                    FieldModel(name: "punkt", label: t("staff_point"), value: "", kind: .select,
                               options: points.filter { $0.paperProtocol == nil }.map {
                                   Option(value: $0.point.id, label: $0.point.name, selected: batchForm?.value("punkt") == $0.point.id)
                               }),
                    FieldModel(name: "karty", label: t("staff_cards"), hint: t("staff_cards_hint"), value: batchForm?.value("karty") ?? "", kind: .textarea,
                               maxLength: 200_000, required: false),
                    FieldModel(name: "niewazne", label: t("staff_invalid_cards"), hint: t("staff_invalid_cards_hint"), value: batchForm?.value("niewazne") ?? "0",
                               maxLength: 7, inputMode: "numeric", autocomplete: "off", width: "short"),
                ])
            batch.errors = batchErrors
            sections.append(StaffPage.Section(title: t("staff_batch_title"), paragraphs: [t("staff_batch_lead")], forms: [batch], anchor: "partia"))
        } else {
            sections.append(StaffPage.Section(title: t("staff_batch_title"), paragraphs: [t("staff_batch_closed")]))
        }
        sections.append(StaffPage.Section(
            title: t("staff_points"),
            table: StaffPage.Table(
                caption: t("staff_points"), headers: [t("staff_point"), t("staff_address"), t("staff_valid"), t("staff_invalid"), t("staff_protocol")],
                rows: pointRows, empty: t("staff_points_empty")),
            anchor: "punkty"))
        if state.phase < .closed {
            var add = StaffForm(
                action: "\(base)/punkty", submit: t("staff_point_add_submit"),
                fields: [
                    FieldModel(name: "id", label: t("staff_point_id"), hint: t("staff_pool_id_hint"), value: pointForm?.value("id") ?? "", maxLength: 64,
                               autocomplete: "off", width: "short"),
                    FieldModel(name: "nazwa", label: t("staff_point_name"), value: pointForm?.value("nazwa") ?? "", maxLength: 200, autocomplete: "off"),
                    FieldModel(name: "adres", label: t("staff_address"), value: pointForm?.value("adres") ?? "", maxLength: 200, autocomplete: "off", required: false),
                ])
            add.errors = pointErrors
            sections.append(StaffPage.Section(title: t("staff_point_add"), forms: [add]))
        }
        sections.append(totals(state, page))
        var model = StaffPage(heading: t("staff_paper_title"), lead: t("staff_paper_lead"), sections: sections)
        if !pointErrors.isEmpty { model.errors = pointErrors }
        return (model, state, page)
    }

    /// Ballots per pool by channel (internet, paper), and paper ballots per voting point.
    private func totals(_ state: EditionState, _ page: PageRequest) -> StaffPage.Section {
        let t = { (key: String) in renderer.text(key, page) }
        let number = { (value: Int) in PolishFormat.number(value, page.language) }
        let rows = state.poolOrder.compactMap { state.pools[$0] }.map { pool in
            let live = pool.ballots.filter { $0.voided == nil }
            let online = live.count { $0.method == .internet }
            return StaffPage.Row(cells: [
                StaffPage.Cell(text: pool.config.name), StaffPage.Cell(text: number(online), numeric: true),
                StaffPage.Cell(text: number(live.count - online), numeric: true), StaffPage.Cell(text: number(live.count), numeric: true),
            ])
        }
        return StaffPage.Section(
            title: t("staff_totals"),
            table: StaffPage.Table(
                caption: t("staff_totals"), headers: [t("staff_pool"), t("staff_channel_internet"), t("staff_channel_paper"), t("staff_total")], rows: rows,
                empty: t("staff_no_pools")),
            anchor: "sumy")
    }

    /// A point's protocol: the form while it is open, the printable record once recorded.
    private func protocolPage(
        _ state: EditionState, _ point: VotingPointState, form: FormData?, errors: FormErrors, _ page: PageRequest
    ) -> (StaffPage, EditionState, PageRequest) {
        let t = { (key: String) in renderer.text(key, page) }
        let number = { (value: Int) in PolishFormat.number(value, page.language) }
        let live = point.ballots.count { ballot in
            guard let pool = state.ballotPools[ballot], let index = state.pools[pool]?.ballotIndex[ballot] else { return false }
            return state.pools[pool]!.ballots[index].voided == nil
        }
        var sections: [StaffPage.Section] = [StaffPage.Section(
            title: t("staff_point"), facts: [Fact(term: t("staff_point_name"), value: point.point.name), Fact(term: t("staff_address"), value: point.point.address)])]
        if let record = point.paperProtocol {
            let official = (try? site.residents.access.staff().first { $0.id == record.official }?.name) ?? nil
            sections.append(StaffPage.Section(
                title: t("staff_protocol"), paragraphs: [t("staff_protocol_print")],
                facts: [
                    Fact(term: t("staff_cards_received"), value: number(record.cardsReceived)),
                    Fact(term: t("staff_cards_issued"), value: number(record.cardsIssued)),
                    Fact(term: t("staff_valid"), value: number(record.valid)),
                    Fact(term: t("staff_invalid"), value: number(record.invalid)),
                    Fact(term: t("staff_cards_unused"), value: number(record.cardsReceived - record.cardsIssued)),
                    Fact(term: t("staff_official"), value: official ?? record.official),
                ]))
        } else {
            var record = StaffForm(
                action: "\(StaffSite.root)/edycje/\(state.id)/punkty/\(point.point.id)/protokol", submit: t("staff_protocol_submit"),
                fields: [
                    FieldModel(name: "otrzymane", label: t("staff_cards_received"), value: form?.value("otrzymane") ?? "", maxLength: 8, inputMode: "numeric",
                               autocomplete: "off", width: "short"),
                    FieldModel(name: "wydane", label: t("staff_cards_issued"), value: form?.value("wydane") ?? "", maxLength: 8, inputMode: "numeric",
                               autocomplete: "off", width: "short"),
                ])
            record.errors = errors
            sections.append(StaffPage.Section(
                title: t("staff_protocol"), paragraphs: [t("staff_protocol_lead")],
                facts: [Fact(term: t("staff_valid"), value: number(live)), Fact(term: t("staff_invalid"), value: number(point.invalidCards))],
                forms: [record]))
        }
        var model = StaffPage(heading: renderer.text("staff_protocol_title", page, ["point": point.point.name]), lead: nil, sections: sections)
        model.errors = errors
        return (model, state, page)
    }
}
