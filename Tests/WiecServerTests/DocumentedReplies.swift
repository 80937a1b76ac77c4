import Foundation
import HTTPTypes
import Testing
import WiecServer

/// Checks replies for their expected status and against the OpenAPI document's schema for it.
struct DocumentedReplies {
    let document: [String: Any]

    init() throws {
        document = try JSONSerialization.jsonObject(with: try openAPIDocument()) as! [String: Any]
    }

    /// Expects the status and the documented shape of a reply of `method template`.
    func check(
        _ reply: Client.Reply, _ status: HTTPResponse.Status, _ method: String, _ template: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(reply.status == status, "\(template): \(reply.text)", sourceLocation: sourceLocation)
        OpenAPITests.conforms(reply, method, template, document: document, sourceLocation: sourceLocation)
    }
}
