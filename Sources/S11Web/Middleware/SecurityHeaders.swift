import HTTPTypes
import Hummingbird

/// The headers that stop caching, framing, sniffing and referrer leaks of link tokens, on every
/// response: pages, redirects, downloads and refusals alike. A response that already names one
/// (a page's own Content-Security-Policy, say) keeps its own. A `HEAD` (which every page answers,
/// see `Router.page`) gets the headers `GET` would, without the body.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    private static var shared: HTTPFields {
        [
            .cacheControl: "no-store",
            .init("Referrer-Policy")!: "no-referrer",
            .init("X-Content-Type-Options")!: "nosniff",
            .init("X-Frame-Options")!: "DENY",
            .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        ]
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        for field in Self.shared where response.headers[field.name] == nil {
            response.headers.append(field)
        }
        if request.method == .head {
            let length = response.headers[.contentLength]            // what GET would send, as HTTP asks
            response.body = ResponseBody()
            response.headers[.contentLength] = length
        }
        return response
    }
}
