/// The home page: every edition with its phase and what a resident can do in it now.
struct HomePage: ViewModel {
    var editions: [EditionSummary]

    func child(named name: String) -> Any? {
        switch name {
        case "editions": editions
        case "hasEditions": !editions.isEmpty
        default: nil
        }
    }
}
