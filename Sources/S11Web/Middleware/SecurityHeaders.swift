import HTTPTypes
import Hummingbird

/// The security headers (`WebSecurity.headers`) on every response the router makes: pages,
/// redirects, downloads and refusals alike. A response that already names one (a page's own
/// Content-Security-Policy, say) keeps its own. A `HEAD` (which every page answers, see
/// `Router.page`) gets the headers `GET` would, without the body.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers.addMissing(WebSecurity.headers)
        if request.method == .head {
            let length = response.headers[.contentLength]            // what GET would send, as HTTP asks
            response.body = ResponseBody()
            response.headers[.contentLength] = length
        }
        return response
    }
}
