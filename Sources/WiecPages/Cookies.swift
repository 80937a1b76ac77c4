import Foundation
import HTTPTypes

/// The cookies of a request, and how the pages set theirs.
struct Cookies: Sendable {
    /// The cookies sent, by name (the first of a repeated name wins).
    let values: [String: String]

    /// Reads the `Cookie` header(s) of a request.
    init(_ fields: HTTPFields) {
        var values: [String: String] = [:]
        for header in fields[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2 else { continue }
                let name = parts[0].trimmingCharacters(in: .whitespaces)
                if values[name] == nil { values[name] = parts[1].trimmingCharacters(in: .whitespaces) }
            }
        }
        self.values = values
    }

    subscript(_ name: String) -> String? { values[name] }

    /// A `Set-Cookie` value: HttpOnly and SameSite=Lax always, Secure when the site is served over TLS.
    ///
    /// - Parameters:
    ///   - maxAge: Seconds to keep it; `nil` for the browser session, 0 to delete it.
    static func setting(_ name: String, _ value: String, path: String = "/", maxAge: Int? = nil, secure: Bool) -> String {
        var parts = ["\(name)=\(value)", "Path=\(path)", "HttpOnly", "SameSite=Lax"]
        if let maxAge { parts.append("Max-Age=\(maxAge)") }
        if secure { parts.append("Secure") }
        return parts.joined(separator: "; ")
    }
}
