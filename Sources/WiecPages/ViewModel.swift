public import Mustache

/// A value a template renders. Each view model names its fields for the template in
/// `child(named:)` (a switch, so rendering never reflects over a type), and holds only text
/// that is ready to show: every amount and date is formatted before it gets here.
protocol ViewModel: MustacheParent, Sendable {}

/// A link: where it goes and what it says.
struct Link: ViewModel {
    var href: String
    var label: String
    var current: Bool = false

    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "label": label
        case "current": current
        default: nil
        }
    }
}

/// A name and a value, for lists of facts (`<dl>`).
struct Fact: ViewModel {
    var term: String
    var value: String

    func child(named name: String) -> Any? {
        switch name {
        case "term": term
        case "value": value
        default: nil
        }
    }
}

/// One option of a `<select>`.
struct Option: ViewModel {
    var value: String
    var label: String
    var selected: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "label": label
        case "selected": selected
        default: nil
        }
    }
}
