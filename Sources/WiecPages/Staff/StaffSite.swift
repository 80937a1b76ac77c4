public import Foundation
public import Hummingbird
import HTTPTypes
import WiecCore
public import WiecGateway

/// The pages of councillors, sołtysi, officials and auditors, under `/panel`: the residents'
/// layout, catalogue, CSRF and form conventions, over the same ``CommandGateway``. Every page
/// needs a staff session (else a 303 to the sign-in page) and resolves the account to the core's
/// actor through ``WiecGateway/Principal/actor(on:as:)``, the API's own authorization; a page
/// the account may not see answers 403 and says why.
public struct StaffSite: Sendable {
    let residents: ResidentSite
    let idleTimeout: TimeInterval
    let signIns: RateLimiter

    /// Where the staff pages live.
    static let root = "/panel"

    /// Builds the staff pages beside the residents' site, sharing its renderer and CSRF key.
    ///
    /// - Parameters:
    ///   - residents: The residents' site whose layout, catalogue and forms the pages share.
    ///   - idleTimeout: How long a staff session stays open without use.
    public init(residents: ResidentSite, idleTimeout: TimeInterval) {
        self.residents = residents
        self.idleTimeout = idleTimeout
        self.signIns = RateLimiter(perMinute: ResidentSite.signInsPerMinute)
    }

    var renderer: PageRenderer { residents.renderer }
    var gateway: CommandGateway { residents.gateway }

    /// Every staff page's route.
    public var endpoints: RouteCollection<WiecRequestContext> {
        let routes = RouteCollection(context: WiecRequestContext.self)
        StaffAccountPages(site: self).add(to: routes)
        StaffEditionPages(site: self).add(to: routes)
        ReviewQueuePages(site: self).add(to: routes)
        AppealDecisionPages(site: self).add(to: routes)
        PaperBallotPages(site: self).add(to: routes)
        AuditLogPages(site: self).add(to: routes)
        VillageFundStaffPages(site: self).add(to: routes)
        LocalInitiativeStaffPages(site: self).add(to: routes)
        WorkshopStaffPages(site: self).add(to: routes)
        return routes
    }

    /// A staff page: needs a session, then runs the handler with the signed-in account.
    func get(
        _ routes: RouteCollection<WiecRequestContext>, _ path: RouterPath,
        _ handler: @escaping @Sendable (StaffRequest, Request, WiecRequestContext) async throws -> Response
    ) {
        residents.get(routes, path) { page, request, context in
            do { return try await handler(try staff(page), request, context) } catch { return try refusal(error, page) }
        }
    }

    /// A staff form: the residents' CSRF and size checks first, then the session, then the handler.
    func post(
        _ routes: RouteCollection<WiecRequestContext>, _ path: RouterPath,
        _ handler: @escaping @Sendable (StaffRequest, FormData, Request, WiecRequestContext) async throws -> Response
    ) {
        residents.post(routes, path) { page, form, request, context in
            do { return try await handler(try staff(page), form, request, context) } catch { return try refusal(error, page) }
        }
    }

    /// The largest file a staff form takes (a pool's `.pb` file), in bytes.
    static let maxUploadBytes = 16 * 1024 * 1024

    /// A staff form with a file (`multipart/form-data`): the body read whole up to
    /// ``maxUploadBytes``, then the same CSRF check and session as every staff form.
    func upload(
        _ routes: RouteCollection<WiecRequestContext>, _ path: RouterPath,
        _ handler: @escaping @Sendable (StaffRequest, FormData, [String: MultipartForm.File], Request, WiecRequestContext) async throws -> Response
    ) {
        routes.post(path) { request, context in
            let page = PageRequest(request, csrf: residents.csrf)
            do {
                let buffer: ByteBuffer
                do { buffer = try await request.body.collect(upTo: Self.maxUploadBytes) } catch { throw PageError.bodyTooLarge }
                guard let form = MultipartForm(body: Array(buffer.readableBytesView), contentType: request.headers[.contentType] ?? "") else {
                    throw PageError.malformedUpload
                }
                guard !page.csrfCookieIsNew, residents.csrf.accepts(token: form.data.value(CSRFGuard.field), cookieValue: page.csrfCookie) else {
                    throw PageError.forbiddenForm
                }
                do { return try await handler(try staff(page), form.data, form.files, request, context) } catch { return try refusal(error, page) }
            } catch {
                return residents.errorPage(error, page)
            }
        }
    }

    /// The signed-in account of a request.
    ///
    /// - Throws: ``StaffSignInNeeded`` without an open session.
    func staff(_ page: PageRequest) throws -> StaffRequest {
        guard let token = page.cookies[StaffSessionCookie.name],
            let account = try residents.access.staffSession(token: token, at: Date(), idleTimeout: idleTimeout)
        else { throw StaffSignInNeeded(back: page.path) }
        return StaffRequest(page: page, account: account, token: token)
    }

    /// The core actor an account is on an edition for one kind of action: the API's own check.
    ///
    /// - Throws: ``Problem`` 403 when the role or scope does not fit.
    func actor(_ staff: StaffRequest, on edition: EditionID, as acting: Acting) throws -> Actor {
        try Principal.staff(staff.account).actor(on: edition, as: acting)
    }

    /// A missing session as a 303 to the sign-in page, a forbidden action as the 403 page that
    /// says why; anything else goes on to the residents' error page.
    private func refusal(_ error: any Error, _ page: PageRequest) throws -> Response {
        if let need = error as? StaffSignInNeeded {
            return renderer.redirect(Self.root + "/logowanie?wroc=" + AccountPages.encoded(need.back), request: page)
        }
        let problem = Problem(error)
        guard problem.status == .forbidden, error is Problem || error is Refusal else { throw error }
        let model = ForbiddenPage(
            heading: renderer.text("staff_forbidden_title", page),
            reason: renderer.text("staff_forbidden_" + problem.code, page),
            detail: problem.detail)
        return renderer.response("staff_forbidden", model, chrome: chrome(model.heading, page), request: page, status: .forbidden)
    }

    /// The layout's frame of a staff page: the panel's navigation and, within an edition, its sections.
    func chrome(_ title: String, _ page: PageRequest, edition: EditionState? = nil, section: String? = nil) -> Chrome {
        let t = { (key: String) in renderer.text(key, page) }
        var nav = [Link(href: Self.root, label: t("staff_nav_home"), current: section == "home")]
        if let edition {
            let base = Self.root + "/edycje/" + edition.id
            nav.append(Link(href: base, label: edition.name ?? edition.id, current: section == "edition"))
            nav.append(Link(href: base + "/weryfikacja", label: t("staff_nav_reviews"), current: section == "reviews"))
            nav.append(Link(href: base + "/odwolania", label: t("staff_nav_appeals"), current: section == "appeals"))
            nav.append(Link(href: base + "/glosowanie-papierowe", label: t("staff_nav_paper"), current: section == "paper"))
            nav.append(Link(href: base + "/warsztaty", label: t("staff_nav_workshops"), current: section == "workshops"))
            nav.append(Link(href: base + "/inicjatywy-lokalne", label: t("li_title"), current: section == "local"))
        }
        nav.append(Link(href: "/audyt", label: t("audit"), current: false))
        return Chrome(title: title, nav: nav, flash: residents.flashMessage(page))
    }
}

/// A staff page's request: the page's own request and the signed-in account.
struct StaffRequest: Sendable {
    let page: PageRequest
    let account: StaffAccount
    /// The session's token (for signing out).
    let token: String
}

/// A staff page asked for a session and there is none (or it timed out, or the account was revoked).
struct StaffSignInNeeded: Error, Sendable {
    var back: String
}

/// The cookie that keeps a staff member signed in: their page session's token, HttpOnly,
/// SameSite=Lax, Secure over TLS, sent only under `/panel`.
enum StaffSessionCookie {
    static let name = "wiec_panel"

    static func signIn(token: String, secure: Bool) -> String {
        Cookies.setting(name, token, path: StaffSite.root, secure: secure)
    }

    static func signOut(secure: Bool) -> String {
        Cookies.setting(name, "", path: StaffSite.root, maxAge: 0, secure: secure)
    }
}

/// The 403 page: what the account may not do, and the exact reason the gateway gave.
struct ForbiddenPage: ViewModel {
    var heading: String
    var reason: String
    var detail: String

    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "reason": reason
        case "detail": detail
        default: nil
        }
    }
}
