public import Hummingbird
public import NIOCore

/// The request context of the Wiec API: Hummingbird's core storage plus the peer's address,
/// which keys the rate limits.
public struct WiecRequestContext: RequestContext {
    /// Hummingbird's per-request storage (logger with request id, parameters, endpoint).
    public var coreContext: CoreRequestContextStorage
    /// The peer's socket address, if known.
    public let remoteAddress: SocketAddress?

    /// Creates the context of one request.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    /// A backstop for Hummingbird's own decoding; the API reads bodies through ``JSONBody`` with
    /// the configured limit.
    public var maxUploadSize: Int { 1024 * 1024 }

    /// The client's address as text, for rate limits and logs.
    public var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }
}
