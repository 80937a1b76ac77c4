import Foundation

/// A staff page built of sections, each with facts, a table, links, forms and preformatted
/// text (commands to copy): the staff pages differ in what they show, not in how, so one
/// template renders them all. Every text is ready to show.
struct StaffPage: ViewModel {
    var heading: String
    var lead: String?
    var sections: [Section]
    /// The form's errors, shown in the summary on top.
    var errors = FormErrors()

    struct Section: ViewModel {
        var title: String?
        var paragraphs: [String] = []
        var facts: [Fact] = []
        var table: Table?
        var links: [Link] = []
        var forms: [StaffForm] = []
        /// A filter (a GET form, changing nothing).
        var filter: StaffFilter?
        var preformatted: String?
        /// An `id` for links to the section.
        var anchor: String?

        func child(named name: String) -> Any? {
            switch name {
            case "title": title
            case "paragraphs": paragraphs
            case "facts": facts
            case "hasFacts": !facts.isEmpty
            case "table": table
            case "links": links
            case "hasLinks": !links.isEmpty
            case "forms": forms
            case "filter": filter
            case "preformatted": preformatted
            case "anchor": anchor
            default: nil
            }
        }
    }

    struct Table: ViewModel {
        var caption: String
        var headers: [String]
        var rows: [Row]
        /// What the table says when it has no rows.
        var empty: String

        func child(named name: String) -> Any? {
            switch name {
            case "caption": caption
            case "headers": headers
            case "rows": rows
            case "hasRows": !rows.isEmpty
            case "empty": empty
            default: nil
            }
        }
    }

    struct Row: ViewModel {
        var cells: [Cell]

        func child(named name: String) -> Any? {
            name == "cells" ? cells : nil
        }
    }

    struct Cell: ViewModel {
        var text: String
        var href: String?
        /// A number, aligned right.
        var numeric = false

        func child(named name: String) -> Any? {
            switch name {
            case "text": text
            case "href": href
            case "numeric": numeric
            default: nil
            }
        }
    }

    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "lead": lead
        case "sections": sections
        case "hasErrors": !errors.isEmpty
        case "errors": errors.summary
        default: nil
        }
    }
}

/// A form inside a staff page: its fields (with any message beside each), hidden values, a
/// one-time key so a resubmission appends once, and its button.
struct StaffForm: ViewModel {
    var action: String
    var submit: String
    var fields: [FieldModel] = []
    var hidden: [Fact] = []
    var errors = FormErrors()
    /// A file upload form (`multipart/form-data`).
    var upload = false
    /// A secondary (less prominent) button.
    var secondary = false
    var formKey = UUID().uuidString

    func child(named name: String) -> Any? {
        switch name {
        case "action": action
        case "submit": submit
        case "fields": fields.map { field in
            var shown = field
            shown.error = errors.message(for: field.name)
            return shown
        }
        case "hidden": hidden
        case "upload": upload
        case "secondary": secondary
        case "formKey": formKey
        default: nil
        }
    }
}

/// A filter form: a GET that narrows what a page lists and changes nothing.
struct StaffFilter: ViewModel {
    var action: String
    var fields: [FieldModel]
    var submit: String

    func child(named name: String) -> Any? {
        switch name {
        case "action": action
        case "fields": fields
        case "submit": submit
        default: nil
        }
    }
}
