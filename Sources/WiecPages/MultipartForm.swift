/// A `multipart/form-data` body as a browser sends a form with a file (RFC 7578): its text
/// fields, as ``FormData``, and its files by field name. Anything that is not such a body,
/// whole and well formed, is refused as a whole (`nil`).
struct MultipartForm: Sendable {
    /// A file sent in a form.
    struct File: Sendable {
        /// The name the browser gave (the file's own name, without its folder).
        var fileName: String
        var bytes: [UInt8]
    }

    /// The text fields.
    var data: FormData
    /// The files, by field name; a field sent without a file is absent.
    var files: [String: File]

    /// Reads a body.
    ///
    /// - Parameters:
    ///   - body: The request's bytes.
    ///   - contentType: The request's `Content-Type`, which names the boundary.
    init?(body: [UInt8], contentType: String) {
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
            let parameter = contentType.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }).first(where: { $0.lowercased().hasPrefix("boundary=") })
        else { return nil }
        var boundary = String(parameter.dropFirst("boundary=".count))
        if boundary.hasPrefix("\""), boundary.hasSuffix("\""), boundary.count >= 2 { boundary = String(boundary.dropFirst().dropLast()) }
        guard (1...70).contains(boundary.utf8.count) else { return nil }
        let delimiter = Array(("--" + boundary).utf8)
        let separator = Array("\r\n".utf8) + delimiter
        guard body.starts(with: delimiter) else { return nil }
        var fields: [(name: String, value: String)] = []
        var files: [String: File] = [:]
        var position = delimiter.count
        while true {
            // After a delimiter: "--" ends the body, "\r\n" starts a part.
            if body[position...].starts(with: Array("--".utf8)) { break }
            guard body[position...].starts(with: Array("\r\n".utf8)) else { return nil }
            position += 2
            guard let headersEnd = Self.find(Array("\r\n\r\n".utf8), in: body, from: position),
                let contentEnd = Self.find(separator, in: body, from: headersEnd + 4)
            else { return nil }
            let headers = String(decoding: body[position..<headersEnd], as: UTF8.self)
            let content = Array(body[(headersEnd + 4)..<contentEnd])
            guard let disposition = headers.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
                let name = Self.parameter("name", in: String(disposition))
            else { return nil }
            if let fileName = Self.parameter("filename", in: String(disposition)) {
                if !fileName.isEmpty { files[name] = File(fileName: String(fileName.split(separator: "/").last ?? ""), bytes: content) }
            } else {
                fields.append((name, String(decoding: content, as: UTF8.self)))
            }
            position = contentEnd + separator.count
            guard position <= body.count else { return nil }
        }
        data = FormData(fields: fields)
        self.files = files
    }

    /// A quoted parameter of a `Content-Disposition` header (`name="plik"`).
    private static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst().map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let parts = piece.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0].lowercased() == key else { continue }
            let value = parts[1]
            return value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 ? String(value.dropFirst().dropLast()) : value
        }
        return nil
    }

    /// The first place a byte sequence starts at or after `start`.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
