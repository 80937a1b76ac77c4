import WiecCore

extension ResidentSite {
    /// The layout's frame for a page: its title, the navigation (of the edition when the page
    /// belongs to one, marking the current section) and the trail back to the edition.
    func chrome(
        _ title: String, _ page: PageRequest, edition state: EditionState? = nil, section: String? = nil, signedIn: Bool = false
    ) -> Chrome {
        let t = { (key: String) in renderer.text(key, page) }
        var nav = [Link(href: "/", label: t("nav_home"), current: section == "home")]
        var trail: [Link] = []
        if let state {
            let base = "/edycje/" + state.id
            trail = [Link(href: "/", label: t("nav_home")), Link(href: base, label: state.name ?? state.id)]
            nav.append(Link(href: base, label: state.name ?? state.id, current: section == "edition"))
            nav.append(Link(href: base + "/projekty", label: t("nav_proposals"), current: section == "proposals"))
            if state.phase == .voting { nav.append(Link(href: base + "/glosowanie", label: t("nav_vote"), current: section == "vote")) }
            if state.phase == .published { nav.append(Link(href: base + "/wyniki", label: t("nav_results"), current: section == "results")) }
            nav.append(Link(href: base + "/warsztaty", label: t("nav_workshops"), current: section == "workshops"))
            if state.localInitiative.rules != nil {
                nav.append(Link(href: base + "/inicjatywy-lokalne", label: t("li_title"), current: section == "local"))
            }
            if signedIn {
                nav.append(Link(href: base + "/moje", label: t("nav_mine"), current: section == "mine"))
            } else if state.phase < .closed {
                nav.append(Link(href: base + "/logowanie", label: t("nav_sign_in"), current: section == "account"))
            }
        }
        let flash = flashMessage(page)
        return Chrome(title: title, nav: nav, breadcrumbs: section == "edition" ? [] : trail, flash: flash)
    }

    /// The confirmation a redirect asked for with `?ok=KEY`, when the catalogue knows the key.
    func flashMessage(_ page: PageRequest) -> String? {
        guard let query = page.path.split(separator: "?", maxSplits: 1).dropFirst().first else { return nil }
        for pair in query.split(separator: "&") where pair.hasPrefix("ok=") {
            let key = "flash_" + pair.dropFirst(3)
            if renderer.catalogue.tables[page.language]?[key] != nil { return renderer.text(key, page) }
        }
        return nil
    }
}
