import Foundation
import Hummingbird
import Mustache
import NIOCore
import S11App
import S11Core
import S11Store
import S11XML

/// The s11 web server: officers answer their returns at their unique links and staff answer the
/// anonymous confidence survey, all stored at once in the same store the command line uses.
public struct WebApp: Sendable {
    let store: AuditStore
    let templates: MustacheLibrary
    /// Where officers reach this server, for the links in reminders.
    let baseURL: String
    /// Where invitations and reminders are written for the council's mail system when no mail
    /// program is set up.
    let mailFolder: String
    /// The council's mail program, which invitations and reminders are handed to; nil writes files.
    let delivery: (any MailDelivery)?
    /// The From line of invitations and reminders.
    let mailFrom: String
    /// Where the server's Standards/ and Surveys/ are, which new audits open on; nil when none.
    let contentRoot: URL?
    /// Staff survey exports uploaded to an audit and waiting for their columns to be checked:
    /// each audit's in a folder of its own, so a key works only for the audit it was uploaded to.
    func staffUploads(_ audit: AuditRecord) -> StaffUploads {
        StaffUploads(folder: FileManager.default.temporaryDirectory.appendingPathComponent("s11-uploads/audit-\(audit.id)"))
    }
    /// Largest form body accepted; more gets 413 Content Too Large.
    static let maxBody = 512 * 1024
    /// Misses on officers' and staff links, to slow guessing.
    let guessing = LinkGuessing()
    /// Each audit's content, parsed once.
    let pinned = PinnedContentCache()
    /// Staff survey forms, blank, rendered once per audit and link (`StaffSurveyPage`).
    let blankForms = PageShellCache<BlankFormSlot>()
    /// Officers' section pages, rendered once per audit, role and section (`ReturnPages`).
    let sectionForms = PageShellCache<SectionMarks.Slot>()
    /// Coordinators' passwords, checked off the serving threads.
    let passwords: PasswordChecks
    /// How long wrong passwords make an account or address wait.
    let throttle: SignInThrottle
    /// How long a refused sign-in takes to answer.
    let refusalDelay: Duration

    public init(store: AuditStore, baseURL: String = "http://127.0.0.1:8080", mailFolder: String = "s11-mail",
                delivery: (any MailDelivery)? = nil, mailFrom: String = Invitations.defaultFrom, contentRoot: URL? = nil) async throws {
        try await self.init(store: store, baseURL: baseURL, mailFolder: mailFolder, delivery: delivery, mailFrom: mailFrom,
                            contentRoot: contentRoot, passwords: PasswordChecks(), throttle: SignInThrottle())
    }

    init(store: AuditStore, baseURL: String = "http://127.0.0.1:8080", mailFolder: String = "s11-mail", delivery: (any MailDelivery)? = nil,
         mailFrom: String = Invitations.defaultFrom, contentRoot: URL? = nil, passwords: PasswordChecks,
         throttle: SignInThrottle, refusalDelay: Duration = .seconds(1)) async throws {
        self.delivery = delivery
        self.mailFrom = mailFrom
        self.contentRoot = contentRoot
        self.passwords = passwords
        self.throttle = throttle
        self.refusalDelay = refusalDelay
        self.store = store
        self.baseURL = baseURL
        self.mailFolder = mailFolder
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Templates").path else {
            throw StoreError("the web templates are missing from the build")
        }
        templates = try await MustacheLibrary(directory: folder)
    }

    /// The routes: `/r/TOKEN...` for officers, `/staff/TOKEN` for staff.
    public func router() -> Router<WebRequestContext> {
        let router = Router(context: WebRequestContext.self)
        router.add(middleware: AccessLog())
        router.add(middleware: SecurityHeaders())
        router.add(middleware: ErrorPages(app: self))
        let returns = ReturnPages(app: self)
        router.page("/r/:token") { request, context in try await returns.start(request, context) }
        router.page("/r/:token/s/:position") { request, context in try await returns.section(request, context) }
        router.post("/r/:token/s/:position") { request, context in try await returns.saveSection(request, context) }
        router.page("/r/:token/check") { request, context in try await returns.check(request, context) }
        router.post("/r/:token/submit") { request, context in try await returns.submit(request, context) }
        router.page("/r/:token/done") { request, context in try await returns.done(request, context) }
        let staff = StaffSurveyPage(app: self)
        router.page("/staff/:token") { request, context in try await staff.form(request, context) }
        router.post("/staff/:token") { request, context in try await staff.save(request, context) }
        router.page("/staff/:token/thanks") { request, context in try await staff.thanks(request, context) }
        let coordinator = CoordinatorPages(app: self)
        router.page("/admin/login") { request, context in try await coordinator.loginForm(request, context) }
        router.post("/admin/login") { request, context in try await coordinator.login(request, context) }
        router.post("/admin/logout") { request, context in try await coordinator.logout(request, context) }
        router.page("/admin") { request, context in try await coordinator.audits(request, context) }
        router.page("/admin/sign-ins") { request, context in try await coordinator.signIns(request, context) }
        let setup = AuditSetupPages(app: self)
        let rounds = RoundPages(app: self)
        router.page("/admin/rounds") { request, context in try await rounds.list(request, context) }
        router.post("/admin/rounds") { request, context in try await rounds.open(request, context) }
        router.page("/admin/rounds/:round") { request, context in try await rounds.dashboard(request, context) }
        router.page("/admin/rounds/:round/round.csv") { request, context in try await rounds.csv(request, context) }
        router.page("/admin/rounds/:round/round.xml") { request, context in try await rounds.xml(request, context) }
        router.page("/admin/rounds/:round/readings/:audit") { request, context in try await rounds.reading(request, context) }
        router.post("/admin/rounds/:round/readings/:audit/moderate") { request, context in try await rounds.moderateReading(request, context) }
        router.post("/admin/rounds/:round/readings/:audit/plan") { request, context in try await rounds.draftReadingPlan(request, context) }
        router.page("/admin/rounds/:round/readings/:audit/plan/:format") { request, context in try await rounds.readingPlan(request, context) }
        router.page("/admin/rounds/:round/report.html") { request, context in try await rounds.report(request, context) }
        router.page("/admin/rounds/:round/report.docx") { request, context in try await rounds.report(request, context) }
        router.post("/admin/rounds/:round/return") { request, context in try await rounds.giveBack(request, context) }
        let challenge = ChallengePages(app: self)
        router.post("/admin/rounds/:round/events") { request, context in try await challenge.schedule(request, context, rounds: rounds) }
        router.page("/admin/rounds/:round/events/:event") { request, context in try await challenge.event(request, context) }
        router.page("/admin/rounds/:round/events/:event/audits/:audit") { request, context in try await challenge.moderation(request, context) }
        router.post("/admin/rounds/:round/events/:event/audits/:audit/moderate") { request, context in try await challenge.moderate(request, context) }
        router.page("/admin/rounds/:round/events/:event/audits/:audit/letter") { request, context in try await challenge.letter(request, context) }
        router.post("/admin/rounds/:round/events/:event/audits/:audit/letter") { request, context in try await challenge.sendLetter(request, context) }
        let peers = PeerPages(app: self)
        router.post("/admin/rounds/:round/peers") { request, context in try await peers.pair(request, context, rounds: rounds) }
        router.page("/admin/rounds/:round/peers/:pairing") { request, context in try await peers.proposals(request, context) }
        router.post("/admin/rounds/:round/peers/:pairing/end") { request, context in try await peers.end(request, context) }
        router.post("/admin/rounds/:round/peers/:pairing/decide") { request, context in try await peers.decide(request, context) }
        router.page("/admin/peer/:pairing") { request, context in try await peers.review(request, context) }
        router.post("/admin/peer/:pairing/propose") { request, context in try await peers.propose(request, context) }
        let welcome = WelcomePages(app: self, coordinators: coordinator)
        router.page("/admin/welcome/:token") { request, context in try await welcome.form(request, context) }
        router.post("/admin/welcome/:token") { request, context in try await welcome.setPassword(request, context) }
        let board = BoardSubmissionPages(app: self)
        router.page("/admin/audits/:id/board") { request, context in try await board.page(request, context) }
        router.post("/admin/audits/:id/board/submit") { request, context in try await board.submit(request, context) }
        router.page("/admin/audits/new") { request, context in try await setup.form(request, context) }
        router.post("/admin/audits/new") { request, context in try await setup.open(request, context) }
        router.page("/admin/audits/:id") { request, context in try await coordinator.audit(request, context) }
        router.post("/admin/audits/:id/reopen") { request, context in try await coordinator.reopen(request, context) }
        let officers = OfficerPages(app: self)
        router.page("/admin/audits/:id/officers") { request, context in try await officers.page(request, context) }
        router.post("/admin/audits/:id/officers/upload") { request, context in try await officers.upload(request, context) }
        router.post("/admin/audits/:id/officers/add") { request, context in try await officers.add(request, context) }
        router.page("/admin/audits/:id/officers/change") { request, context in try await officers.changeForm(request, context) }
        router.post("/admin/audits/:id/officers/change") { request, context in try await officers.change(request, context) }
        router.page("/admin/audits/:id/officers/remove") { request, context in try await officers.removeForm(request, context) }
        router.post("/admin/audits/:id/officers/remove") { request, context in try await officers.remove(request, context) }
        let staffPages = StaffPages(app: self)
        router.page("/admin/audits/:id/staff") { request, context in try await staffPages.page(request, context) }
        router.post("/admin/audits/:id/staff/link") { request, context in try await staffPages.issueLink(request, context) }
        router.post("/admin/audits/:id/staff/upload") { request, context in try await staffPages.upload(request, context) }
        router.post("/admin/audits/:id/staff/confirm") { request, context in try await staffPages.confirm(request, context) }
        let invitations = InvitationPages(app: self)
        router.page("/admin/audits/:id/invitations") { request, context in try await invitations.page(request, context) }
        router.post("/admin/audits/:id/invitations/due") { request, context in try await invitations.setDue(request, context) }
        router.post("/admin/audits/:id/invitations/send") { request, context in try await invitations.send(request, context) }
        router.page("/admin/audits/:id/scorecard") { request, context in try await coordinator.scorecard(request, context) }
        router.page("/admin/audits/:id/moderation") { request, context in try await coordinator.moderation(request, context) }
        router.post("/admin/audits/:id/moderate") { request, context in try await coordinator.moderate(request, context) }
        let plans = PlanPages(app: self)
        router.page("/admin/audits/:id/plan") { request, context in try await plans.plan(request, context) }
        router.post("/admin/audits/:id/plan/draft") { request, context in try await plans.draft(request, context) }
        router.page("/admin/audits/:id/plan.xml") { request, context in try await plans.planXML(request, context) }
        router.page("/admin/audits/:id/plan/print") { request, context in try await plans.planPrint(request, context) }
        router.post("/admin/audits/:id/plan/update") { request, context in try await plans.updatePlan(request, context) }
        router.page("/admin/audits/:id/plan/actions/:action") { request, context in try await plans.actionForm(request, context) }
        router.post("/admin/audits/:id/plan/actions/:action") { request, context in try await plans.saveAction(request, context) }
        router.post("/admin/audits/:id/plan/actions/:action/remove") { request, context in try await plans.removeAction(request, context) }
        router.post("/admin/audits/:id/plan/actions/:action/merge") { request, context in try await plans.mergeAction(request, context) }
        router.post("/admin/audits/:id/plan/version") { request, context in try await plans.signOff(request, context) }
        let objectives = PlanObjectivePages(app: self)
        router.page("/admin/audits/:id/plan/objectives/new") { request, context in try await objectives.newObjectiveForm(request, context) }
        router.post("/admin/audits/:id/plan/objectives/new") { request, context in try await objectives.addObjective(request, context) }
        router.page("/admin/audits/:id/plan/objectives/:objective") { request, context in try await objectives.objective(request, context) }
        router.post("/admin/audits/:id/plan/objectives/:objective") { request, context in try await objectives.saveObjective(request, context) }
        router.post("/admin/audits/:id/plan/objectives/:objective/actions") { request, context in try await objectives.addAction(request, context) }
        let downloads = DownloadPages(app: self)
        router.page("/admin/audits/:id/downloads") { request, context in try await downloads.page(request, context) }
        router.page("/admin/audits/:id/downloads/:file") { request, context in try await downloads.file(request, context) }
        router.page("/") { request, _ in
            self.message(request, title: "s11", paragraphs: ["Officers: open the link in your invitation. Staff: open the survey link your organisation sent you."],
                         link: ("/admin", "Audit coordinators: sign in"))
        }
        return router
    }

    /// The application serving `router()` on `host:port`; `onRunning` hears the bound port. A
    /// client gets `readTimeout` to send a request's headers, and as long again for its body.
    public func application(host: String, port: Int, readTimeout: TimeAmount = .seconds(10),
                            onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(router: router(), server: .http1(configuration: .init(additionalChannelHandlers: [RequestDeadline(deadline: readTimeout)])),
                    configuration: .init(address: .hostname(host, port: port), serverName: "s11"),
                    onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) })
    }

    // MARK: Shared by the pages

    func render(_ template: String, _ values: [String: Any]) throws -> String {
        guard let html = templates.render(values, withTemplate: template) else {
            throw HTTPError(.internalServerError, message: "missing template \(template)")
        }
        return html
    }

    /// The answer to a link that matches nothing: 404, said the same way whether it never existed
    /// or was replaced, and later and later for an address that keeps guessing.
    func unknownLink(_ request: Request, _ context: WebRequestContext, title: String, paragraphs: [String]) async -> Response {
        let address = context.remoteAddress?.ipAddress ?? "unknown"
        let wait = await guessing.miss(from: address)
        if wait > .zero { try? await Task.sleep(for: wait) }
        return message(request, title: title, paragraphs: paragraphs, status: .notFound)
    }

    func message(_ request: Request, title: String, paragraphs: [String], status: HTTPResponse.Status = .ok,
                 panel: Bool = false, link: (href: String, text: String)? = nil) -> Response {
        var values: [String: Any] = ["title": title, "paragraphs": paragraphs, "panel": panel]
        if let link { values["link"] = ["href": link.href, "text": link.text] }
        let html = (try? render("message", values)) ?? title
        return WebSecurity.html(html, status: status, request: request)
    }

    /// The form's fields, refused with 413 when too large and 403 when its CSRF token is wrong.
    func form(_ request: Request) async throws -> FormBody {
        var request = request
        let buffer = try await request.collectBody(upTo: Self.maxBody)
        let form = FormBody(String(buffer: buffer))
        guard WebSecurity.csrfMatches(form, request: request) else {
            throw HTTPError(.forbidden, message: "This form has expired or did not come from s11. Go back, reload the page and try again.")
        }
        return form
    }

    /// The audit's pinned content.
    func content(auditID: Int64) async throws -> (AuditRecord, AuditContent) {
        guard let audit = try await store.audit(id: auditID) else { throw HTTPError(.notFound) }
        return await (audit, try content(of: audit))
    }

    /// The audit's pinned content, parsed once.
    func content(of audit: AuditRecord) async throws -> AuditContent {
        try await pinned.content(of: audit, store: store)
    }

    /// The audit's use cases, with its content from the cache.
    func session(_ audit: AuditRecord) async throws -> AuditSession {
        await AuditSession(store: store, audit: audit, content: try content(of: audit))
    }

    /// Scoring for the audit, with its content from the cache.
    func scoring(_ audit: AuditRecord) async throws -> AuditScoring {
        try await session(audit).scoring
    }

    static func domID(_ id: String) -> String {
        "q-" + id.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
    }
}
