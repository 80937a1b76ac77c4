import Foundation
import Hummingbird
import NIOCore
import WiecCore
import WiecGateway

/// Reads request bodies strictly: at most the configured size, UTF-8 normalised to NFC, JSON
/// with no key given twice, that decodes to the endpoint's type, and no field the type does not
/// know.
struct JSONBody: Sendable {
    /// The largest body accepted, in bytes.
    var limit: Int

    /// Decodes a request's body.
    ///
    /// - Parameters:
    ///   - type: What the endpoint takes.
    ///   - request: The request.
    ///   - empty: What an empty body means, for endpoints whose body is optional.
    /// - Throws: ``Problem`` `body_too_large` (413), `malformed_json` or `unknown_field` (400);
    ///   the ``Refusal`` a well-formed value carries when the domain refuses it (`invalid_value`, 422).
    func decode<T: Codable>(_ type: T.Type, from request: Request, ifEmpty empty: T? = nil) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw Problem.bodyTooLarge("the body is larger than \(limit) bytes")
        }
        if buffer.readableBytes == 0, let empty { return empty }
        guard let text = buffer.getString(at: buffer.readerIndex, length: buffer.readableBytes),
            text.utf8.elementsEqual(buffer.readableBytesView)
        else { throw Problem.malformedJSON("the body is not UTF-8") }
        // ASCII text is already in NFC.
        let data = buffer.readableBytesView.allSatisfy({ $0 < 0x80 }) ? Data(buffer.readableBytesView) : Data(text.precomposedStringWithCanonicalMapping.utf8)
        let raw: Any
        do {
            raw = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw Problem.malformedJSON("the body is not JSON")
        }
        // A key given twice is refused, never resolved silently to one of its values.
        if let key = Self.duplicateKey(in: Array(data)) { throw Problem.malformedJSON("duplicate key \(key)") }
        let value: T
        do {
            value = try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            // A value of the right form that the domain refuses (a day the month lacks) is 422.
            if case .dataCorrupted(let context) = error, let refusal = context.underlyingError as? Refusal { throw refusal }
            throw Problem.malformedJSON(Self.describe(error))
        }
        let known = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value), options: [.fragmentsAllowed])
        if let unknown = Self.unknownField(raw, known: known, path: "") { throw Problem.unknownField(unknown) }
        return value
    }

    /// The first key that an object of a JSON text (already known to be valid) gives twice,
    /// as decoded (`"i\u0064"` is `id`), or `nil`.
    static func duplicateKey(in bytes: [UInt8]) -> String? {
        var objects: [Set<String>?] = []
        var position = 0
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "{"): objects.append([])
            case UInt8(ascii: "["): objects.append(nil)
            case UInt8(ascii: "}"), UInt8(ascii: "]"): objects.removeLast()
            case UInt8(ascii: "\""):
                let start = position
                position += 1
                while bytes[position] != UInt8(ascii: "\"") { position += bytes[position] == UInt8(ascii: "\\") ? 2 : 1 }
                var next = position + 1
                while next < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[next]) { next += 1 }
                // A string followed by ':' is a key of the innermost object.
                if next < bytes.count, bytes[next] == UInt8(ascii: ":"), objects.last != nil,
                    let key = Self.key(bytes[start...position]),
                    objects[objects.count - 1]!.insert(key).inserted == false
                {
                    return key
                }
            default: break
            }
            position += 1
        }
        return nil
    }

    /// A key as decoded from its quoted JSON text: as it is when it holds no escape.
    private static func key(_ quoted: ArraySlice<UInt8>) -> String? {
        let inner = quoted.dropFirst().dropLast()
        guard inner.contains(UInt8(ascii: "\\")) else { return String(decoding: inner, as: UTF8.self) }
        return try? JSONSerialization.jsonObject(with: Data(quoted), options: .fragmentsAllowed) as? String
    }

    /// The first field of `raw` that the decoded value does not carry back, as a dotted path.
    /// A field sent as `null` that the value leaves out is not unknown.
    static func unknownField(_ raw: Any, known: Any, path: String) -> String? {
        switch (raw, known) {
        case (let raw as [String: Any], let known as [String: Any]):
            for key in raw.keys.sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                guard let value = known[key] else {
                    if raw[key] is NSNull { continue }
                    return child
                }
                if let found = unknownField(raw[key]!, known: value, path: child) { return found }
            }
            return nil
        case (let raw as [Any], let known as [Any]):
            for (index, pair) in zip(raw, known).enumerated() {
                if let found = unknownField(pair.0, known: pair.1, path: "\(path)[\(index)]") { return found }
            }
            return nil
        default:
            return nil
        }
    }

    /// A decoding error as "field: what".
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }.description
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context.codingPath)
            return "missing field \(parent.isEmpty ? key.stringValue : parent + "." + key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let at = path(context.codingPath)
            return at.isEmpty ? context.debugDescription : "\(at): \(context.debugDescription)"
        @unknown default:
            return "the body does not match the request"
        }
    }
}
