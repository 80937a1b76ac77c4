import Foundation
public import HTTPTypes
public import Hummingbird

/// An API error as an RFC 9457 problem document (`application/problem+json`): a stable `code`
/// (also the end of `type`), an English `title`, a Polish `title_pl`, the status and a detail.
///
/// Every error leaves the server as one of these; ``Problem/init(_:)`` is the one place where
/// the core's refusals, the ledger's errors and HTTP errors become statuses and codes.
public struct Problem: Error, Sendable, HTTPResponseError {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// The machine-readable code, stable across versions (e.g. `phase_closed`).
    public var code: String
    /// What went wrong, in English.
    public var title: String
    /// What went wrong, in Polish.
    public var titlePL: String
    /// What exactly was wrong in this request.
    public var detail: String
    /// Extra response headers (`Retry-After`, `Allow`, `WWW-Authenticate`).
    public var headers: HTTPFields

    /// Creates a problem.
    public init(
        _ status: HTTPResponse.Status, code: String, title: String, titlePL: String, detail: String,
        headers: HTTPFields = [:]
    ) {
        self.status = status
        self.code = code
        self.title = title
        self.titlePL = titlePL
        self.detail = detail
        self.headers = headers
    }

    /// The problem type URI for a code.
    public static func type(of code: String) -> String { "urn:wiec:problem:\(code)" }

    /// The media type of problem documents.
    public static let mediaType = "application/problem+json"

    /// The JSON document.
    struct Document: Codable {
        var type: String
        var title: String
        var titlePL: String
        var status: Int
        var detail: String
        var code: String
        var instance: String?
        var requestID: String?

        enum CodingKeys: String, CodingKey {
            case type, title, titlePL = "title_pl", status, detail, code, instance, requestID = "request_id"
        }
    }

    /// Renders the problem as a response.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let document = Document(
            type: Self.type(of: code), title: title, titlePL: titlePL, status: Int(status.code), detail: detail,
            code: code, instance: request.uri.path, requestID: context.id)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = try encoder.encode(document)
        var fields = headers
        fields[.contentType] = Self.mediaType
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
