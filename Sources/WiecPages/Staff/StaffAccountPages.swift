import Foundation
import Hummingbird
import WiecCore
import WiecGateway

/// Signing in to the staff pages with a one-time code or the bearer token, signing out, and
/// the panel's home: the editions the account's scope covers and what it may do in each.
struct StaffAccountPages: Sendable {
    let site: StaffSite

    private var renderer: PageRenderer { site.renderer }

    func add(to routes: RouteCollection<WiecRequestContext>) {
        site.residents.get(routes, "\(StaffSite.root)/logowanie") { page, request, _ in
            let back = ResidentSite.localPath(request.uri.queryParameters["wroc"].map(String.init))
            return show(signInForm(page, back: back), page: page)
        }
        site.residents.post(routes, "\(StaffSite.root)/logowanie") { page, form, _, context in
            try site.signIns.take("staff:" + context.clientAddress)
            let back = ResidentSite.localPath(form.value("wroc"))
            let credential = form.value("kod") ?? ""
            var errors = FormErrors()
            if credential.isEmpty {
                errors.add("kod", renderer.text("staff_sign_in_missing", page))
            } else if let session = try site.residents.access.startStaffSession(credential: credential, at: Date()) {
                let next = back.hasPrefix(StaffSite.root) ? back : StaffSite.root
                return renderer.redirect(next, request: page, cookies: [StaffSessionCookie.signIn(token: session.token, secure: page.secure)])
            } else {
                errors.add("kod", renderer.text("staff_sign_in_wrong", page))
            }
            var model = signInForm(page, back: back)
            model.errors = errors
            return show(model, page: page, status: .unprocessableContent)
        }
        site.residents.post(routes, "\(StaffSite.root)/wyloguj") { page, _, _, _ in
            if let token = page.cookies[StaffSessionCookie.name] { try site.residents.access.endStaffSession(token: token) }
            return renderer.redirect(
                "\(StaffSite.root)/logowanie?ok=staff_signed_out", request: page, cookies: [StaffSessionCookie.signOut(secure: page.secure)])
        }
        site.get(routes, "\(StaffSite.root)") { staff, _, _ in
            let page = staff.page
            let model = home(staff, editions: try site.gateway.editions())
            return renderer.response("staff_page", model, chrome: site.chrome(model.heading, page, section: "home"), request: page)
        }
    }

    private func show(_ form: FormPage, page: PageRequest, status: HTTPResponse.Status = .ok) -> Response {
        var chrome = site.chrome(form.heading, page)
        chrome.nav = []
        return renderer.response("form", form, chrome: chrome, request: page, status: status)
    }

    private func signInForm(_ page: PageRequest, back: String) -> FormPage {
        let t = { (key: String) in renderer.text(key, page) }
        return FormPage(
            heading: t("staff_sign_in_title"), lead: t("staff_sign_in_lead"), action: "\(StaffSite.root)/logowanie",
            fields: [
                FieldModel(name: "kod", label: t("staff_sign_in_code"), hint: t("staff_sign_in_code_hint"), value: "", maxLength: 200,
                           autocomplete: "off")
            ],
            submit: t("staff_sign_in_submit"), hidden: [Fact(term: "wroc", value: back)])
    }

    /// The panel's home: who is signed in, and per edition in scope the pages the role opens.
    private func home(_ staff: StaffRequest, editions: [EditionState]) -> StaffPage {
        let page = staff.page
        let t = { (key: String, arguments: [String: String]) in renderer.text(key, page, arguments) }
        let account = staff.account
        let who = StaffPage.Section(
            title: nil,
            facts: [
                Fact(term: t("staff_account_name", [:]), value: account.name),
                Fact(term: t("staff_account_role", [:]), value: t("staff_role_" + account.role.rawValue, [:])),
                Fact(term: t("staff_account_scope", [:]), value: account.scope == .all ? t("staff_scope_all", [:]) : account.scope.text),
            ],
            forms: [StaffForm(action: "\(StaffSite.root)/wyloguj", submit: t("staff_sign_out", [:]), secondary: true)])
        let inScope = editions.filter { $0.villageFund == nil && account.scope.scope(in: $0.id) != nil }
        let rows = inScope.map { state in
            StaffPage.Row(cells: [
                StaffPage.Cell(text: state.name ?? state.id, href: account.role == .auditor ? nil : "\(StaffSite.root)/edycje/\(state.id)"),
                StaffPage.Cell(text: renderer.catalogue.text("phase_" + state.phase.rawValue, page.language)),
            ])
        }
        var sections = [
            who,
            StaffPage.Section(
                title: t("staff_editions", [:]),
                table: StaffPage.Table(
                    caption: t("staff_editions", [:]), headers: [t("staff_edition", [:]), t("staff_phase", [:])], rows: rows,
                    empty: t("staff_no_editions", [:]))),
        ]
        if account.role == .admin, account.scope == .all {
            sections[1].links = [Link(href: "\(StaffSite.root)/nowa-edycja", label: t("staff_new_edition", [:]))]
        }
        sections.append(StaffPage.Section(
            title: t("fund_index_title", [:]), paragraphs: [t("fund_staff_index_lead", [:])],
            links: [Link(href: VillageFundStaffPages.root, label: t("fund_staff_open_list", [:]))]))
        if account.role == .auditor { sections[1].paragraphs = [t("staff_auditor_note", [:])] }
        return StaffPage(heading: t("staff_home_title", [:]), lead: nil, sections: sections)
    }
}
