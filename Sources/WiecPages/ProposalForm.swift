import Foundation
import WiecCore
import WiecGateway
import WiecTally

/// The proposal form (new or amended): its fields with hints and limits, and the checks of what
/// was typed, each failure as a message beside its field. The checks are the API's text rules
/// and the pool's cost range (more than zero, at most the pool's budget); the core decides the rest.
struct ProposalForm: Sendable {
    let state: EditionState
    let catalogue: Catalogue
    let language: Language

    /// Longest title and description, as the API takes them.
    static let titleLimit = 200, descriptionLimit = 10_000, shortLimit = 200, categoryLimit = 80

    /// What a valid form holds.
    struct Values: Sendable {
        var pool: PoolID
        var title: String
        var description: String
        var category: String?
        var location: String?
        var cost: Money
        var initiative: InitiativeID?
    }

    private func t(_ key: String, _ arguments: [String: String] = [:]) -> String { catalogue.text(key, language, arguments) }

    /// The fields, filled with what was sent (or with the proposal being amended).
    func fields(_ form: FormData?, amending proposal: Proposal? = nil) -> [FieldModel] {
        let value = { (name: String, current: String?) in form?.raw(name) ?? current ?? "" }
        var fields: [FieldModel] = []
        if proposal == nil {
            let pools = state.poolOrder.compactMap { state.pools[$0]?.config }
            let chosen = form?.value("pula") ?? (pools.count == 1 ? pools[0].id : "")
            fields.append(FieldModel(
                name: "pula", label: t("form_pool"), hint: t("form_pool_hint"), value: chosen, kind: .select,
                options: [Option(value: "", label: t("form_choose"), selected: chosen.isEmpty)]
                    + pools.map { Option(value: $0.id, label: "\($0.name) (\(PolishFormat.money($0.budget, language)))", selected: chosen == $0.id) }))
        }
        fields.append(FieldModel(
            name: "tytul", label: t("form_title"), hint: t("form_title_hint", ["max": String(Self.titleLimit)]),
            value: value("tytul", proposal?.title), maxLength: Self.titleLimit))
        fields.append(FieldModel(
            name: "opis", label: t("form_description"), hint: t("form_description_hint", ["max": PolishFormat.number(Self.descriptionLimit, language)]),
            value: value("opis", proposal?.description), kind: .textarea, maxLength: Self.descriptionLimit))
        if proposal == nil {
            fields.append(FieldModel(
                name: "kategoria", label: t("form_category"), hint: t("form_category_hint"), value: value("kategoria", nil),
                maxLength: Self.categoryLimit, required: false))
            fields.append(FieldModel(
                name: "lokalizacja", label: t("form_location"), hint: t("form_location_hint"), value: value("lokalizacja", nil),
                maxLength: Self.shortLimit, required: false))
        }
        let currentCost = proposal.map { PolishFormat.money($0.costEstimate, language) }
        fields.append(FieldModel(
            name: "koszt", label: t("form_cost"), hint: t("form_cost_hint"), value: value("koszt", currentCost), inputMode: "decimal",
            width: "short"))
        if proposal == nil, !state.initiatives.isEmpty {
            let chosen = form?.value("inicjatywa") ?? ""
            fields.append(FieldModel(
                name: "inicjatywa", label: t("form_initiative"), hint: t("form_initiative_hint"), value: chosen, kind: .select,
                options: [Option(value: "", label: t("form_none"), selected: chosen.isEmpty)]
                    + state.initiatives.values.sorted { $0.id < $1.id }.map { Option(value: $0.id, label: $0.title, selected: chosen == $0.id) },
                required: false))
        }
        return fields
    }

    /// Checks a sent form.
    ///
    /// - Returns: The values when every field is valid; the errors otherwise.
    func check(_ form: FormData, amending proposal: Proposal? = nil, errors: inout FormErrors) -> Values? {
        let poolID = proposal?.pool ?? (form.value("pula") ?? "")
        let pool = state.pools[poolID]?.config
        if proposal == nil, pool == nil { errors.add("pula", t("form_pool_missing")) }
        let title = line(form.value("tytul"), "tytul", limit: Self.titleLimit, required: true, &errors)
        let description = form.raw("opis") ?? ""
        if description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.add("opis", t("form_description_missing"))
        } else if description.count > Self.descriptionLimit {
            errors.add("opis", t("form_too_long", ["max": PolishFormat.number(Self.descriptionLimit, language)]))
        } else if (try? TextRules.paragraph(description, "description")) == nil {
            errors.add("opis", t("form_control_characters"))
        }
        let category = line(form.value("kategoria"), "kategoria", limit: Self.categoryLimit, required: false, &errors)
        let location = line(form.value("lokalizacja"), "lokalizacja", limit: Self.shortLimit, required: false, &errors)
        var cost: Money?
        let costText = form.value("koszt") ?? ""
        if costText.isEmpty {
            errors.add("koszt", t("form_cost_missing"))
        } else if let parsed = PolishFormat.parseMoney(costText) {
            if parsed <= .zero {
                errors.add("koszt", t("form_cost_positive"))
            } else if let pool, parsed > pool.budget {
                errors.add("koszt", t("form_cost_over_budget", ["budget": PolishFormat.money(pool.budget, language), "pool": pool.name]))
            } else {
                cost = parsed
            }
        } else {
            errors.add("koszt", t("form_cost_invalid"))
        }
        let initiative = form.value("inicjatywa").flatMap { $0.isEmpty ? nil : $0 }
        guard errors.isEmpty, let title = title ?? nil, let cost else { return nil }
        return Values(
            pool: poolID, title: title, description: description, category: category ?? nil, location: location ?? nil, cost: cost,
            initiative: initiative)
    }

    /// A one-line field: trimmed, within its limit, no control characters; `.some(nil)` when
    /// an optional field is empty, `nil` when it is invalid.
    private func line(_ text: String?, _ field: String, limit: Int, required: Bool, _ errors: inout FormErrors) -> String?? {
        let text = text ?? ""
        if text.isEmpty {
            if required { errors.add(field, t("form_required")) ; return nil }
            return .some(nil)
        }
        guard text.count <= limit else {
            errors.add(field, t("form_too_long", ["max": PolishFormat.number(limit, language)]))
            return nil
        }
        guard let valid = try? TextRules.line(text, field, max: limit) else {
            errors.add(field, t("form_control_characters"))
            return nil
        }
        return .some(valid)
    }
}
