import Hummingbird
import S11Core
import S11Store

/// Who is signed in to the coordinator's pages, and which audit a page may show them: shared by
/// every coordinator controller.
extension WebApp {
    /// The signed-in coordinator, or nil (the caller redirects to sign in).
    func coordinator(_ request: Request) async throws -> Coordinator? {
        guard let token = request.cookies[CoordinatorPages.sessionCookie]?.value else { return nil }
        return try await store.coordinator(forSession: token)
    }

    /// What a page shows: summaries, which board users see for every organisation, or returns and
    /// changes, which only the organisation's own coordinator may see and make.
    enum Access { case summary, running }

    /// The signed-in coordinator and the audit the path names; nil when nobody is signed in (the
    /// caller redirects to sign in). An audit that is not there, another organisation's, or a page
    /// a board user may not see are all the same 404, so nothing can be learnt by trying ids.
    func signedIn(_ request: Request, _ context: WebRequestContext, _ access: Access) async throws -> (Coordinator, AuditRecord)? {
        guard let coordinator = try await coordinator(request) else { return nil }
        guard let id = context.parameters.get("id").flatMap(Int64.init),
              let audit = try await store.audit(id: id, visibleTo: coordinator),
              access == .summary || !coordinator.isBoard else { throw HTTPError(.notFound) }
        return (coordinator, audit)
    }

}
