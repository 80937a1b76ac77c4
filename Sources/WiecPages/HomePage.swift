/// The home page: every edition with its phase and what a resident can do in it now.
struct HomePage: ViewModel {
    var editions: [EditionSummary]
    /// The village funds, each linked to its page.
    var funds: [Link]

    func child(named name: String) -> Any? {
        switch name {
        case "editions": editions
        case "hasEditions": !editions.isEmpty
        case "funds": funds
        case "hasFunds": !funds.isEmpty
        default: nil
        }
    }
}
