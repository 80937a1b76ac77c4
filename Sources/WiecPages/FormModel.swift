import WiecCore

/// One control of a form, ready to render: its label, hint, current value and, after a
/// refused submission, the message beside it.
struct FieldModel: ViewModel {
    /// The control's name in the form, also its `id` (prefixed `pole-`).
    var name: String
    var label: String
    var hint: String?
    var value: String
    var error: String?
    /// How it renders: `text`, `textarea`, `select` or `file` (its `hint` may name the types accepted).
    var kind: Kind = .text
    var options: [Option] = []
    var maxLength: Int?
    var inputMode: String?
    var autocomplete: String?
    var required: Bool = true
    /// Extra CSS class of the input (`short`).
    var width: String?

    enum Kind: Sendable { case text, textarea, select, file }

    var id: String { "pole-" + name }

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "id": id
        case "label": label
        case "hint": hint
        case "hintID": hint == nil ? nil : id + "-podpowiedz"
        case "errorID": error == nil ? nil : id + "-blad"
        case "describedBy": [hint == nil ? nil : id + "-podpowiedz", error == nil ? nil : id + "-blad"].compactMap { $0 }.joined(separator: " ")
        case "value": value
        case "error": error
        case "isText": kind == .text
        case "isTextarea": kind == .textarea
        case "isSelect": kind == .select
        case "isFile": kind == .file
        case "options": options
        case "maxLength": maxLength.map(String.init)
        case "inputMode": inputMode
        case "autocomplete": autocomplete
        case "required": required
        case "width": width
        default: nil
        }
    }
}

/// What a refused form says: a message per field (in the order of the form) and the summary
/// on top that links to each field, as the GOV.UK error summary does.
struct FormErrors: Sendable {
    private(set) var messages: [(field: String?, message: String)] = []

    /// Whether nothing is wrong.
    var isEmpty: Bool { messages.isEmpty }

    /// Adds a message for a field (or, with `nil`, for the form as a whole).
    mutating func add(_ field: String?, _ message: String) {
        guard !messages.contains(where: { $0.field == field && field != nil }) else { return }
        messages.append((field, message))
    }

    /// The message of a field, if any.
    func message(for field: String) -> String? {
        messages.first { $0.field == field }?.message
    }

    /// The summary's links: to the field at fault, or to the top of the form.
    var summary: [Link] {
        messages.map { Link(href: $0.field.map { "#pole-" + $0 } ?? "#formularz", label: $0.message) }
    }
}

/// Where a form shows a refusal of the core: the field each reason is about, so the message
/// lands beside it; reasons not listed go to the summary alone.
struct RefusalPlacement: Sendable {
    let fields: [RefusalReason: String]

    init(_ fields: [RefusalReason: String] = [:]) {
        self.fields = fields
    }

    /// Adds a refusal to a form's errors, in the visitor's language, from the same catalogue
    /// the API's problem documents use.
    func place(_ refusal: Refusal, into errors: inout FormErrors, messages: RefusalMessages, _ language: Language) {
        errors.add(fields[refusal.reason], messages.message(for: refusal, language))
    }
}
