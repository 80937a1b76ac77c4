import Hummingbird
import Logging
import WiecGateway

/// Sits outermost but for the metrics: names every response with its request id, logs each request as one
/// structured line, and turns every error into a problem document (a 404 on a path that
/// exists with other methods becomes a 405 with `Allow`).
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = WiecRequestContext

    let routes: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            var problem = Problem(error)
            if problem.status == .notFound, problem.code == "not_found" {
                let allowed = routes.methods(for: request.uri.path)
                if !allowed.isEmpty, !allowed.contains(request.method.rawValue) {
                    problem = .methodNotAllowed(request.method, allowed: allowed)
                }
            }
            if problem.status == .internalServerError {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            response = try problem.response(from: request, context: context)
        }
        response.headers[.requestID] = context.id
        response.headers[.init("X-Content-Type-Options")!] = "nosniff"
        let elapsed = ContinuousClock.now - started
        context.logger.info(
            "request",
            metadata: [
                "method": "\(request.method.rawValue)", "path": "\(request.uri.path)", "status": "\(response.status.code)",
                "ms": "\(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)",
                "client": "\(context.clientAddress)",
            ])
        return response
    }
}
