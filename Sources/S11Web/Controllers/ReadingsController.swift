import Foundation
import Hummingbird
import S11App
import S11Core

/// One organisation's return to its own board, read by this board through the round's crosswalk:
/// every requirement of this board's catalogue with what answers it and what nothing answers; the
/// board's own moderation of it, in its catalogue's terms; and the board's own plan for it.
struct ReadingsController: Sendable {
    let web: WebApp
    /// Where the round stands, which names the organisations it reads.
    let rounds: RoundsController

    /// The routes under `/admin/rounds`.
    func addRoutes(to group: RouterGroup<SignedInRequestContext>) {
        group.page(":round/readings/:audit", use: reading)
        group.post(":round/readings/:audit/moderate", use: moderate)
        group.post(":round/readings/:audit/plan", use: draftPlan)
        group.page(":round/readings/:audit/plan/:format", use: plan)
    }

    func reading(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try await readingPage(request, context, errors: [])
    }

    /// The board's own moderation of a return it reads, in its catalogue's terms.
    func moderate(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: RatingForm.self)
        let progress = try await rounds.progress(context)
        let auditID = try member(context, in: progress).auditID
        let boardRounds = web.app.rounds
        let session = try await boardRounds.readingSession(progress, auditID: auditID)
        switch try await ModerationForm(session: session).apply(form, record: { scope, rag, option, reason in
            try await boardRounds.moderateReading(session, roundID: progress.round.id, scope: scope, rag: rag, option: option, reason: reason,
                                                  by: context.account.email)
        }) {
        case .saved(let field): return WebSecurity.redirect(to: "/admin/rounds/\(progress.round.id)/readings/\(auditID)#\(field)")
        case .refused(let errors): return try await readingPage(request, context, errors: errors)
        }
    }

    /// The board drafts its own plan for the return it reads (replacing an earlier draft).
    func draftPlan(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let progress = try await rounds.progress(context)
        let auditID = try member(context, in: progress).auditID
        do {
            try await web.app.rounds.draftReadingPlan(progress, auditID: auditID, author: context.account.author)
        } catch {
            guard let refusal = WebApp.refusal(error) else { throw error }
            return try await readingPage(request, context, errors: [FieldError(field: "draft", message: refusal)])
        }
        return WebSecurity.redirect(to: "/admin/rounds/\(progress.round.id)/readings/\(auditID)#plan")
    }

    /// The board's plan for a return it reads, as Word, HTML or the board's XML.
    func plan(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let progress = try await rounds.progress(context)
        let auditID = try member(context, in: progress).auditID
        guard let format = context.parameters.get("format").flatMap(PlanFormat.init(rawValue:)), [.docx, .html, .xml].contains(format),
              let plan = try await web.app.rounds.readingPlan(roundID: progress.round.id, auditID: auditID) else { throw HTTPError(.notFound) }
        return Download.response(Array(try format.write(plan)), fileName: "board-\(progress.round.id)-" + format.fileName(plan),
                                 contentType: format.contentType)
    }

    // MARK: Scope and page

    /// The organisation the path names (`:audit`) when the round reads it through a crosswalk; 404 otherwise.
    private func member(_ context: SignedInRequestContext, in progress: RoundProgress) throws -> RoundMemberStatus {
        guard let row = context.parameters.get("audit").flatMap(Int64.init).flatMap(progress.readMember(auditID:)) else { throw HTTPError(.notFound) }
        return row
    }

    private func readingPage(_ request: Request, _ context: SignedInRequestContext, errors: [FieldError]) async throws -> Response {
        let progress = try await rounds.progress(context)
        let member = try member(context, in: progress)
        let csrf = WebSecurity.csrfToken(for: request)
        let boardRounds = web.app.rounds
        let (crosswalk, reading) = try await boardRounds.reading(progress, auditID: member.auditID)
        let session = try await boardRounds.readingSession(progress, auditID: member.auditID)
        let page = ReadingPage(account: context.account, csrf: csrf.token, round: progress.round, member: member, crosswalk: crosswalk, reading: reading,
                               moderating: Moderating(session: session),
                               plan: try await web.app.rounds.readingPlan(roundID: progress.round.id, auditID: member.auditID), errors: errors)
        return try web.html(page, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }
}
