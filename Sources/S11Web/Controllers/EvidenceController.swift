import Foundation
import Hummingbird
import S11App
import S11Core

/// An officer's evidence documents, through their link: the page of one answer's documents,
/// attaching files (read as they arrive, `StreamedUpload`), removing one, and downloading their own.
struct EvidenceController: Sendable {
    let web: WebApp

    func addRoutes(to group: RouterGroup<WebRequestContext>) {
        group.page(":token/documents", use: documents)
        group.post(":token/documents", use: attach)
        group.post(":token/documents/remove", use: remove)
        group.post(":token/documents/keep", use: keep)
        group.page(":token/documents/:document", use: download)
    }

    func documents(_ request: Request, context: WebRequestContext) async throws -> Response {
        guard let officer = try await web.officerAtLink(context) else { return await web.unknownOfficerLink(request, context) }
        guard let (question, position) = officer.question(request.uri.queryParameters["question"].map(String.init) ?? "") else {
            return await web.unknownOfficerLink(request, context)
        }
        return try await page(request, officer, question, position, kept: [], refusals: [])
    }

    func attach(_ request: Request, context: WebRequestContext) async throws -> Response {
        guard let officer = try await web.officerAtLink(context) else { return await web.unknownOfficerLink(request, context) }
        guard let (question, position) = officer.question(request.uri.queryParameters["question"].map(String.init) ?? "") else {
            return await web.unknownOfficerLink(request, context)
        }
        let documents = web.app.documents
        if let closed = closedBecause(officer) {
            return try await page(request, officer, question, position, kept: [], refusals: [closed], status: .conflict)
        }
        let upload = try await StreamedUpload.read(request, documents: documents)
        var kept: [String] = [], refusals: [String] = []
        for spool in upload.files {
            defer { spool.discard() }
            switch try await documents.attach(spool, questionID: question.id, officer: officer.officer, auditID: officer.audit.id,
                                              by: "\(officer.officer.email) (their link)") {
            case .kept(let document): kept.append(document.name)
            case .refused(_, let reason): refusals.append(reason)
            }
        }
        if let (_, reason) = upload.refusal { refusals.append(reason) }
        if kept.isEmpty, refusals.isEmpty { refusals.append("Choose at least one file to attach") }
        let status: HTTPResponse.Status = kept.isEmpty ? (upload.refusal != nil ? .contentTooLarge : .unprocessableContent) : .ok
        return try await page(request, officer, question, position, kept: kept, refusals: refusals, status: status)
    }

    func remove(_ request: Request, context: WebRequestContext) async throws -> Response {
        try await change(request, context) { id, officer in
            try await web.app.documents.remove(id: id, officer: officer.officer, auditID: officer.audit.id, by: "\(officer.officer.email) (their link)")
        }
    }

    /// Keeps a document carried from last year.
    func keep(_ request: Request, context: WebRequestContext) async throws -> Response {
        try await change(request, context) { id, officer in
            try await web.app.documents.keep(id: id, officer: officer.officer, auditID: officer.audit.id, by: "\(officer.officer.email) (their link)")
        }
    }

    /// A change to one of the officer's documents (the form's `document`, on the form's
    /// `question`), then back to that answer's documents; a refusal shown there.
    private func change(_ request: Request, _ context: WebRequestContext,
                        _ make: (Int64, OfficerLinks.AtLink) async throws -> Bool) async throws -> Response {
        let form = try await request.formBody()
        guard let officer = try await web.officerAtLink(context), let (question, position) = officer.question(form["question"] ?? ""),
              let id = form["document"].flatMap(Int64.init) else { return await web.unknownOfficerLink(request, context) }
        do {
            guard try await make(id, officer) else { return await web.unknownOfficerLink(request, context) }
        } catch let refusal as UserFacingError {
            return try await page(request, officer, question, position, kept: [], refusals: [refusal.message], status: .conflict)
        }
        return WebSecurity.redirect(to: "/r/\(officer.token)/documents?question=\(question.id)")
    }

    func download(_ request: Request, context: WebRequestContext) async throws -> Response {
        guard let officer = try await web.officerAtLink(context), let id = context.parameters.get("document").flatMap(Int64.init),
              let document = try await web.app.documents.officerDocument(id: id, officer: officer.officer, auditID: officer.audit.id) else {
            return await web.unknownOfficerLink(request, context)
        }
        return Download.document(document, bytes: web.app.documents.bytes(of: document))
    }

    /// Why nothing more can be attached: the return is in, or the server takes no documents.
    private func closedBecause(_ officer: OfficerLinks.AtLink) -> String? {
        if officer.status == .submitted {
            return "Your return has been submitted, so its documents cannot change. Ask the audit coordinator to reopen it if something needs adding."
        }
        return web.app.documents.closedBecause
    }

    private func page(_ request: Request, _ officer: OfficerLinks.AtLink, _ question: Question, _ position: Int, kept: [String], refusals: [String],
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        let csrf = WebSecurity.csrfToken(for: request)
        let documents = try await web.app.documents.documents(of: officer.officer, auditID: officer.audit.id)
        let page = ReturnDocumentsPage(officer: officer, question: question, position: position, documents: documents, kept: kept, refusals: refusals,
                                       closed: closedBecause(officer), open: officer.status != .submitted, scanned: web.app.settings.scanner != nil,
                                       limits: web.app.settings.documentLimits, csrf: csrf.token,
                                       moments: web.app.settings.moments)
        return try web.html(page, status: status, request: request, csrf: csrf)
    }
}
