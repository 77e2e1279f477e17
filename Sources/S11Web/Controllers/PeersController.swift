import Foundation
import Hummingbird
import S11App
import S11Core

/// Peer challenge. The board pairs organisations from the round's page, ends a pairing, and
/// accepts or changes each rating a peer proposed. The peer (the reviewer's coordinator) sees the
/// assigned return read-only and proposes ratings with reasons, only while the pairing lasts: any
/// other pairing, an ended one, or another organisation's is 404.
struct PeersController: Sendable {
    let web: WebApp
    /// The round's page, which the pairing form is on.
    let rounds: RoundsController

    /// The organisations to pair, by their audits' ids.
    struct PairForm: Decodable {
        @NonBlank var reviewer: String?
        @NonBlank var reviewee: String?
    }

    /// The board's decision on a proposal: `accept` it, or else rate it its own way (a `RatingForm`).
    struct DecisionForm: Decodable {
        @NonBlank var decision: String?
        var scope: String?
    }

    private var peers: PeerChallenge { web.app.peers }

    /// The board's routes under `/admin/rounds` (`board`), the reviewer's under `/admin` (`signedIn`).
    func addRoutes(board: RouterGroup<SignedInRequestContext>, signedIn: RouterGroup<SignedInRequestContext>) {
        board.page(":round/peers/new", use: newPairing)
        board.post(":round/peers", use: pair)
        board.page(":round/peers/:pairing", use: proposals)
        board.post(":round/peers/:pairing/end", use: end)
        board.post(":round/peers/:pairing/decide", use: decide)
        signedIn.page("peer/:pairing", use: review)
        signedIn.post("peer/:pairing/propose", use: propose)
        signedIn.page("peer/:pairing/documents/:document", use: document)
    }

    // MARK: The board

    /// The form that pairs two organisations.
    func newPairing(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let csrf = WebSecurity.csrfToken(for: request)
        return try web.html(NewPeerPairingPage(account: context.account, csrf: csrf.token, progress: try await rounds.progress(context)),
                            request: request, csrf: csrf)
    }

    /// Pairs two organisations from its form; the round's page then lists the pairing, and what is
    /// wrong comes back on the form, as chosen.
    func pair(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: PairForm.self)
        let progress = try await rounds.progress(context)
        let reviewer = form.reviewer.flatMap(Int64.init), reviewee = form.reviewee.flatMap(Int64.init)
        func again(_ message: String) throws -> Response {
            let csrf = WebSecurity.csrfToken(for: request)
            return try web.html(NewPeerPairingPage(account: context.account, csrf: csrf.token, progress: progress, reviewer: reviewer, reviewee: reviewee,
                                                   errors: [FieldError(field: "reviewer", message: message)]),
                                status: .unprocessableContent, request: request, csrf: csrf)
        }
        guard let reviewer, let reviewee else { return try again("Choose the organisation that reviews and the one it reviews") }
        do {
            let pairing = try await peers.pair(roundID: progress.round.id, reviewerAuditID: reviewer, revieweeAuditID: reviewee, by: context.account.email)
            return try await rounds.roundPage(request, context, notice: "\(pairing.reviewer) now reviews \(pairing.reviewee)'s return.", errors: [])
        } catch {
            guard let refusal = WebApp.refusal(error) else { throw error }
            return try again(refusal)
        }
    }

    /// Ends a pairing: the reviewer's pages close at once.
    func end(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let (round, pairing) = try await boardScope(context)
        do {
            try await peers.end(pairingID: pairing.id, roundID: round.id, by: context.account.email)
        } catch {
            guard let refusal = WebApp.refusal(error) else { throw error }
            return try await proposalsPage(request, context, notice: nil, errors: [FieldError(field: "main-content", message: refusal)])
        }
        return WebSecurity.redirect(to: "/admin/rounds/\(round.id)/peers/\(pairing.id)")
    }

    /// The proposals of a pairing, for the board to accept or change.
    func proposals(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try await proposalsPage(request, context, notice: nil, errors: [])
    }

    /// The board's decision on one proposal: `decision=accept`, or a band or score of its own with a reason.
    func decide(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: DecisionForm.self)
        let (_, pairing) = try await boardScope(context)
        let session = try await peers.reviewee(pairing)
        if form.decision == "accept" {
            let parts = (form.scope ?? "").split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let scope = Moderation.Scope(kind: parts[0], id: parts[1]) else { throw HTTPError(.badRequest) }
            do {
                try await peers.accept(pairing, scope: scope, by: context.account.email)
            } catch {
                guard let refusal = WebApp.refusal(error) else { throw error }
                return try await proposalsPage(request, context, notice: nil, errors: [FieldError(field: "main-content", message: refusal)])
            }
            return try await proposalsPage(request, context, notice: "Accepted the proposal for \(scope); it is now the moderated rating.", errors: [])
        }
        switch try await ModerationForm(session: session).apply(try await request.decodeForm(as: RatingForm.self), record: { scope, rag, option, reason in
            try await peers.change(pairing, scope: scope, rag: rag, option: option, reason: reason, by: context.account.email)
        }) {
        case .saved: return try await proposalsPage(request, context, notice: "Recorded the board's own rating instead of the proposal.", errors: [])
        case .refused(let errors): return try await proposalsPage(request, context, notice: nil, errors: errors)
        }
    }

    // MARK: The peer

    /// The assigned return, read-only: each requirement's self rating and the officers' answers
    /// (by service area, without names), with the peer's proposal and a form to propose.
    func review(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try await reviewPage(request, context, pairing: try await peerScope(context), errors: [])
    }

    /// An evidence document of the return under review, while the pairing lasts.
    func document(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let session = try await peers.reviewee(try await peerScope(context))
        guard let id = context.parameters.get("document").flatMap(Int64.init),
              let document = try await web.app.documents.peerDocument(id: id, in: session) else { throw HTTPError(.notFound) }
        return Download.document(document, bytes: web.app.documents.bytes(of: document))
    }

    func propose(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: RatingForm.self)
        let pairing = try await peerScope(context)
        switch try await ModerationForm(session: try await peers.reviewee(pairing)).apply(form, record: { scope, rag, option, reason in
            try await peers.propose(pairing, scope: scope, rag: rag, option: option, reason: reason, by: context.account.email)
        }) {
        case .saved(let field): return WebSecurity.redirect(to: "/admin/peer/\(pairing.id)#\(field)")
        case .refused(let errors): return try await reviewPage(request, context, pairing: pairing, errors: errors)
        }
    }

    // MARK: Scope and pages

    /// The round the path names and the pairing in it; anything else is 404.
    private func boardScope(_ context: SignedInRequestContext) async throws -> (BoardRound, PeerPairing) {
        let round = try await context.round(in: web.app)
        guard let id = context.parameters.get("pairing").flatMap(Int64.init),
              let pairing = try await peers.pairing(id: id, roundID: round.id) else { throw HTTPError(.notFound) }
        return (round, pairing)
    }

    /// The pairing the path names, when the signed-in coordinator reviews through it now; 404 otherwise.
    private func peerScope(_ context: SignedInRequestContext) async throws -> PeerPairing {
        guard let id = context.parameters.get("pairing").flatMap(Int64.init),
              let pairing = try await peers.assignment(id: id, for: context.account) else { throw HTTPError(.notFound) }
        return pairing
    }

    private func proposalsPage(_ request: Request, _ context: SignedInRequestContext, notice: String?, errors: [FieldError]) async throws -> Response {
        let (round, pairing) = try await boardScope(context)
        let csrf = WebSecurity.csrfToken(for: request)
        let session = try await peers.reviewee(pairing)
        let page = PeerProposalsPage(account: context.account, csrf: csrf.token, round: round, pairing: pairing, card: try await session.boardScorecard(),
                                     moderating: Moderating(session: session), proposals: try await peers.proposals(pairing),
                                     notice: notice, errors: errors)
        return try web.html(page, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }

    private func reviewPage(_ request: Request, _ context: SignedInRequestContext, pairing: PeerPairing, errors: [FieldError]) async throws -> Response {
        let csrf = WebSecurity.csrfToken(for: request)
        let session = try await peers.reviewee(pairing)
        let page = PeerReviewPage(account: context.account, csrf: csrf.token, pairing: pairing, audit: session.audit, card: try await session.boardScorecard(),
                                  moderating: Moderating(session: session), proposals: try await peers.proposals(pairing),
                                  errors: errors)
        return try web.html(page, status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }
}
