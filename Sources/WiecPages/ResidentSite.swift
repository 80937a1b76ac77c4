public import Hummingbird
import Foundation
import HTTPTypes
public import WiecGateway
public import WiecLedger
import WiecCore

/// The residents' pages, mounted at `/` beside the JSON API: every page is a GET that renders a
/// view model, every action a POST form that goes through the same ``CommandGateway`` as the
/// API and ends in a 303, or shows the form again with the refusal beside the field.
public struct ResidentSite: Sendable {
    let gateway: CommandGateway
    let access: AccessStore
    let verifier: CheckpointVerifier
    let renderer: PageRenderer
    let csrf: CSRFGuard
    let registrations: RateLimiter
    let signIns: RateLimiter
    let shown: OneTimeDisplay
    let results: ResultsCache
    /// The bodies of published results pages, rendered once (``ResultsPages/BodyKey``).
    let resultsBodies = BoundedCache<ResultsPages.BodyKey, String>(capacity: 64)
    /// The rows of ballots, each project's rendered once per pool type and language.
    let ballotRows: BallotRows

    /// Sign-in attempts one address may make per minute: a code has about 59 bits, so guessing
    /// one is hopeless at this rate.
    static let signInsPerMinute = 20

    /// The largest form body accepted, in bytes.
    static let maxFormBytes = 256 * 1024

    /// Builds the site.
    ///
    /// - Parameters:
    ///   - gateway: The one path to the ledger, shared with the API.
    ///   - access: Resident tokens and sign-in codes.
    ///   - verifier: The log's checkpoint key, for checking receipts.
    ///   - site: The installation's name, crest, colour and accessibility contact.
    ///   - registrationsPerMinute: Registrations one address may make per minute (0: no limit).
    /// - Throws: when a template or catalogue does not load.
    public init(
        gateway: CommandGateway, access: AccessStore, verifier: CheckpointVerifier, site: SiteSettings, registrationsPerMinute: Int
    ) throws {
        self.gateway = gateway
        self.access = access
        self.verifier = verifier
        self.renderer = try PageRenderer(site: site)
        self.csrf = CSRFGuard(key: access.derivedKey(purpose: "csrf"))
        self.registrations = RateLimiter(perMinute: registrationsPerMinute)
        self.signIns = RateLimiter(perMinute: Self.signInsPerMinute)
        self.shown = OneTimeDisplay()
        self.results = ResultsCache()
        self.ballotRows = BallotRows(renderer: renderer)
    }

    /// Every page's route.
    public var endpoints: RouteCollection<WiecRequestContext> {
        let routes = RouteCollection(context: WiecRequestContext.self)
        StaticFiles(site: renderer.site).add(to: routes)
        HomePages(site: self).add(to: routes)
        AccountPages(site: self).add(to: routes)
        ProposalPages(site: self).add(to: routes)
        VotingPages(site: self).add(to: routes)
        ReceiptPages(site: self).add(to: routes)
        ResultsPages(site: self).add(to: routes)
        VillageFundPages(site: self).add(to: routes)
        LocalInitiativePages(site: self).add(to: routes)
        return routes
    }

    /// A GET page: builds the request's view, runs the handler, and shows any error as a page.
    func get(
        _ routes: RouteCollection<WiecRequestContext>, _ path: RouterPath,
        _ handler: @escaping @Sendable (PageRequest, Request, WiecRequestContext) async throws -> Response
    ) {
        routes.get(path) { request, context in
            let page = PageRequest(request, csrf: csrf)
            do { return try await handler(page, request, context) } catch { return errorPage(error, page) }
        }
    }

    /// A POST form: refuses a body over the limit or without a valid CSRF token (403), then
    /// hands the decoded form to the handler. A form sent as `multipart/form-data` (one with a
    /// file field, e.g. the receipt check) gives each chosen file's text as its field's value.
    func post(
        _ routes: RouteCollection<WiecRequestContext>, _ path: RouterPath,
        _ handler: @escaping @Sendable (PageRequest, FormData, Request, WiecRequestContext) async throws -> Response
    ) {
        routes.post(path) { request, context in
            let page = PageRequest(request, csrf: csrf)
            do {
                let buffer: ByteBuffer
                do { buffer = try await request.body.collect(upTo: Self.maxFormBytes) } catch { throw PageError.bodyTooLarge }
                let form = try Self.form(buffer, contentType: request.headers[.contentType] ?? "")
                guard !page.csrfCookieIsNew, csrf.accepts(token: form.value(CSRFGuard.field), cookieValue: page.csrfCookie) else {
                    throw PageError.forbiddenForm
                }
                return try await handler(page, form, request, context)
            } catch {
                return errorPage(error, page)
            }
        }
    }

    /// A form body, urlencoded or multipart; a file's bytes become its field's text.
    private static func form(_ buffer: ByteBuffer, contentType: String) throws -> FormData {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return FormData(body: String(buffer: buffer)) }
        guard let multipart = MultipartForm(body: Array(buffer.readableBytesView), contentType: contentType) else { throw PageError.malformedUpload }
        let files = multipart.files.sorted { $0.key < $1.key }.map { (name: $0.key, value: String(decoding: $0.value.bytes, as: UTF8.self)) }
        return FormData(fields: files + multipart.data.fields)
    }

    /// An error as a page in the visitor's language: never a raw code, never a stack.
    func errorPage(_ error: any Error, _ page: PageRequest) -> Response {
        if let need = error as? SignInNeeded {
            return renderer.redirect(
                "/edycje/\(need.edition)/logowanie?wroc=" + (need.back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""), request: page)
        }
        let status: HTTPResponse.Status
        let message: String
        switch error {
        case let error as PageError:
            status = error.status
            message = renderer.text(error.key, page)
        default:
            let problem = Problem(error)
            status = problem.status
            message = renderer.messages.message(for: error, page.language)
        }
        let model = MessagePage(heading: renderer.text(status == .notFound ? "error_not_found_title" : "error_title", page), message: message)
        return renderer.response("message", model, chrome: Chrome(title: model.heading), request: page, status: status)
    }

    /// The resident signed in to an edition on this browser, if any.
    func resident(_ page: PageRequest, edition: EditionID) throws -> VoterID? {
        guard let token = page.cookies[SessionCookie.name(edition)], let principal = try access.principal(token: token),
            case .resident(let own, let voter) = principal, own == edition
        else { return nil }
        return voter
    }

    /// The resident signed in to an edition, or a redirect to the sign-in page.
    func requireResident(_ page: PageRequest, edition: EditionID) throws -> VoterID {
        guard let voter = try resident(page, edition: edition) else { throw SignInNeeded(edition: edition, back: page.path) }
        return voter
    }

    /// The ledger key of a page action: the form's own one-time key, so a double click or a
    /// resubmitted form appends once.
    static func ledgerKey(_ form: FormData, actor: Actor) -> String {
        let key = form.value("_klucz").flatMap { $0.count <= 64 && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } ? $0 : nil }
        return "page:\(actor.role.rawValue):\(actor.id):" + (key ?? UUID().uuidString)
    }
}

/// A page asked for a signed-in resident and there is none.
struct SignInNeeded: Error, Sendable {
    var edition: EditionID
    var back: String
}

/// The page saying what happened: an error, or a confirmation without a form.
struct MessagePage: ViewModel {
    var heading: String
    var message: String

    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "message": message
        default: nil
        }
    }
}
