import Hummingbird

/// The board's pages (its rounds and all under them) for board users only: an organisation's
/// coordinator gets the same 404 as for a page that is not there.
struct BoardOnly: RouterMiddleware {
    func handle(_ request: Request, context: SignedInRequestContext,
                next: (Request, SignedInRequestContext) async throws -> Response) async throws -> Response {
        guard context.account.isBoard else { throw HTTPError(.notFound) }
        return try await next(request, context)
    }
}
