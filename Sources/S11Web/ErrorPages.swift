import Hummingbird

/// Refusals as pages a person can read: a 403, 404 or 413 raised anywhere becomes the site's
/// message page with what to do next, and any other failure a plain 500 page that shows nothing
/// of the inside (no error text, file or database). The access log still records the status.
struct ErrorPages: RouterMiddleware {
    let app: WebApp

    func handle(_ request: Request, context: WebRequestContext,
                next: (Request, WebRequestContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            switch error.status {
            case .notFound:
                return app.message(request, title: "Page not found", paragraphs: [
                    "There is nothing at this address. Check it, or start again from the list of audits.",
                ], status: .notFound, link: ("/admin", "Your audits"))
            case .forbidden, .contentTooLarge:
                return app.message(request, title: error.status == .forbidden ? "This form was not accepted" : "This form is too large",
                                   paragraphs: [error.body ?? "Go back, reload the page and try again."], status: error.status)
            default:
                throw error
            }
        } catch let error as HTTPResponseError {
            throw error
        } catch {
            return app.message(request, title: "Something went wrong", paragraphs: [
                "s11 could not finish this request. Nothing you saved before is lost; go back and try again, and tell your audit coordinator if it happens again.",
            ], status: .internalServerError)
        }
    }
}
