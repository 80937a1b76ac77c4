import Foundation
import Hummingbird
import WiecGateway

/// The style sheet, the optional script, the installation's colour as a style sheet of its own,
/// and its crest: everything the pages load, all from this host, cached for a day.
struct StaticFiles: Sendable {
    let site: SiteSettings
    private let files: [String: (type: String, bytes: [UInt8])]
    private let crest: (type: String, bytes: [UInt8])?

    init(site: SiteSettings) {
        self.site = site
        var files: [String: (String, [UInt8])] = [:]
        for (name, type) in [("wiec.css", "text/css; charset=utf-8"), ("wiec.js", "text/javascript; charset=utf-8")] {
            if let url = PageResources.staticFile(name), let data = try? Data(contentsOf: url) {
                files[name] = (type, Array(data))
            }
        }
        files["site.css"] = ("text/css; charset=utf-8", Array(":root { --main: \(site.colour); }\n".utf8))
        self.files = files
        crest = site.crestFile.flatMap { path in
            (try? Data(contentsOf: URL(fileURLWithPath: path))).map { (path.lowercased().hasSuffix(".svg") ? "image/svg+xml" : "image/png", Array($0)) }
        }
    }

    func add(to routes: RouteCollection<WiecRequestContext>) {
        routes.get("/static/herb") { _, _ in
            guard let crest else { throw Problem.notFound("this site has no crest") }
            return respond(crest)
        }
        routes.get("/static/{name}") { _, context in
            guard let file = files[try context.parameters.require("name")] else { throw Problem.notFound("no such file") }
            return respond(file)
        }
    }

    private func respond(_ file: (type: String, bytes: [UInt8])) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = file.type
        headers[.cacheControl] = "public, max-age=86400"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }
}
