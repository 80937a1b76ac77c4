import Foundation
import Hummingbird
import WiecCore
import WiecGateway

/// The home page, an edition's page, its workshops and initiatives, the accessibility
/// statement, the audit page and the switches' form.
struct HomePages: Sendable {
    let site: ResidentSite

    func add(to routes: RouteCollection<WiecRequestContext>) {
        site.get(routes, "/") { page, _, _ in
            let all = try site.gateway.editions()
            let editions = all.filter { $0.villageFund == nil && $0.phase > .draft }
            let model = HomePage(
                editions: editions.map { EditionSummary($0, catalogue: site.renderer.catalogue, language: page.language) },
                funds: all.filter { $0.villageFund != nil }.map { Link(href: "/fundusze/\($0.id)", label: $0.name ?? $0.id) })
            return site.renderer.response("home", model, chrome: site.chrome(site.renderer.text("home_title", page), page, section: "home"), request: page)
        }
        site.get(routes, "/edycje/{edition}") { page, _, context in
            let state = try site.edition(context)
            let model = EditionPage(state, catalogue: site.renderer.catalogue, language: page.language)
            let signedIn = try site.resident(page, edition: state.id) != nil
            return site.renderer.response(
                "edition", model, chrome: site.chrome(state.name ?? state.id, page, edition: state, section: "edition", signedIn: signedIn), request: page)
        }
        site.get(routes, "/edycje/{edition}/warsztaty") { page, _, context in
            let state = try site.edition(context)
            let model = WorkshopsPage(state, catalogue: site.renderer.catalogue, language: page.language)
            let signedIn = try site.resident(page, edition: state.id) != nil
            return site.renderer.response(
                "workshops", model, chrome: site.chrome(site.renderer.text("workshops_title", page), page, edition: state, section: "workshops", signedIn: signedIn),
                request: page)
        }
        site.get(routes, "/deklaracja-dostepnosci") { page, _, _ in
            let model = AccessibilityStatement(site: site.renderer.site, catalogue: site.renderer.catalogue, language: page.language)
            return site.renderer.response("accessibility", model, chrome: site.chrome(site.renderer.text("a11y_title", page), page), request: page)
        }
        site.get(routes, "/audyt") { page, _, _ in
            let editions = try site.gateway.editions().filter { $0.villageFund == nil && $0.phase > .draft }
            let model = AuditPage(editions: editions, catalogue: site.renderer.catalogue, language: page.language)
            return site.renderer.response("audit", model, chrome: site.chrome(site.renderer.text("audit_title", page), page), request: page)
        }
        site.post(routes, "/ustawienia") { page, form, _, _ in
            var cookies: [String] = []
            let year = 365 * 24 * 3600
            if let size = form.value("rozmiar").flatMap(Int.init), (0...2).contains(size) {
                cookies.append(Cookies.setting(Preferences.sizeCookie, String(size), maxAge: year, secure: page.secure))
            }
            if let contrast = form.value("kontrast"), contrast == "0" || contrast == "1" {
                cookies.append(Cookies.setting(Preferences.contrastCookie, contrast, maxAge: year, secure: page.secure))
            }
            if let language = form.value("jezyk").flatMap(Language.init(rawValue:)) {
                cookies.append(Cookies.setting(Preferences.languageCookie, language.rawValue, maxAge: year, secure: page.secure))
            }
            return site.renderer.redirect(ResidentSite.localPath(form.value("wroc")), request: page, cookies: cookies)
        }
    }
}

extension ResidentSite {
    /// The edition a page's path names.
    ///
    /// - Throws: `Refusal` `unknown_edition`, shown as a 404 page.
    func edition(_ context: WiecRequestContext) throws -> EditionState {
        try gateway.existing(try context.parameters.require("edition"))
    }

    /// A path on this site to go back to: only a local absolute path, else the home page.
    static func localPath(_ text: String?) -> String {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), !text.contains("\\"), text.count <= 2000,
            !text.unicodeScalars.contains(where: { $0.value < 0x21 })
        else { return "/" }
        return text
    }
}
