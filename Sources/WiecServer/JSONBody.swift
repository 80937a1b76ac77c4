import Foundation
import Hummingbird
import NIOCore
import WiecCore
import WiecGateway
import WiecLedger

/// Reads request bodies strictly: at most the configured size, UTF-8 normalised to NFC, JSON
/// with no key given twice and integers only (amounts are grosze; `159.0` is 159), that decodes to the
/// endpoint's type, and no field the type does not know. The body is parsed once, into the
/// ledger's own `JSONValue`.
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
        var bytes = Array(buffer.readableBytesView)
        // ASCII text is valid UTF-8 and already in NFC.
        if !bytes.allSatisfy({ $0 < 0x80 }) {
            guard let text = String(validating: bytes, as: UTF8.self) else { throw Problem.malformedJSON("the body is not UTF-8") }
            bytes = Array(text.precomposedStringWithCanonicalMapping.utf8)
        }
        // One strict parse refuses a key given twice (never resolved silently to one of its
        // values), numbers that are not integers and trailing text.
        let raw: JSONValue
        do {
            raw = try JSONValue(parsing: bytes, integralForms: true)
        } catch {
            throw Problem.malformedJSON("the body is not JSON: \(error.message)")
        }
        let (value, unknown): (T, String?)
        do {
            (value, unknown) = try raw.decode(T.self)
        } catch let error as DecodingError {
            // A value of the right form that the domain refuses (a day the month lacks) is 422.
            if case .dataCorrupted(let context) = error, let refusal = context.underlyingError as? Refusal { throw refusal }
            throw Problem.malformedJSON(Self.describe(error))
        }
        if let unknown { throw Problem.unknownField(unknown) }
        return value
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
