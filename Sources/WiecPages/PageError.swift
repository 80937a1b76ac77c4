import HTTPTypes

/// A page that cannot be shown, with the status and the catalogue key of what to tell the
/// visitor: no such page, a form without a valid CSRF token, a page that needs signing in.
struct PageError: Error, Sendable {
    var status: HTTPResponse.Status
    /// The catalogue key of the message.
    var key: String

    static let notFound = PageError(status: .notFound, key: "error_not_found")
    static let forbiddenForm = PageError(status: .forbidden, key: "error_csrf")
    static let bodyTooLarge = PageError(status: .contentTooLarge, key: "error_too_large")
    static let malformedUpload = PageError(status: .badRequest, key: "error_upload_malformed")
}
