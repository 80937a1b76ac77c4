import Foundation
import Hummingbird
import WiecCore
import WiecGateway
import WiecLedger

/// Registering as a voter of an edition, signing back in with the one-time code, seeing that
/// code once, and signing out.
struct AccountPages: Sendable {
    let site: ResidentSite

    private var renderer: PageRenderer { site.renderer }

    func add(to routes: RouteCollection<WiecRequestContext>) {
        site.get(routes, "/edycje/{edition}/rejestracja") { page, request, context in
            let state = try site.edition(context)
            return show(registration(state, page, back: back(request)), state: state, page: page)
        }
        site.post(routes, "/edycje/{edition}/rejestracja") { page, form, _, context in
            let state = try site.edition(context)
            return try await register(state, form: form, page: page, context: context)
        }
        site.get(routes, "/edycje/{edition}/logowanie") { page, request, context in
            let state = try site.edition(context)
            return show(signIn(state, page, back: back(request)), state: state, page: page)
        }
        site.post(routes, "/edycje/{edition}/logowanie") { page, form, _, context in
            let state = try site.edition(context)
            return try signIn(state, form: form, page: page, context: context)
        }
        site.get(routes, "/edycje/{edition}/kod") { page, request, context in
            let state = try site.edition(context)
            let code = site.shown.take(page.cookies[OneTimeDisplay.cookie])
            let model = CodePage(heading: renderer.text("code_title", page), code: code, next: back(request))
            return renderer.response("code", model, chrome: site.chrome(model.heading, page, edition: state, section: "account", signedIn: true), request: page)
        }
        site.post(routes, "/edycje/{edition}/wyloguj") { page, _, _, context in
            let state = try site.edition(context)
            return renderer.redirect("/edycje/\(state.id)?ok=signed_out", request: page, cookies: [SessionCookie.signOut(state.id, secure: page.secure)])
        }
    }

    /// Where to go after signing in: the local path the visitor came from, else the edition.
    private func back(_ request: Request) -> String {
        let edition = request.uri.path.split(separator: "/").dropFirst().first.map(String.init) ?? ""
        let asked = request.uri.queryParameters["wroc"].map(String.init) ?? request.uri.queryParameters["dalej"].map(String.init)
        let path = ResidentSite.localPath(asked)
        return path == "/" ? "/edycje/\(edition)" : path
    }

    private func show(_ form: FormPage, state: EditionState, page: PageRequest, status: HTTPResponse.Status = .ok) -> Response {
        renderer.response("form", form, chrome: site.chrome(form.heading, page, edition: state, section: "account"), request: page, status: status)
    }

    private func registration(_ state: EditionState, _ page: PageRequest, back: String, form: FormData? = nil) -> FormPage {
        let t = { (key: String) in renderer.text(key, page) }
        var lead = t("register_lead")
        if let age = state.minimumVoterAge { lead += " " + renderer.catalogue.counted("register_age", Int64(age), page.language) }
        return FormPage(
            heading: t("register_title"), lead: lead, action: "/edycje/\(state.id)/rejestracja",
            fields: [
                FieldModel(name: "imie", label: t("register_name"), hint: t("register_name_hint"), value: form?.value("imie") ?? "", maxLength: 200, autocomplete: "name"),
                FieldModel(name: "pesel", label: t("register_pesel"), hint: t("register_pesel_hint"), value: form?.value("pesel") ?? "", maxLength: 11,
                           inputMode: "numeric", autocomplete: "off", width: "short"),
                FieldModel(name: "kontakt", label: t("register_contact"), hint: t("register_contact_hint"), value: form?.value("kontakt") ?? "",
                           maxLength: 200, autocomplete: "email", required: false),
            ],
            submit: t("register_submit"), hidden: [Fact(term: "wroc", value: back)],
            afterLinks: [Link(href: "/edycje/\(state.id)/logowanie", label: t("register_have_code"))])
    }

    private func signIn(_ state: EditionState, _ page: PageRequest, back: String, form: FormData? = nil) -> FormPage {
        let t = { (key: String) in renderer.text(key, page) }
        return FormPage(
            heading: t("sign_in_title"), lead: t("sign_in_lead"), action: "/edycje/\(state.id)/logowanie",
            fields: [
                FieldModel(name: "pesel", label: t("register_pesel"), value: form?.value("pesel") ?? "", maxLength: 11, inputMode: "numeric",
                           autocomplete: "off", width: "short"),
                FieldModel(name: "kod", label: t("sign_in_code"), hint: t("sign_in_code_hint"), value: "", maxLength: 20, autocomplete: "off"),
            ],
            submit: t("sign_in_submit"), hidden: [Fact(term: "wroc", value: back)],
            afterLinks: [Link(href: "/edycje/\(state.id)/rejestracja", label: t("sign_in_no_code"))])
    }

    /// Checks a PESEL, saying in the visitor's language which defect it has.
    private func pesel(_ text: String?, _ errors: inout FormErrors, _ page: PageRequest) -> Pesel? {
        guard let text, !text.isEmpty else {
            errors.add("pesel", renderer.text("pesel_missing", page))
            return nil
        }
        do { return try Pesel(text) } catch {
            errors.add("pesel", renderer.text("pesel_" + error.kind.rawValue, page))
            return nil
        }
    }

    private func register(_ state: EditionState, form: FormData, page: PageRequest, context: WiecRequestContext) async throws -> Response {
        try site.registrations.take(context.clientAddress)
        let back = ResidentSite.localPath(form.value("wroc"))
        var errors = FormErrors()
        let name = form.value("imie") ?? ""
        if name.isEmpty { errors.add("imie", renderer.text("register_name_missing", page)) }
        else if name.count > 200 || name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            errors.add("imie", renderer.text("register_name_invalid", page))
        }
        let contact = form.value("kontakt").flatMap { $0.isEmpty ? nil : $0 }
        if let contact, contact.count > 200 { errors.add("kontakt", renderer.text("register_contact_invalid", page)) }
        let number = pesel(form.value("pesel"), &errors, page)
        if let number, errors.isEmpty {
            let key = form.value("_klucz") ?? UUID().uuidString
            let resident = site.access.residentID(edition: state.id, idempotencyKey: "page:" + key)
            do {
                _ = try await site.gateway.register(
                    PersonalData(pesel: number, name: name, contact: contact), as: resident, on: state.id, by: CommandGateway.registrationDesk,
                    ledgerKey: "page:registration:\(state.id):\(key)")
                let token = site.access.residentToken(edition: state.id, resident: resident)
                let code = try site.access.issueSignInCode(edition: state.id, voter: resident)
                return renderer.redirect(
                    "/edycje/\(state.id)/kod?dalej=" + Self.encoded(back == "/" ? "/edycje/\(state.id)" : back), request: page,
                    cookies: [SessionCookie.signIn(state.id, token: token, secure: page.secure), shownCookie(code, state, page)])
            } catch let refusal as Refusal {
                RefusalPlacement([.alreadyRegistered: "pesel", .tooYoung: "pesel"])
                    .place(refusal, into: &errors, messages: renderer.messages, page.language)
            }
        }
        var model = registration(state, page, back: back, form: form)
        model.errors = errors
        return show(model, state: state, page: page, status: .unprocessableContent)
    }

    private func signIn(_ state: EditionState, form: FormData, page: PageRequest, context: WiecRequestContext) throws -> Response {
        try site.signIns.take(context.clientAddress)
        let back = ResidentSite.localPath(form.value("wroc"))
        var errors = FormErrors()
        let number = pesel(form.value("pesel"), &errors, page)
        let code = form.value("kod") ?? ""
        if code.isEmpty { errors.add("kod", renderer.text("sign_in_code_missing", page)) }
        if let number, errors.isEmpty {
            if let resident = try site.gateway.resident(withPesel: number, in: state.id),
                try site.access.redeemSignInCode(code, edition: state.id, voter: resident)
            {
                let token = site.access.residentToken(edition: state.id, resident: resident)
                let next = try site.access.issueSignInCode(edition: state.id, voter: resident)
                return renderer.redirect(
                    "/edycje/\(state.id)/kod?dalej=" + Self.encoded(back == "/" ? "/edycje/\(state.id)" : back), request: page,
                    cookies: [SessionCookie.signIn(state.id, token: token, secure: page.secure), shownCookie(next, state, page)])
            }
            errors.add("kod", renderer.text("sign_in_wrong", page))
        }
        var model = signIn(state, page, back: back, form: form)
        model.errors = errors
        return show(model, state: state, page: page, status: .unprocessableContent)
    }

    /// The cookie that lets the code page show a new code once.
    private func shownCookie(_ code: String, _ state: EditionState, _ page: PageRequest) -> String {
        Cookies.setting(OneTimeDisplay.cookie, site.shown.put(code), path: SessionCookie.path(state.id), maxAge: 600, secure: page.secure)
    }

    static func encoded(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
    }
}
