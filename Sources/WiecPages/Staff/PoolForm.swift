import WiecCore
import WiecGateway
import WiecTally

/// The form that adds a pool: budget, ballot type and limits, rule, tie-breaking, re-voting and
/// the support list's size, read into the same ``PoolConfig`` the API takes (the core then
/// checks it as it checks any pool).
enum PoolForm {
    /// The form's fields, with the values sent when it is shown again.
    static func fields(_ form: FormData?, _ renderer: PageRenderer, _ page: PageRequest) -> [FieldModel] {
        let t = { (key: String) in renderer.text(key, page) }
        let value = { (name: String, fallback: String) in form?.value(name) ?? fallback }
        func options(_ values: [String], _ chosen: String, label: (String) -> String) -> [Option] {
            values.map { Option(value: $0, label: label($0), selected: $0 == chosen) }
        }
        return [
            FieldModel(name: "id", label: t("staff_pool_id"), hint: t("staff_pool_id_hint"), value: value("id", ""), maxLength: 64, autocomplete: "off", width: "short"),
            FieldModel(name: "nazwa", label: t("staff_pool_name"), value: value("nazwa", ""), maxLength: 200, autocomplete: "off"),
            FieldModel(name: "budzet", label: t("staff_budget"), hint: t("staff_budget_hint"), value: value("budzet", ""), maxLength: 30, inputMode: "decimal",
                       autocomplete: "off", width: "short"),
            FieldModel(name: "typ", label: t("staff_vote_type"), value: "", kind: .select,
                       options: options(VoteType.allCases.map(\.rawValue), value("typ", "approval")) { renderer.catalogue.text("vote_type_" + $0, page.language) }),
            FieldModel(name: "maks_projektow", label: t("staff_max_projects"), hint: t("staff_optional"), value: value("maks_projektow", ""), maxLength: 6,
                       inputMode: "numeric", autocomplete: "off", required: false, width: "short"),
            FieldModel(name: "maks_punktow", label: t("staff_max_points"), hint: t("staff_max_points_hint"), value: value("maks_punktow", ""), maxLength: 6,
                       inputMode: "numeric", autocomplete: "off", required: false, width: "short"),
            FieldModel(name: "suma_punktow", label: t("staff_sum_points"), hint: t("staff_max_points_hint"), value: value("suma_punktow", ""), maxLength: 6,
                       inputMode: "numeric", autocomplete: "off", required: false, width: "short"),
            FieldModel(name: "regula", label: t("staff_rule"), value: "", kind: .select,
                       options: options(["greedy", "greedy-no-skip", "greedy-no-skip --top-up 80%", "equalshares", "equalshares/add1", "phragmen"], value("regula", "greedy")) { renderer.text("staff_rule_" + $0, page) }),
            FieldModel(name: "remisy", label: t("staff_tie_breaking"), value: "", kind: .select,
                       options: options(["file-order", "cost", "lexicographic"], value("remisy", "cost")) { renderer.text("staff_tie_" + $0, page) }),
            FieldModel(name: "ponowne", label: t("staff_revoting"), value: "", kind: .select,
                       options: options(["nie", "tak"], value("ponowne", "nie")) { renderer.text("staff_" + $0, page) }),
            FieldModel(name: "kolejnosc", label: t("staff_ballot_order"), value: "", kind: .select,
                       options: options(["list", "random"], value("kolejnosc", "list")) { renderer.text("staff_ballot_order_" + $0, page) }),
            FieldModel(name: "wykluczenia", label: t("staff_exclusion_groups"), hint: t("staff_exclusion_groups_hint"), value: form?.raw("wykluczenia") ?? "",
                       kind: .textarea, maxLength: 20_000, required: false),
            FieldModel(name: "lista_poparcia", label: t("staff_support_list"), hint: t("staff_support_list_hint"), value: value("lista_poparcia", "0"), maxLength: 6,
                       inputMode: "numeric", autocomplete: "off", width: "short"),
        ]
    }

    /// The pool the form describes, or `nil` with a message beside each field at fault.
    static func config(_ form: FormData, _ errors: inout FormErrors, _ renderer: PageRenderer, _ page: PageRequest) -> PoolConfig? {
        let t = { (key: String) in renderer.text(key, page) }
        let id = form.value("id") ?? ""
        if (try? TextRules.id(id, "id")) == nil { errors.add("id", t("staff_pool_id_invalid")) }
        let name = form.value("nazwa") ?? ""
        if name.isEmpty { errors.add("nazwa", t("staff_pool_name_missing")) }
        let budget = PolishFormat.parseMoney(form.value("budzet") ?? "")
        if budget == nil { errors.add("budzet", t("staff_budget_invalid")) }
        let voteType = VoteType(rawValue: form.value("typ") ?? "")
        if voteType == nil { errors.add("typ", t("staff_vote_type_invalid")) }
        func count(_ field: String) -> Int64? {
            guard let text = form.value(field), !text.isEmpty else { return nil }
            guard let number = Int64(text), (1...1_000_000).contains(number) else {
                errors.add(field, t("staff_count_invalid"))
                return nil
            }
            return number
        }
        let maxProjects = count("maks_projektow"), maxPoints = count("maks_punktow"), sumPoints = count("suma_punktow")
        let supportText = form.value("lista_poparcia") ?? "0"
        let support = supportText.isEmpty ? 0 : Int(supportText)
        if support == nil || support! < 0 || support! > 1_000_000 { errors.add("lista_poparcia", t("staff_count_invalid")) }
        let rule = form.value("regula") ?? "greedy", tie = form.value("remisy") ?? "cost"
        let groups = exclusionGroups(form.raw("wykluczenia") ?? "", &errors, renderer, page)
        let order = try? BallotOrderChoice.order(named: form.value("kolejnosc"), seed: nil)
        if order == nil { errors.add("kolejnosc", t("staff_ballot_order")) }
        guard errors.isEmpty, let budget, let voteType, let support, let order else { return nil }
        return PoolConfig(
            id: id, name: name, budget: budget, voteType: voteType,
            limits: BallotLimits(maxLength: maxProjects.map(Int.init), maxPoints: maxPoints, maxSumPoints: sumPoints),
            rule: rule, tieBreaking: tie, supportListSize: support, allowsRevoting: form.value("ponowne") == "tak",
            exclusionGroups: groups, ballotOrder: order)
    }

    /// Exclusion groups written one a line: project ids separated by commas, then after a
    /// semicolon how many of them at most may be funded (one when left out): `p1, p2, p3; 1`.
    static func exclusionGroups(_ text: String, _ errors: inout FormErrors, _ renderer: PageRenderer, _ page: PageRequest) -> [PoolExclusionGroup] {
        var groups: [PoolExclusionGroup] = []
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let parts = line.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard !parts.allSatisfy(\.isEmpty) else { continue }
            let ids = parts[0].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let atMost = parts.count > 1 ? Int(parts[1]) : 1
            guard parts.count <= 2, let atMost, ids.allSatisfy({ (try? TextRules.reference($0, "wykluczenia")) != nil }) else {
                errors.add("wykluczenia", renderer.text("staff_exclusion_groups_invalid", page, ["line": String(index + 1)]))
                return []
            }
            guard Set(ids).count == ids.count, (2...Bounds.maxExclusionGroupSize).contains(ids.count), (1..<ids.count).contains(atMost),
                groups.count < Bounds.maxExclusionGroups
            else {
                errors.add("wykluczenia", renderer.text("staff_exclusion_group_size", page, [
                    "line": String(index + 1), "most": String(Bounds.maxExclusionGroupSize), "groups": String(Bounds.maxExclusionGroups)]))
                return []
            }
            groups.append(PoolExclusionGroup(projects: ids, atMost: atMost))
        }
        return groups
    }
}
