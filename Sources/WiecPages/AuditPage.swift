import WiecCore

/// The audit page: what anyone can download to check the count themselves, per edition, and
/// the log's own endpoints.
struct AuditPage: ViewModel {
    var editions: [Edition]

    struct Edition: ViewModel {
        var name: String
        var downloads: [Link]

        func child(named key: String) -> Any? {
            switch key {
            case "name": name
            case "downloads": downloads
            default: nil
            }
        }
    }

    init(editions: [EditionState], catalogue: Catalogue, language: Language) {
        self.editions = editions.map { state in
            var links = [
                Link(href: "/audyt/edycje/\(state.id)", label: catalogue.text("audit_edition_details", language)),
                Link(href: "/api/v1/editions/\(state.id)", label: catalogue.text("audit_edition_json", language)),
            ]
            if state.phase == .published {
                links.append(Link(href: "/api/v1/editions/\(state.id)/bundle", label: catalogue.text("download_bundle", language)))
                links.append(Link(href: "/api/v1/editions/\(state.id)/results.csv", label: catalogue.text("download_csv", language)))
            }
            return Edition(name: state.name ?? state.id, downloads: links)
        }
    }

    func child(named key: String) -> Any? {
        switch key {
        case "editions": editions
        default: nil
        }
    }
}
