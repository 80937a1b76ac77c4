import Foundation

/// Length and character rules for the text fields of requests. Texts arrive NFC-normalised
/// (``JSONBody``); they are stored as written and never rendered as HTML by the API.
public enum TextRules {
    /// Ids chosen by clients: letters, digits, `-`, `_`, `.`, `/`, at most 64.
    public static func id(_ text: String, _ field: String) throws -> String {
        guard !text.isEmpty, text.utf8.count <= 64,
            text.utf8.allSatisfy({ $0 < 0x80 && (isalnum(Int32($0)) != 0 || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E) })
        else { throw Problem.invalidText("\(field) must be 1 to 64 letters, digits, '-', '_' or '.'") }
        return text
    }

    /// A one-line text (a title, a name): 1 to `max` characters, no control characters.
    public static func line(_ text: String, _ field: String, max: Int = 200) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw Problem.invalidText("\(field) cannot be empty") }
        guard trimmed.count <= max else { throw Problem.invalidText("\(field) is longer than \(max) characters") }
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw Problem.invalidText("\(field) holds control characters")
        }
        return trimmed
    }

    /// A longer text (a description, a justification): up to `max` characters, line breaks allowed.
    public static func paragraph(_ text: String, _ field: String, max: Int = 10_000, allowEmpty: Bool = true) throws -> String {
        guard allowEmpty || !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw Problem.invalidText("\(field) cannot be empty")
        }
        guard text.count <= max else { throw Problem.invalidText("\(field) is longer than \(max) characters") }
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" && $0 != "\r" }) else {
            throw Problem.invalidText("\(field) holds control characters")
        }
        return text
    }

    /// An optional one-line text.
    public static func optionalLine(_ text: String?, _ field: String, max: Int = 200) throws -> String? {
        try text.map { try line($0, field, max: max) }
    }
}
