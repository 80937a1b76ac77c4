public import Foundation
public import Hummingbird
public import Logging
import Metrics
import Prometheus
import WiecPages
public import WiecGateway

/// The Prometheus registry every server of the process reports to (the metrics system can
/// be bootstrapped once per process).
enum MetricsRegistry {
    static let shared: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()
}

/// The OpenAPI document shipped with the server.
public func openAPIDocument() throws -> Data {
    guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json") else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "openapi.json"])
    }
    return try Data(contentsOf: url)
}

/// Builds the router: the error and log middleware, metrics, every controller's routes under
/// `/api/v1`, and the residents' pages at `/`.
///
/// - Parameters:
///   - services: The open ledger, access file and key.
///   - configuration: Limits (body size, rate limits).
/// - Throws: when the OpenAPI document, a page template or a catalogue cannot be read.
public func buildRouter(_ services: ServerServices, configuration: ServerConfiguration) throws -> Router<WiecRequestContext> {
    let registry = MetricsRegistry.shared
    let openAPI = try openAPIDocument()
    let router = Router(context: WiecRequestContext.self)
    // Metrics outside the problem middleware, so that they count each refusal by its own status.
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: ProblemMiddleware(routes: try RouteTable(openAPI: openAPI)))
    let gateway = CommandGateway(store: services.store)
    let auth = Authenticator(access: services.access)
    let body = JSONBody(limit: configuration.maxBodyBytes)
    router.addRoutes(OperationsController(openAPI: openAPI, registry: registry, gateway: gateway).endpoints)
    let api = router.group("api/v1")
    api.addRoutes(EditionsController(gateway: gateway, auth: auth, body: body).endpoints)
    api.addRoutes(ProposalsController(gateway: gateway, auth: auth, body: body).endpoints)
    api.addRoutes(VillageFundController(gateway: gateway, auth: auth, body: body).endpoints)
    api.addRoutes(LocalInitiativeController(gateway: gateway, auth: auth, body: body).endpoints)
    api.addRoutes(VotingPointController(gateway: gateway, auth: auth, body: body).endpoints)
    api.addRoutes(
        VotingController(
            gateway: gateway, auth: auth, body: body, registrations: RateLimiter(perMinute: configuration.registrationsPerMinute),
            ballotLimit: RateLimiter(perMinute: configuration.ballotsPerMinute)
        ).endpoints)
    api.addRoutes(ResultsController(gateway: gateway).endpoints)
    api.addRoutes(AuditController(gateway: gateway, verifier: services.signer.verifier).endpoints)
    let residents = try ResidentSite(
        gateway: gateway, access: services.access, verifier: services.signer.verifier, site: configuration.site,
        registrationsPerMinute: configuration.registrationsPerMinute)
    router.addRoutes(residents.endpoints)
    router.addRoutes(StaffSite(residents: residents, idleTimeout: configuration.staffIdleTimeout).endpoints)
    return router
}

/// Builds the server: opens (or creates) the store, seeds the demo edition when asked and the
/// store is empty, and binds the router to the configured address. Running it handles SIGINT
/// and SIGTERM by finishing in-flight requests before it returns.
///
/// - Throws: when the store cannot be opened or the demo cannot be seeded.
public func buildApplication(
    _ configuration: ServerConfiguration, logger: Logger = Logger(label: "wiec"),
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
    let services = try ServerServices(configuration: configuration)
    if configuration.demo, try DemoSeed.seedIfEmpty(services.store, ballotsFolder: configuration.demoBallotsFolder) {
        logger.info("seeded the demo editions", metadata: ["editions": "\(DemoSeed.edition), \(DemoVotingSeed.edition)"])
    }
    if configuration.demo, try services.store.state(of: DemoVotingSeed.edition).voters.contains(DemoVotingSeed.resident) {
        try DemoVotingSeed.prepareResident(services.access)
    }
    return Application(
        router: try buildRouter(services, configuration: configuration),
        server: .http1(configuration: .init(
            additionalChannelHandlers: [RequestDeadlineHandler(limit: .init(configuration.requestTimeout))],
            idleTimeout: .init(configuration.idleTimeout))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "wiec"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}
