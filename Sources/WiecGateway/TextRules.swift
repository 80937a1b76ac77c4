import Foundation

/// Length and character rules for the text fields of requests, the same rules the OpenAPI
/// document states as patterns and lengths (`scripts/openapi.py`). Texts arrive NFC-normalised
/// (``JSONBody``); they are stored as written and never rendered as HTML by the API.
///
/// Lengths count Unicode scalars, so a letter carrying thousands of combining marks is as long
/// as its marks, and a text of `max` scalars holds at most `4 × max` bytes of UTF-8.
public enum TextRules {
    /// The most scalars an id holds.
    public static let maxIDLength = 64

    /// Ids chosen by clients: a letter or digit, then letters, digits, `-`, `_` or `.`, at most 64
    /// in all (so never `.` or `..`). Ids the server makes have a `~` and never meet these.
    public static func id(_ text: String, _ field: String) throws -> String {
        guard isIdentifier(text, alsoAllowed: "-_.") else {
            throw Problem.invalidText("\(field) must be a letter or digit followed by up to 63 letters, digits, '-', '_' or '.'")
        }
        return text
    }

    /// An id that names something already made, by a client (``id(_:_:)``) or by the server (which
    /// adds `~`): a letter or digit, then letters, digits, `-`, `_`, `.` or `~`, at most 64 in all.
    public static func reference(_ text: String, _ field: String) throws -> String {
        guard isIdentifier(text, alsoAllowed: "-_.~") else {
            throw Problem.invalidText("\(field) must be a letter or digit followed by up to 63 letters, digits, '-', '_', '.' or '~'")
        }
        return text
    }

    /// Whether a text is an ASCII letter or digit, then up to 63 more of them or of `alsoAllowed`.
    static func isIdentifier(_ text: String, alsoAllowed: String, maxLength: Int = maxIDLength) -> Bool {
        let bytes = Array(text.utf8), extra = Set(alsoAllowed.utf8)
        let isAlphanumeric = { (byte: UInt8) in byte < 0x80 && isalnum(Int32(byte)) != 0 }
        guard let first = bytes.first, isAlphanumeric(first), bytes.count <= maxLength else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || extra.contains($0) }
    }

    /// A one-line text (a title, a name): at most `max` scalars, something besides spaces, no
    /// control, line-separator or bidirectional-formatting character; kept without the spaces
    /// around it.
    public static func line(_ text: String, _ field: String, max: Int = 200) throws -> String {
        guard text.unicodeScalars.count <= max else { throw Problem.invalidText("\(field) is longer than \(max) characters") }
        if let refused = text.unicodeScalars.first(where: isRefused) { throw refusal(field, refused) }
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else {
            throw Problem.invalidText("\(field) cannot be empty")
        }
        return String(scalars[start...last])
    }

    /// A longer text (a description, a justification): at most `max` scalars, line breaks and
    /// tabs allowed, otherwise the characters of ``line(_:_:max:)``.
    public static func paragraph(_ text: String, _ field: String, max: Int = 10_000, allowEmpty: Bool = true) throws -> String {
        guard text.unicodeScalars.count <= max else { throw Problem.invalidText("\(field) is longer than \(max) characters") }
        let breaks: Set<Unicode.Scalar> = ["\n", "\r", "\t"]
        if let refused = text.unicodeScalars.first(where: { isRefused($0) && !breaks.contains($0) }) { throw refusal(field, refused) }
        guard allowEmpty || text.unicodeScalars.contains(where: { !isSpace($0) && !breaks.contains($0) }) else {
            throw Problem.invalidText("\(field) cannot be empty")
        }
        return text
    }

    /// An optional one-line text.
    public static func optionalLine(_ text: String?, _ field: String, max: Int = 200) throws -> String? {
        try text.map { try line($0, field, max: max) }
    }

    /// Control characters (C0, DEL, C1), the line and paragraph separators, the byte-order mark,
    /// and the bidirectional marks, embeddings, overrides and isolates, which can make a title
    /// read differently from what it holds.
    static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }

    /// A space character (Unicode's space separators).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .spaceSeparator
    }

    private static func refusal(_ field: String, _ scalar: Unicode.Scalar) -> Problem {
        Problem.invalidText("\(field) holds the control or formatting character U+\(String(scalar.value, radix: 16, uppercase: true))")
    }
}
