import Foundation

/// A form page: its heading, fields (with the values sent and any message beside each), the
/// error summary on top, a one-time key so a resubmission appends once, and the button.
struct FormPage: ViewModel {
    var heading: String
    var lead: String?
    var action: String
    var fields: [FieldModel]
    var errors: FormErrors = FormErrors()
    var submit: String
    var hidden: [Fact] = []
    var after: String?
    var afterLinks: [Link] = []
    var formKey: String = UUID().uuidString

    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "lead": lead
        case "action": action
        case "fields": fields.map { field in
            var shown = field
            shown.error = errors.message(for: field.name)
            return shown
        }
        case "hasErrors": !errors.isEmpty
        case "errors": errors.summary
        case "submit": submit
        case "hidden": hidden
        case "after": after
        case "afterLinks": afterLinks
        case "formKey": formKey
        default: nil
        }
    }
}
