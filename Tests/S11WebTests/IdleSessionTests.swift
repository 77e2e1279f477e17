import Foundation
import HTTPTypes
import NIOCore
import S11App
import S11Core
import S11Store
import Testing
@testable import S11Web

/// A session left unused ends (NCSC: sessions expire after idle time), and a form the coordinator
/// posts after it is kept for them, not lost: once they sign in again as the same person, s11 shows
/// what they were saving and sends it with the new session's token when they say so.
@Suite struct IdleSessionTests {
    static let password = "correct horse battery staple"

    /// A browser's cookies, as Set-Cookie leaves them.
    final class Jar: @unchecked Sendable {
        var cookies: [String: String] = [:]
        var header: HTTPFields { cookies.isEmpty ? [:] : [.cookie: cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")] }

        func take(_ response: RouterClient.Response) {
            for set in response.headers[values: .setCookie] {
                let pair = set.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
                if set.contains("Max-Age=0") { cookies[pair[0]] = nil } else { cookies[pair[0]] = pair.count > 1 ? pair[1] : "" }
            }
        }
    }

    /// One store; `fresh` keeps sessions half an hour unused, `stale` has every session already past its idle time.
    struct Setting {
        let fixture: WebFixture
        let fresh: RouterClient
        let stale: RouterClient
    }

    func setting() async throws -> Setting {
        let fixture = try await WebFixture()
        let hash = CoordinatorPassword.hash(Self.password, cost: 4)
        try await fixture.store.accounts.save(email: "lead@riverside.example", passwordHash: hash, organisation: fixture.audit.organisation)
        try await fixture.store.accounts.save(email: "deputy@riverside.example", passwordHash: hash, organisation: fixture.audit.organisation)
        func client(idle: TimeInterval) async throws -> RouterClient {
            let settings = AppSettings(mailFolder: fixture.mailFolder.path, contentRoot: WebFixture.packageRoot, sessionIdle: idle)
            return RouterClient(app: try await WebApp(app: S11App(store: fixture.store, settings: settings), passwords: PasswordChecks(),
                                                      throttle: SignInThrottle(), refusalDelay: .zero))
        }
        return Setting(fixture: fixture, fresh: try await client(idle: 30 * 60), stale: try await client(idle: 0))
    }

    func get(_ client: RouterClient, _ uri: String, _ jar: Jar) async throws -> (response: RouterClient.Response, body: String) {
        let response = try await client.execute(uri: uri, method: .get, headers: jar.header)
        jar.take(response)
        return (response, String(buffer: response.body))
    }

    func post(_ client: RouterClient, _ uri: String, _ fields: [(String, String)], _ jar: Jar) async throws -> RouterClient.Response {
        var headers = jar.header
        headers[.contentType] = "application/x-www-form-urlencoded"
        let body = fields.map { "\(Browser.encode($0.0))=\(Browser.encode($0.1))" }.joined(separator: "&")
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        jar.take(response)
        return response
    }

    /// The value of the page's hidden CSRF field.
    func csrf(_ body: String) throws -> String {
        let range = try #require(body.range(of: "name=\"csrf\" value=\""))
        return String(body[range.upperBound...].prefix { $0 != "\"" })
    }

    func signIn(_ client: RouterClient, as email: String, _ jar: Jar, password: String = Self.password) async throws -> RouterClient.Response {
        let form = try await get(client, "/admin/login", jar)
        return try await post(client, "/admin/login", [("csrf", try csrf(form.body)), ("email", email), ("password", password)], jar)
    }

    let schedule = [("isOn", "yes"), ("daysBefore", "10"), ("overdueEvery", "0"), ("atMost", "2"), ("timeOfDay", "16:30")]

    /// Signs the lead in, opens the invitations page, and posts the schedule form after the session has gone idle: the jar and the form's address.
    func postAfterIdle(_ setting: Setting) async throws -> (jar: Jar, path: String) {
        let jar = Jar()
        #expect(try await signIn(setting.fresh, as: "lead@riverside.example", jar).headers[.location] == "/admin")
        let path = "/admin/audits/\(setting.fixture.audit.id)/invitations"
        let page = try await get(setting.fresh, path, jar)
        let posted = try await post(setting.stale, path + "/schedule", [("csrf", try csrf(page.body))] + schedule, jar)
        #expect(posted.status == .seeOther && posted.headers[.location] == "/admin/login?ended=kept")
        #expect(jar.cookies["s11_kept"] != nil)
        #expect(try await setting.fixture.store.reminders.schedule(auditID: setting.fixture.audit.id) == .standard)   // nothing saved yet
        return (jar, path)
    }

    @Test func aFormPostedAfterTheSessionWentIdleIsKeptAndSentWhenTheSameLeadSignsInAgain() async throws {
        let setting = try await setting()
        let (jar, path) = try await postAfterIdle(setting)
        // Any page now says why the browser is at the sign-in page.
        #expect(try await get(setting.stale, "/admin", jar).response.headers[.location] == "/admin/login?ended=1")
        let login = try await get(setting.fresh, "/admin/login?ended=kept", jar)
        #expect(login.body.contains("s11 signs you out after 30 minutes without use") && login.body.contains("What you were saving is kept for an hour"))

        let again = try await signIn(setting.fresh, as: "lead@riverside.example", jar)
        #expect(again.headers[.location] == "/admin/kept")
        let kept = try await get(setting.fresh, "/admin/kept", jar)
        #expect(kept.response.status == .ok)
        #expect(kept.body.contains("<form method=\"post\" action=\"\(path)/schedule\">"))
        #expect(kept.body.contains("<th scope=\"row\">Time of day</th><td class=\"kept-value\">16:30</td>") && kept.body.contains("<input type=\"hidden\" name=\"daysBefore\" value=\"10\">"))
        #expect(jar.cookies["s11_kept"] == nil)

        let sent = try await post(setting.fresh, path + "/schedule", [("csrf", try csrf(kept.body))] + schedule, jar)
        #expect(sent.status == .seeOther)
        #expect(try await setting.fixture.store.reminders.schedule(auditID: setting.fixture.audit.id)
                == ReminderSchedule(daysBefore: [10], onTheDay: false, overdueEvery: 0, atMost: 2, minuteOfDay: 16 * 60 + 30))
    }

    @Test func aKeptFormIsGivenOnlyToTheAccountWhoseSessionItWasAndOnlyOnce() async throws {
        let setting = try await setting()
        let (jar, _) = try await postAfterIdle(setting)
        let keptCookie = try #require(jar.cookies["s11_kept"])
        // A colleague signing in on the same computer does not see it, and it stays kept.
        #expect(try await signIn(setting.fresh, as: "deputy@riverside.example", jar).headers[.location] == "/admin/kept")
        #expect(try await get(setting.fresh, "/admin/kept", jar).response.headers[.location] == "/admin")
        let own = Jar()
        own.cookies["s11_kept"] = keptCookie
        _ = try await signIn(setting.fresh, as: "lead@riverside.example", own)
        #expect(try await get(setting.fresh, "/admin/kept", own).response.status == .ok)
        own.cookies["s11_kept"] = keptCookie
        #expect(try await get(setting.fresh, "/admin/kept", own).response.headers[.location] == "/admin")         // taken once
    }

    @Test func aSessionInUseStaysAndOneLeftUnusedEnds() async throws {
        let fixture = try await setting().fixture
        let start = Date()
        let token = try await fixture.store.accounts.startSession(email: "lead@riverside.example")
        let idle: TimeInterval = 30 * 60
        #expect(try await fixture.store.accounts.find(session: token, idle: idle, now: start.addingTimeInterval(20 * 60)) != nil)
        // Used at 20 minutes, so at 45 it is 25 minutes unused: still signed in.
        #expect(try await fixture.store.accounts.find(session: token, idle: idle, now: start.addingTimeInterval(45 * 60)) != nil)
        // Then 31 minutes unused: ended.
        #expect(try await fixture.store.accounts.find(session: token, idle: idle, now: start.addingTimeInterval(76 * 60)) == nil)
        #expect(try await fixture.store.accounts.find(session: token, idle: idle, now: start.addingTimeInterval(60 * 60)) != nil)   // the use at 45 counted
    }
}
