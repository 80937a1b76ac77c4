import Foundation

/// A small JSON Schema (2020-12 subset) validator for the OpenAPI document's schemas: `$ref`,
/// `type` (with `null`), `properties`, `required`, `additionalProperties`, `items`, `enum`,
/// `pattern`, `oneOf`, `allOf`, `minItems`, `maxItems`. Enough to hold real responses to the
/// document the server publishes.
struct SchemaValidator {
    let document: [String: Any]

    /// The problems of a value against a schema, empty when it conforms.
    func problems(_ value: Any, _ schema: [String: Any], at path: String = "$") -> [String] {
        if let ref = schema["$ref"] as? String { return problems(value, resolve(ref), at: path) }
        var found: [String] = []
        if let all = schema["allOf"] as? [[String: Any]] {
            for part in all { found += problems(value, part, at: path) }
        }
        if let one = schema["oneOf"] as? [[String: Any]] {
            let matching = one.filter { problems(value, $0, at: path).isEmpty }.count
            if matching != 1 { found.append("\(path): matches \(matching) of oneOf") }
        }
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [type as! String]
            if !types.contains(where: { Self.isOf($0, value) }) { return found + ["\(path): \(Self.describe(value)) is not \(types)"] }
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { "\($0)" == "\(value)" }) {
            found.append("\(path): \(value) not in enum")
        }
        if let pattern = schema["pattern"] as? String, let text = value as? String,
            text.range(of: pattern, options: .regularExpression) == nil
        {
            found.append("\(path): '\(text)' does not match \(pattern)")
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                found.append("\(path): missing \(key)")
            }
            for (key, child) in object {
                if let property = properties[key] {
                    found += problems(child, property, at: "\(path).\(key)")
                } else if let extra = schema["additionalProperties"] as? [String: Any] {
                    found += problems(child, extra, at: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool == false {
                    found.append("\(path): undocumented field \(key)")
                }
            }
        }
        if let array = value as? [Any] {
            if let minimum = schema["minItems"] as? Int, array.count < minimum { found.append("\(path): fewer than \(minimum) items") }
            if let maximum = schema["maxItems"] as? Int, array.count > maximum { found.append("\(path): more than \(maximum) items") }
            if let items = schema["items"] as? [String: Any] {
                for (index, item) in array.enumerated() { found += problems(item, items, at: "\(path)[\(index)]") }
            }
        }
        return found
    }

    /// The object a local `$ref` points to.
    func resolve(_ ref: String) -> [String: Any] {
        var node: Any = document
        for part in ref.dropFirst(2).split(separator: "/") { node = (node as! [String: Any])[String(part)]! }
        return node as! [String: Any]
    }

    private static func isOf(_ type: String, _ value: Any) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean": return (value as? NSNumber).map { String(cString: $0.objCType) == "c" } ?? false
        case "integer", "number":
            guard let number = value as? NSNumber, !isOf("boolean", value) else { return false }
            return type == "number" || number.doubleValue == number.doubleValue.rounded()
        default: return false
        }
    }

    private static func describe(_ value: Any) -> String { "\(type(of: value)) \(value)" }
}
