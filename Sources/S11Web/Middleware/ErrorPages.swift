import Hummingbird
import S11App
import S11Core

/// Refusals as pages a person can read: a 403, 404, 413 or any other refusal raised anywhere
/// becomes the site's message page with what to do next, and any other failure a plain 500 page
/// that shows nothing of the inside (no error text, file or database). The access log still
/// records the status.
struct ErrorPages: RouterMiddleware {
    let web: WebApp

    func handle(_ request: Request, context: WebRequestContext,
                next: (Request, WebRequestContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            return refusal(request, error.status, said: error.body)
        } catch let error as any UserFacingError {                     // a use case or a rule said no: say why
            return web.message(request, title: "This could not be done", paragraphs: [error.message], status: .conflict)
        } catch let error as HTTPResponseError where error.status.code < 500 {
            return refusal(request, error.status, said: nil)            // a body over the size limit, say
        } catch {
            return web.message(request, title: "Something went wrong", paragraphs: [
                "s11 could not finish this request. Nothing you saved before is lost; go back and try again, and tell your audit coordinator if it happens again.",
            ], status: .internalServerError)
        }
    }

    /// The message page for a refusal, with what to do next.
    private func refusal(_ request: Request, _ status: HTTPResponse.Status, said: String?) -> Response {
        switch status {
        case .notFound:
            return web.message(request, title: "Page not found", paragraphs: [
                "There is nothing at this address. Check it, or start again from the list of audits.",
            ], status: .notFound, link: ("/admin", "Your audits"))
        case .forbidden:
            return web.message(request, title: "This form was not accepted",
                               paragraphs: [said ?? "Go back, reload the page and try again."], status: status)
        case .contentTooLarge:
            return web.message(request, title: "This form is too large", paragraphs: [
                said ?? "s11 takes forms of up to \(WebApp.maxBody / 1024) KiB. Go back, shorten the longest answers and send it again.",
            ], status: status)
        default:
            return web.message(request, title: status.reasonPhrase, paragraphs: [
                said ?? "s11 cannot answer this request. Go back and try again from the page you came from.",
            ], status: status)
        }
    }
}
