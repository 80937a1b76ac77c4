import WiecCore

/// The first step of voting when an edition has several pools: choose the pool (district).
struct PoolsPage: ViewModel {
    var pools: [Pool]

    struct Pool: ViewModel {
        var name: String
        var href: String
        var budget: String
        var ballot: String
        var voted: String?
        var action: String

        func child(named key: String) -> Any? {
            switch key {
            case "name": name
            case "href": href
            case "budget": budget
            case "ballot": ballot
            case "voted": voted
            case "action": action
            default: nil
            }
        }
    }

    func child(named name: String) -> Any? {
        name == "pools" ? pools : nil
    }
}
