import Foundation
import Hummingbird
import S11App
import S11Core
import S11Store

/// Peer challenge in the browser. The board pairs organisations from the round's page, ends a
/// pairing, and accepts or changes each rating a peer proposed. The peer (the reviewer's
/// coordinator) sees the assigned return read-only and proposes ratings with reasons, only while
/// the pairing lasts: any other pairing, an ended one, or another organisation's is 404.
struct PeerPages: Sendable {
    let app: WebApp

    private var peers: PeerChallenge { PeerChallenge(store: app.store) }

    // MARK: The board

    /// The board user, the round the path names and the pairing in it; anything else is 404.
    private func boardScope(_ request: Request, _ context: WebRequestContext) async throws -> (Coordinator, BoardRound, PeerPairing)? {
        guard let coordinator = try await app.boardUser(request) else { return nil }
        let round = try await app.round(context, visibleTo: coordinator)
        guard let id = context.parameters.get("pairing").flatMap(Int64.init), let pairing = try await app.store.peerPairing(id: id),
              pairing.roundID == round.id else { throw HTTPError(.notFound) }
        return (coordinator, round, pairing)
    }

    /// Pairs two organisations from the round's page.
    func pair(_ request: Request, _ context: WebRequestContext, rounds: RoundPages) async throws -> Response {
        let form = try await app.form(request)
        guard let coordinator = try await app.boardUser(request) else { return WebSecurity.redirect(to: "/admin/login") }
        let roundID = try await app.round(context, visibleTo: coordinator).id
        guard let reviewer = form.text("reviewer").flatMap(Int64.init), let reviewee = form.text("reviewee").flatMap(Int64.init) else {
            return try await rounds.dashboardPage(request, context, notice: nil,
                                                  errors: [["field": "reviewer", "message": "Choose the organisation that reviews and the one it reviews"]])
        }
        do {
            let pairing = try await peers.pair(roundID: roundID, reviewerAuditID: reviewer, revieweeAuditID: reviewee, by: coordinator.email)
            return try await rounds.dashboardPage(request, context, notice: "\(pairing.reviewer) now reviews \(pairing.reviewee)'s return.", errors: [])
        } catch {
            guard let refusal = WebApp.refusal(error) else { throw error }
            return try await rounds.dashboardPage(request, context, notice: nil, errors: [["field": "reviewer", "message": refusal]])
        }
    }

    /// Ends a pairing: the reviewer's pages close at once.
    func end(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        _ = try await app.form(request)
        guard let (coordinator, round, pairing) = try await boardScope(request, context) else { return WebSecurity.redirect(to: "/admin/login") }
        do {
            try await peers.end(pairingID: pairing.id, roundID: round.id, by: coordinator.email)
        } catch {
            guard let refusal = WebApp.refusal(error) else { throw error }
            return try await proposalsPage(request, context, notice: nil, errors: [["field": "main-content", "message": refusal]])
        }
        return WebSecurity.redirect(to: "/admin/rounds/\(round.id)/peers/\(pairing.id)")
    }

    /// The proposals of a pairing, for the board to accept or change.
    func proposals(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await proposalsPage(request, context, notice: nil, errors: [])
    }

    /// The board's decision on one proposal: `decision=accept`, or a band or score of its own with a reason.
    func decide(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await app.form(request)
        guard let (coordinator, _, pairing) = try await boardScope(request, context) else { return WebSecurity.redirect(to: "/admin/login") }
        let session = try await peers.reviewee(pairing)
        if form.text("decision") == "accept" {
            let parts = (form["scope"] ?? "").split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let scope = Moderation.Scope(kind: parts[0], id: parts[1]) else { throw HTTPError(.badRequest) }
            do {
                try await peers.accept(pairing, scope: scope, by: coordinator.email)
            } catch {
                guard let refusal = WebApp.refusal(error) else { throw error }
                return try await proposalsPage(request, context, notice: nil, errors: [["field": "main-content", "message": refusal]])
            }
            return try await proposalsPage(request, context, notice: "Accepted the proposal for \(scope); it is now the moderated rating.", errors: [])
        }
        switch try await ModerationForm(session: session).apply(form, record: { scope, rag, option, reason in
            try await peers.change(pairing, scope: scope, rag: rag, option: option, reason: reason, by: coordinator.email)
        }) {
        case .saved: return try await proposalsPage(request, context, notice: "Recorded the board's own rating instead of the proposal.", errors: [])
        case .refused(let errors): return try await proposalsPage(request, context, notice: nil, errors: errors)
        }
    }

    private func proposalsPage(_ request: Request, _ context: WebRequestContext, notice: String?, errors: [[String: String]]) async throws -> Response {
        guard let (coordinator, round, pairing) = try await boardScope(request, context) else { return WebSecurity.redirect(to: "/admin/login") }
        let csrf = WebSecurity.csrfToken(for: request)
        let session = try await peers.reviewee(pairing)
        let card = try await session.scorecard()
        let moderating = Moderating(session: session)
        let proposals = try await app.store.peerProposals(pairingID: pairing.id).map { proposal -> [String: Any] in
            let scope = proposal.proposed.scope
            let selfRating = card.rating(of: scope)?.text
            let options = ModerationForm.scoreOptions(moderating, scope)
            let values: [String: Any?] = [
                "domID": WebApp.domID(scope.description), "scope": "\(scope.kind):\(scope.id)", "label": scope.description,
                "selfRating": selfRating ?? "-", "proposed": proposal.proposed.text, "reason": proposal.proposed.reason,
                "by": proposal.proposed.by, "decided": proposal.decision.map { "\($0 == .accepted ? "Accepted" : "Changed") by \(proposal.decidedBy ?? "the board")" },
                "open": proposal.decision == nil, "options": options, "hasOptions": !options.isEmpty,
            ]
            return values.compactMapValues { $0 }
        }
        let values: [String: Any?] = [
            "title": "\(pairing.reviewer) reviews \(pairing.reviewee)", "csrf": csrf.token, "coordinator": coordinator.email, "board": round.board,
            "roundID": round.id, "pairingID": pairing.id, "reviewer": pairing.reviewer, "reviewee": pairing.reviewee, "active": pairing.isActive,
            "ended": pairing.endedAt, "proposals": proposals, "hasProposals": !proposals.isEmpty, "notice": notice,
            "hasErrors": !errors.isEmpty, "errors": errors,
        ]
        return WebSecurity.html(try app.render("admin-peer-proposals", values.compactMapValues { $0 }),
                                status: errors.isEmpty ? .ok : .unprocessableContent, request: request, csrf: csrf)
    }

    // MARK: The peer

    /// The signed-in coordinator and the pairing the path names, when they review through it now; 404 otherwise.
    private func peerScope(_ request: Request, _ context: WebRequestContext) async throws -> (Coordinator, PeerPairing)? {
        guard let coordinator = try await app.coordinator(request) else { return nil }
        guard let id = context.parameters.get("pairing").flatMap(Int64.init),
              let pairing = try await peers.assignment(id: id, for: coordinator) else { throw HTTPError(.notFound) }
        return (coordinator, pairing)
    }

    /// The assigned return, read-only: each requirement's self rating and the officers' answers
    /// (by service area, without names), with the peer's proposal and a form to propose.
    func review(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await reviewPage(request, context, errors: [])
    }

    func propose(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        let form = try await app.form(request)
        guard let (coordinator, pairing) = try await peerScope(request, context) else { return WebSecurity.redirect(to: "/admin/login") }
        switch try await ModerationForm(session: try await peers.reviewee(pairing)).apply(form, record: { scope, rag, option, reason in
            try await peers.propose(pairing, scope: scope, rag: rag, option: option, reason: reason, by: coordinator.email)
        }) {
        case .saved(let field): return WebSecurity.redirect(to: "/admin/peer/\(pairing.id)#\(field)")
        case .refused(let errors): return try await reviewPage(request, context, errors: errors)
        }
    }

    private func reviewPage(_ request: Request, _ context: WebRequestContext, errors: [[String: String]]) async throws -> Response {
        guard let (coordinator, pairing) = try await peerScope(request, context) else { return WebSecurity.redirect(to: "/admin/login") }
        let csrf = WebSecurity.csrfToken(for: request)
        let session = try await peers.reviewee(pairing)
        let card = try await session.scorecard()
        let moderating = Moderating(session: session)
        let proposals = Dictionary(try await app.store.peerProposals(pairingID: pairing.id).map { ($0.proposed.scope, $0) },
                                   uniquingKeysWith: { a, _ in a })
        func row(_ scope: Moderation.Scope, label: String, rating: Rating, answers: [ScoredAnswer]) -> [String: Any] {
            let options = ModerationForm.scoreOptions(moderating, scope)
            let proposal = proposals[scope]
            let values: [String: Any?] = [
                "domID": WebApp.domID(scope.description), "scope": "\(scope.kind):\(scope.id)", "label": label, "selfRating": rating.text,
                "answers": answers.map { answer -> [String: String] in
                    ["serviceArea": answer.serviceArea, "answer": answer.optionLabel,
                     "evidence": [answer.evidence, answer.example.map { "Example: \($0)" }, answer.naReason.map { "Not applicable: \($0)" }]
                        .compactMap { $0 }.joined(separator: " ")]
                },
                "proposed": proposal.map { $0.proposed.text }, "reason": proposal?.proposed.reason,
                "decided": proposal?.decision.map { $0 == .accepted ? "Accepted by the board" : "The board rated it its own way" },
                "open": proposal?.decision == nil, "options": options, "hasOptions": !options.isEmpty,
            ]
            return values.compactMapValues { $0 }
        }
        var rows: [[String: Any]] = []
        for standard in card.standards {
            rows.append(row(.standard(standard.standardID), label: "Standard \(standard.number). \(standard.title)", rating: standard.rating, answers: []))
            for requirement in standard.requirements {
                rows.append(row(.requirement(requirement.requirementID), label: "\(requirement.requirementID) \(requirement.statement)",
                                rating: requirement.rating, answers: requirement.answers))
            }
        }
        let values: [String: Any] = [
            "title": "Peer review of \(pairing.reviewee)", "csrf": csrf.token, "coordinator": coordinator.email, "reviewee": pairing.reviewee,
            "year": session.audit.year, "overall": card.overall.text, "rows": rows, "pairingID": pairing.id,
            "hasErrors": !errors.isEmpty, "errors": errors,
        ]
        return WebSecurity.html(try app.render("admin-peer-review", values), status: errors.isEmpty ? .ok : .unprocessableContent,
                                request: request, csrf: csrf)
    }
}
