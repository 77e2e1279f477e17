import Foundation
import Hummingbird
import S11App
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

    /// The signed-in board user, or nil (the caller redirects to sign in); an organisation's
    /// coordinator gets the same 404 as for a page that is not there.
    func boardUser(_ request: Request) async throws -> Coordinator? {
        guard let coordinator = try await coordinator(request) else { return nil }
        guard coordinator.isBoard else { throw HTTPError(.notFound) }
        return coordinator
    }

    /// The round the path names (`:round`) when `coordinator`, a board user, may see it: a round of
    /// their board. Another board's round, or none, is the same 404.
    func round(_ context: WebRequestContext, visibleTo coordinator: Coordinator) async throws -> BoardRound {
        guard let id = context.parameters.get("round").flatMap(Int64.init), let round = try await store.round(id: id),
              coordinator.sees(board: round.board) else { throw HTTPError(.notFound) }
        return round
    }

    /// A use case's refusal in the page's words (a sentence), or nil for any other error, which
    /// the caller throws on.
    static func refusal(_ error: any Error) -> String? {
        switch error {
        case let error as any UserFacingError: error.message.capitalisedFirst
        default: nil
        }
    }

    /// Every problem of a refused file, as the problems table of an upload page lists them.
    static func problemRows(_ error: DiagnosticsError) -> [[String: Any]] {
        error.diagnostics.enumerated().map { index, problem -> [String: Any] in
            ["id": "problem-\(index + 1)", "line": problem.location.line, "column": problem.location.column, "message": problem.message]
        }
    }

    /// Where the server hands a message: its mail program, or else `subfolder` of its mail folder,
    /// for the council's or board's own mail system.
    func mailDelivery(subfolder: String) -> any MailDelivery {
        delivery ?? MailFolder(folder: URL(fileURLWithPath: mailFolder).appendingPathComponent(subfolder))
    }

}
