public import HTTPTypes

extension HTTPField.Name {
    /// `Idempotency-Key`: a retry with the same key returns the first answer and appends nothing.
    public static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
    /// `X-Request-Id`: the id the server's log names the request by.
    public static let requestID = HTTPField.Name("X-Request-Id")!
}
