import Foundation

/// The fields of an `application/x-www-form-urlencoded` body, in order, repeated names kept
/// (checkboxes).
struct FormData: Sendable {
    /// The fields as sent.
    let fields: [(name: String, value: String)]

    /// The fields of a form read otherwise (``MultipartForm``).
    init(fields: [(name: String, value: String)]) {
        self.fields = fields
    }

    /// Decodes a form body; `+` is a space and `%XX` a byte of UTF-8 (invalid bytes become U+FFFD).
    init(body: String) {
        fields = body.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    /// The first value of a field, trimmed of surrounding spaces; `nil` when absent.
    func value(_ name: String) -> String? {
        fields.first { $0.name == name }.map { $0.value.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// The first value of a field as sent (a description keeps its line breaks).
    func raw(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Every value of a field, in order.
    func values(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    /// Every field whose name starts with a prefix, the rest of the name as the key (e.g.
    /// `punkty-p1` → `p1`).
    func prefixed(_ prefix: String) -> [(key: String, value: String)] {
        fields.filter { $0.name.hasPrefix(prefix) }.map { (String($0.name.dropFirst(prefix.count)), $0.value) }
    }

    private static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(0x20)
            case UInt8(ascii: "%"):
                if let high = iterator.next(), let low = iterator.next(), let value = UInt8(String([Character(Unicode.Scalar(high)), Character(Unicode.Scalar(low))]), radix: 16) {
                    bytes.append(value)
                } else {
                    bytes.append(UInt8(ascii: "%"))
                }
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
