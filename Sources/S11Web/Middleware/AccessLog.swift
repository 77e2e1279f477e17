import Foundation
import Hummingbird
import Logging

/// One structured log line per request: the method, the route's pattern (`/r/:token/s/:position`,
/// never the path itself, so no link token is written), the status and the time taken. No address,
/// cookie, query, form field or name is ever logged. The anonymous staff survey's requests are not
/// logged at all: the store keeps only the day of an answer set, and a log line timed to the
/// second could be matched to one on a quiet day.
struct AccessLog<Context: RequestContext>: RouterMiddleware {
    /// Whether requests to `path` are logged: every page but the staff survey's.
    static func logs(_ path: String) -> Bool { !path.hasPrefix("/staff") }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Self.logs(request.uri.path) else { return try await next(request, context) }
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context, status: response.status.code, started: started)
            return response
        } catch {
            let status = (error as? HTTPResponseError)?.status.code ?? 500
            log(request, context, status: status, started: started)
            throw error
        }
    }

    private func log(_ request: Request, _ context: Context, status: Int, started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info("request", metadata: [
            "method": .string(request.method.rawValue),
            "route": .string(context.endpointPath ?? "unmatched"),
            "status": .stringConvertible(status),
            "ms": .string(String(format: "%.1f", milliseconds)),
        ])
    }
}
