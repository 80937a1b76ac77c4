import Foundation
import WiecTally

/// The two fields a review and an appeal decision share: the required written justification
/// and the reviewed cost (in złoty, optional unless the core asks for it).
enum JustificationFields {
    /// The longest justification accepted, in characters.
    static let maxLength = 10_000

    /// The fields, with the values sent when the form is shown again.
    static func fields(_ form: FormData?, _ renderer: PageRenderer, _ page: PageRequest) -> [FieldModel] {
        let t = { (key: String) in renderer.text(key, page) }
        return [
            FieldModel(name: "uzasadnienie", label: t("staff_justification"), hint: t("staff_justification_hint"), value: form?.value("uzasadnienie") ?? "",
                       kind: .textarea, maxLength: maxLength),
            FieldModel(name: "koszt", label: t("staff_reviewed_cost"), hint: t("staff_reviewed_cost_hint"), value: form?.value("koszt") ?? "",
                       maxLength: 30, inputMode: "decimal", autocomplete: "off", required: false, width: "short"),
        ]
    }

    /// The justification and cost a form sent, with a message beside each field at fault.
    static func read(_ form: FormData, _ errors: inout FormErrors, _ renderer: PageRenderer, _ page: PageRequest) -> (justification: String, cost: Money?) {
        let justification = (form.value("uzasadnienie") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if justification.isEmpty { errors.add("uzasadnienie", renderer.text("staff_justification_missing", page)) }
        else if justification.count > maxLength { errors.add("uzasadnienie", renderer.text("staff_justification_long", page)) }
        let costText = form.value("koszt") ?? ""
        let cost = costText.isEmpty ? nil : PolishFormat.parseMoney(costText)
        if !costText.isEmpty, cost == nil { errors.add("koszt", renderer.text("staff_budget_invalid", page)) }
        return (justification, cost)
    }
}
