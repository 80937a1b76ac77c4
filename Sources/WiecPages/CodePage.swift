/// The page that shows a resident's sign-in code, once, and where to go next.
struct CodePage: ViewModel {
    var heading: String
    var code: String?
    var next: String

    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "code": code
        case "next": next
        default: nil
        }
    }
}
