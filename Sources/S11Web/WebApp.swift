import Foundation
import Hummingbird
import NIOCore
import S11App
import S11Core

/// The s11 web server: officers answer their returns at their unique links and staff answer the
/// anonymous confidence survey, all stored at once in the same store the command line uses.
public struct WebApp: Sendable {
    /// The application every page goes through; its settings say where officers reach this
    /// server, how mail leaves and which content new audits and rounds open on.
    let app: S11App
    /// The pages' templates.
    let pages: PageRenderer
    /// Staff survey exports uploaded to an audit and waiting for their columns to be checked:
    /// each audit's in a folder of its own, so a key works only for the audit it was uploaded to.
    func staffUploads(_ audit: AuditRecord) -> StaffUploads {
        StaffUploads(folder: FileManager.default.temporaryDirectory.appendingPathComponent("s11-uploads/audit-\(audit.id)"))
    }
    /// Largest form body accepted; more gets 413 Content Too Large.
    static let maxBody = 512 * 1024
    /// Misses on officers' and staff links, to slow guessing.
    let guessing = LinkGuessing()
    /// Staff survey forms, blank, rendered once per audit and link (`StaffSurveyController`).
    let blankForms = PageShellCache<BlankFormSlot>()
    /// Officers' section pages, rendered once per audit, role and section (`ReturnController`).
    let sectionForms = PageShellCache<SectionMarks.Slot>()
    /// Coordinators' passwords, checked off the serving threads.
    let passwords: PasswordChecks
    /// How long wrong passwords make an account or address wait.
    let throttle: SignInThrottle
    /// How long a refused sign-in takes to answer.
    let refusalDelay: Duration

    /// The server of `app`'s pages.
    public init(app: S11App) async throws {
        try await self.init(app: app, passwords: PasswordChecks(), throttle: SignInThrottle())
    }

    init(app: S11App, passwords: PasswordChecks, throttle: SignInThrottle, refusalDelay: Duration = .seconds(1)) async throws {
        self.app = app
        self.passwords = passwords
        self.throttle = throttle
        self.refusalDelay = refusalDelay
        pages = try await PageRenderer()
    }

    /// The routes: the shared middleware, then each controller's. Officers answer at `/r/TOKEN`,
    /// staff at `/staff/TOKEN`; coordinators and board users sign in at `/admin/login`, and every
    /// other `/admin` page is behind `SessionAuthenticator` (the board's rounds behind `BoardOnly` too).
    public func router() -> Router<WebRequestContext> {
        let router = Router(context: WebRequestContext.self)
        router.add(middleware: AccessLog())
        router.add(middleware: SecurityHeaders())
        router.add(middleware: ErrorPages(web: self))
        // Forms are checked on the routes there are, so that a post to no route is a 404 like any other request.
        let site = router.group().add(middleware: FormGuard())
        HomeController(web: self).addRoutes(to: site)
        ReturnController(web: self).addRoutes(to: site.group("r"))
        EvidenceController(web: self).addRoutes(to: site.group("r"))
        StaffSurveyController(web: self).addRoutes(to: site.group("staff"))
        let admin = site.group("admin")
        let signedIn = admin.group().add(middleware: SessionAuthenticator(web: self)).group(context: SignedInRequestContext.self)
        SignInController(web: self).addRoutes(to: admin, signedIn: signedIn)
        SignOnController(web: self).addRoutes(to: admin)
        KeptFormController(web: self).addRoutes(to: signedIn)
        SignOnSettingsController(web: self).addRoutes(to: signedIn)
        TrailController(web: self).addRoutes(to: signedIn)
        AuditsController(web: self).addRoutes(to: signedIn)
        OfficersController(web: self).addRoutes(to: signedIn)
        InvitationsController(web: self).addRoutes(to: signedIn)
        StaffUploadsController(web: self).addRoutes(to: signedIn)
        ScoresController(web: self).addRoutes(to: signedIn)
        PlanController(web: self).addRoutes(to: signedIn)
        PlanObjectivesController(web: self).addRoutes(to: signedIn)
        DownloadsController(web: self).addRoutes(to: signedIn)
        BoardSubmissionController(web: self).addRoutes(to: signedIn)
        TeamController(web: self).addRoutes(to: signedIn)
        let board = signedIn.group("rounds").add(middleware: BoardOnly())
        let rounds = RoundsController(web: self)
        rounds.addRoutes(to: board)
        EventsController(web: self, rounds: rounds).addRoutes(to: board)
        RoundRemindersController(web: self).addRoutes(to: board)
        PeersController(web: self, rounds: rounds).addRoutes(board: board, signedIn: signedIn)
        ReadingsController(web: self, rounds: rounds).addRoutes(to: board)
        return router
    }

    /// The application serving `router()` on `host:port`; `onRunning` hears the bound port. A
    /// client gets `readTimeout` to send a request's headers, and as long again for its body.
    /// Every response head the connection writes gets the security headers, the 400 with which
    /// the HTTP parser refuses a request included.
    public func application(host: String, port: Int, readTimeout: TimeAmount = .seconds(10),
                            onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(router: router(),
                    server: .http1(configuration: .init(additionalChannelHandlers: [RequestDeadline(deadline: readTimeout), ResponseHeadSecurity()])),
                    configuration: .init(address: .hostname(host, port: port), serverName: "s11"),
                    onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) })
    }

    /// Today's date only, in England.
    static func today() -> CalendarDate { CalendarDate(Date(), in: TimeZone(identifier: "Europe/London")!) }

    /// An id for an element of a page, made of a question's, action's or address's own.
    static func domID(_ id: String) -> String {
        "q-" + id.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
    }
}
