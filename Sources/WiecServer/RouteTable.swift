import Foundation

/// The API's paths and methods as the OpenAPI document lists them, to tell a 405 (the path
/// exists with other methods) from a 404.
struct RouteTable: Sendable {
    private let routes: [(segments: [String], methods: [String])]

    /// Reads the `paths` of an OpenAPI document.
    init(openAPI data: Data) throws {
        let document = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let paths = document?["paths"] as? [String: [String: Any]] ?? [:]
        let verbs: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        routes = paths.map { path, item in
            (path.split(separator: "/").map(String.init), item.keys.filter(verbs.contains).map { $0.uppercased() }.sorted())
        }
    }

    /// The methods a concrete path allows, empty when no documented path matches it.
    func methods(for path: String) -> [String] {
        let segments = path.split(separator: "/").map(String.init)
        for route in routes where route.segments.count == segments.count {
            let matches = zip(route.segments, segments).allSatisfy { pattern, segment in
                (pattern.hasPrefix("{") && pattern.hasSuffix("}")) || pattern == segment
            }
            if matches { return route.methods }
        }
        return []
    }
}
