import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// Renders a page: the page's own template over its view model, inside the one layout (header
/// with the switches, skip link, main landmark, footer). Templates are the module's resources,
/// parsed once at start.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let catalogue: Catalogue
    let site: SiteSettings
    let messages: RefusalMessages

    /// Parses every template of the module.
    ///
    /// - Throws: when a template is missing or does not parse.
    init(site: SiteSettings) throws {
        guard let folder = PageResources.templates else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "templates"])
        }
        var templates: [String: MustacheTemplate] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            templates[String(name.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
        }
        library = MustacheLibrary(templates: templates)
        catalogue = try Catalogue.bundled()
        messages = RefusalMessages(catalogue: catalogue)
        self.site = site
    }

    /// The HTML of a page.
    func html(_ template: String, _ model: some ViewModel, chrome: Chrome, request: PageRequest) -> String {
        let table = catalogue.table(request.language)
        let body = library.render(PageScope(model: model, t: table, csrf: request.csrfToken), withTemplate: template) ?? ""
        return html(body: body, chrome: chrome, request: request)
    }

    /// A template's HTML that holds nothing of one visitor's (a page's body, a ballot's row), so
    /// that it can be kept and shown to anyone reading in that language: rendered without the
    /// CSRF token (a form in it would be refused, never carry someone else's token).
    func shared(_ template: String, _ model: some ViewModel, language: Language) -> String {
        library.render(PageScope(model: model, t: catalogue.table(language), csrf: ""), withTemplate: template) ?? ""
    }

    /// The HTML of a page around a body already rendered.
    func html(body: String, chrome: Chrome, request: PageRequest) -> String {
        let layout = LayoutModel(chrome: chrome, request: request, site: site, catalogue: catalogue, body: body)
        return library.render(layout, withTemplate: "layout") ?? ""
    }

    /// A page as a response, setting the visitor's CSRF cookie on their first visit.
    func response(
        _ template: String, _ model: some ViewModel, chrome: Chrome, request: PageRequest, status: HTTPResponse.Status = .ok
    ) -> Response {
        response(html: html(template, model, chrome: chrome, request: request), request: request, status: status)
    }

    /// A page around a body already rendered, as a response.
    func response(body: String, chrome: Chrome, request: PageRequest) -> Response {
        response(html: html(body: body, chrome: chrome, request: request), request: request, status: .ok)
    }

    private func response(html: String, request: PageRequest, status: HTTPResponse.Status) -> Response {
        var headers = request.responseHeaders()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// A 303 to another page, as every successful POST ends.
    func redirect(_ location: String, request: PageRequest, cookies: [String] = []) -> Response {
        var headers = request.responseHeaders()
        headers[.location] = location
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return Response(status: .seeOther, headers: headers)
    }

    /// A text in the visitor's language.
    func text(_ key: String, _ request: PageRequest, _ arguments: [String: String] = [:]) -> String {
        catalogue.text(key, request.language, arguments)
    }
}

/// What the layout shows around a page besides its body: the title, the navigation, the trail.
struct Chrome: Sendable {
    var title: String
    var nav: [Link] = []
    var breadcrumbs: [Link] = []
    /// A confirmation shown on top, after a redirect.
    var flash: String?
}

/// The root of a page body's rendering: the page's view model, the language's texts as `t`,
/// and the CSRF token every form carries as `csrf`.
private struct PageScope<Model: ViewModel>: ViewModel {
    let model: Model
    let t: [String: String]
    let csrf: String

    func child(named name: String) -> Any? {
        switch name {
        case "t": t
        case "csrf": csrf
        default: model.child(named: name)
        }
    }
}
