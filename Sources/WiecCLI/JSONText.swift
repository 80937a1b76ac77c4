import WiecTally

/// A JSON value written exactly: numbers keep their decimal text, so money never passes
/// through floating point on its way out.
indirect enum JSONText {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case array([JSONText])
    case object([(String, JSONText)])

    static func money(_ amount: Money) -> JSONText { .number(amount.description) }
    static func integer(_ value: some BinaryInteger) -> JSONText { .number(String(value)) }

    /// The value as indented JSON text.
    func rendered(indent: String = "") -> String {
        switch self {
        case .string(let text): return Self.quoted(text)
        case .number(let text): return text
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        case .array(let items):
            if items.isEmpty { return "[]" }
            if items.allSatisfy(\.isScalar) {
                return "[" + items.map { $0.rendered() }.joined(separator: ", ") + "]"
            }
            let inner = indent + "  "
            return "[\n" + items.map { inner + $0.rendered(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            if members.allSatisfy(\.1.isScalar), members.count <= 6 {
                return "{" + members.map { "\(Self.quoted($0.0)): \($0.1.rendered())" }.joined(separator: ", ") + "}"
            }
            let inner = indent + "  "
            return "{\n" + members.map { "\(inner)\(Self.quoted($0.0)): \($0.1.rendered(indent: inner))" }.joined(separator: ",\n") + "\n\(indent)}"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
