import Foundation
import Hummingbird
import Prometheus
import WiecGateway

/// Health, metrics and the OpenAPI document.
struct OperationsController: Sendable {
    let openAPI: Data
    let registry: PrometheusCollectorRegistry
    let gateway: CommandGateway

    var endpoints: RouteCollection<WiecRequestContext> {
        let routes = RouteCollection(context: WiecRequestContext.self)
        routes.get("healthz", use: health)
        routes.get("metrics", use: metrics)
        routes.get("openapi.json", use: document)
        return routes
    }

    struct Health: Codable {
        var status: String
        var entries: Int64
    }

    @Sendable func health(_ request: Request, context: WiecRequestContext) async throws -> Response {
        try Reply.json(Health(status: "ok", entries: try gateway.store.head().size))
    }

    @Sendable func metrics(_ request: Request, context: WiecRequestContext) async throws -> Response {
        Reply.text(registry.emitToString(), type: "text/plain; version=0.0.4")
    }

    @Sendable func document(_ request: Request, context: WiecRequestContext) async throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: openAPI)))
    }
}
