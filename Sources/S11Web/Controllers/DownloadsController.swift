import Foundation
import Hummingbird
import S11App
import S11Core
import S11Reports

/// Downloads of everything the command line exports: the plan as Word, HTML, CSV, board XML and
/// POA&M, the board report, the scorecard as CSV and JSON, and the responses. Board users get the
/// plan and the report (which names no officer), and the evidence documents of a self-assessment
/// submitted to them; the scorecard's and the responses' files are the organisation's own.
struct DownloadsController: Sendable {
    let web: WebApp

    /// One file a coordinator can download, and whether a board user may.
    struct File {
        var name: String
        var label: String
        var forBoard: Bool
    }

    func addRoutes(to group: RouterGroup<SignedInRequestContext>) {
        group.page("audits/:id/downloads", use: downloads)
        group.page("audits/:id/downloads/:file", use: file)
        group.page("audits/:id/documents/:document", use: document)
    }

    /// An officer's evidence document, for the organisation's own coordinator, or a user of the
    /// board that holds the self-assessment (`EvidenceDocuments.document(id:for:in:)`).
    func document(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let audit = try await context.audit(.summary, in: web.app)
        guard let id = context.parameters.get("document").flatMap(Int64.init),
              let document = try await web.app.documents.document(id: id, for: context.account, in: try await web.app.session(audit)) else {
            throw HTTPError(.notFound)
        }
        return Download.document(document, bytes: web.app.documents.bytes(of: document))
    }

    func downloads(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let audit = try await context.audit(.summary, in: web.app)
        let plan = try await web.planEditing(audit).plan()
        let files = Self.files(plan: plan).filter { !context.account.isBoard || $0.forBoard }
            .map { DownloadsPage.File(href: "/admin/audits/\(audit.id)/downloads/\($0.name)", label: $0.label, name: $0.name) }
        let csrf = WebSecurity.csrfToken(for: request)
        let page = DownloadsPage(bar: SignedInBar(account: context.account, csrf: csrf.token, audit: audit), heading: AuditTitle(audit),
                                 hasPlan: plan != nil, files: files)
        return try web.html(page, request: request, csrf: csrf)
    }

    func file(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let audit = try await context.audit(.summary, in: web.app)
        let name = context.parameters.get("file") ?? ""
        let plan = try await web.planEditing(audit).plan()
        guard let file = Self.files(plan: plan).first(where: { $0.name == name }), !context.account.isBoard || file.forBoard else {
            throw HTTPError(.notFound)
        }
        if let plan, let format = PlanFormat.allCases.first(where: { $0.fileName(plan) == name }) {
            return Download.response(try format.write(plan), fileName: name, contentType: format.contentType)
        }
        if name == "responses.csv" || name == "staff-responses.csv" {
            return try await responses(name, audit: audit)
        }
        let session = try await web.app.session(audit)
        if name == "evidence.zip" {
            return try await evidence(session, for: context.account)
        }
        let staff = try await session.staffResults()
        if name == "board-report.html" {
            // For the board, whoever downloads it: a coordinator can send it as it is (no officer
            // named, small service areas folded); their own scorecard page shows everything.
            let card = try await session.boardScorecard()
            let html = await ScorecardHTML(card: card, gaps: GapFinder().gaps(in: card, staff: staff), catalogue: session.content.catalogue,
                                           trail: try session.moderationTrail(), staff: staff,
                                           showsOfficers: false, moments: web.app.settings.moments).render()
            return Download.response(Array(html.utf8), fileName: name, contentType: "text/html; charset=utf-8")
        }
        let card = try await session.scorecard()                     // the coordinator's files only
        let gaps = GapFinder().gaps(in: card, staff: staff)
        switch name {
        case "scorecard.csv":
            return Download.response(Array(ScorecardCSV().write(card, gaps: gaps, staff: staff).utf8), fileName: name,
                                     contentType: "text/csv; charset=utf-8")
        case "scorecard.json":
            return Download.response(Array(try ScorecardJSON(card: card, gaps: gaps, staff: staff).render().utf8), fileName: name,
                                     contentType: "application/json")
        default:
            throw HTTPError(.notFound)
        }
    }

    /// The responses, streamed a page at a time as the client takes them: memory stays flat
    /// however many answer sets there are.
    private func responses(_ name: String, audit: AuditRecord) async throws -> Response {
        let export = await ResponsesExport(session: try web.app.session(audit))
        let body = ResponseBody { writer in
            if name == "responses.csv" {
                try await export.officers { text in try await writer.write(ByteBuffer(string: text)) }
            } else {
                try await export.staff { bytes in try await writer.write(ByteBuffer(bytes: bytes)) }
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: Download.headers(fileName: name, contentType: "text/csv; charset=utf-8"), body: body)
    }

    /// The evidence bundle as `account` may read it, made in a private temporary file and sent
    /// from it a chunk at a time; the file goes once sent.
    private func evidence(_ session: AuditSession, for account: Coordinator) async throws -> Response {
        let bundle = EvidenceBundle(documents: web.app.documents, session: session)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("s11-evidence-\(UUID().uuidString).zip")
        do {
            try await bundle.write(to: file, for: account)
        } catch {
            try? FileManager.default.removeItem(at: file)
            throw error
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? nil
        let body = ResponseBody(contentLength: size) { writer in
            defer { try? FileManager.default.removeItem(at: file) }
            let handle = try FileHandle(forReadingFrom: file)
            defer { try? handle.close() }
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { try await writer.write(ByteBuffer(bytes: chunk)) }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: Download.headers(fileName: bundle.fileName, contentType: "application/zip"), body: body)
    }

    /// The files there are for an audit with `plan`: the plan's once it is drafted.
    private static func files(plan: Plan?) -> [File] {
        var files = [File(name: "board-report.html", label: "The board report (HTML, for the board meeting: safe to send, no officer named)", forBoard: true),
                     File(name: "scorecard.csv", label: "The scorecard (CSV, one row per requirement)", forBoard: false),
                     File(name: "scorecard.json", label: "The scorecard (JSON)", forBoard: false),
                     File(name: "responses.csv", label: "Every officer's answers (CSV)", forBoard: false),
                     File(name: "staff-responses.csv", label: "The anonymous staff answers (CSV; small groups' profiles blanked)", forBoard: false),
                     File(name: "evidence.zip", label: "The evidence documents (ZIP: a folder per standard and requirement, and index.csv; for the board, what it may read of a self-assessment it holds)", forBoard: true)]
        if let plan {
            let labels: [PlanFormat: String] = [
                .docx: "The plan (Word, for committee papers)", .html: "The plan (HTML, one printable page)",
                .csv: "The plan (CSV, one row per action and lead)", .xml: "The plan (board XML, valid against plan.xsd)",
                .poam: "The plan as a POA&M (XML, valid against poam.xsd)",
            ]
            files = [PlanFormat.docx, .html, .csv, .xml, .poam].map { File(name: $0.fileName(plan), label: labels[$0] ?? $0.rawValue, forBoard: true) } + files
        }
        return files
    }
}
