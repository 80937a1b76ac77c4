import WiecCore

/// The workshops of an edition (theme, date, place, participants), the initiatives each
/// produced and the proposals they became; initiatives written outside a workshop come last.
struct WorkshopsPage: ViewModel {
    var workshops: [Workshop]
    var other: [Initiative]
    var canSubmit: Bool
    var submitHref: String

    struct Workshop: ViewModel {
        var theme: String
        var facts: [Fact]
        var initiatives: [Initiative]

        func child(named name: String) -> Any? {
            switch name {
            case "theme": theme
            case "facts": facts
            case "initiatives": initiatives
            case "hasInitiatives": !initiatives.isEmpty
            default: nil
            }
        }
    }

    struct Initiative: ViewModel {
        var title: String
        var description: String
        var proposals: [Link]

        func child(named name: String) -> Any? {
            switch name {
            case "title": title
            case "description": description
            case "proposals": proposals
            case "hasProposals": !proposals.isEmpty
            default: nil
            }
        }
    }

    init(_ state: EditionState, catalogue: Catalogue, language: Language) {
        let t = { (key: String) in catalogue.text(key, language) }
        func initiative(_ item: WiecCore.Initiative) -> Initiative {
            Initiative(
                title: item.title, description: item.description,
                proposals: item.proposals.compactMap { id in
                    state.proposals[id].map { Link(href: "/edycje/\(state.id)/projekty/\(id)", label: $0.title) }
                })
        }
        let initiatives = state.initiatives.values.sorted { $0.id < $1.id }
        workshops = state.workshops.values.sorted { ($0.date, $0.id) < ($1.date, $1.id) }.map { workshop in
            Workshop(
                theme: workshop.theme,
                facts: [
                    Fact(term: t("workshops_date"), value: PolishFormat.day(workshop.date, language)),
                    Fact(term: t("workshops_place"), value: workshop.place),
                    Fact(term: t("workshops_participants"), value: PolishFormat.number(workshop.participants, language)),
                ],
                initiatives: initiatives.filter { $0.workshop == workshop.id }.map(initiative))
        }
        other = initiatives.filter { $0.workshop == nil }.map(initiative)
        canSubmit = state.phase == .submission
        submitHref = "/edycje/\(state.id)/inicjatywy/nowa"
    }

    func child(named name: String) -> Any? {
        switch name {
        case "workshops": workshops
        case "hasWorkshops": !workshops.isEmpty
        case "other": other
        case "hasOther": !other.isEmpty
        case "canSubmit": canSubmit
        case "submitHref": submitHref
        default: nil
        }
    }
}
