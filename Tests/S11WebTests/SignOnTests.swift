import AsyncHTTPClient
import Foundation
import HTTPTypes
import NIOCore
import S11App
import S11Core
import S11SignOn
import S11Store
import S11TestSupport
import Testing
@testable import S11Web

/// Signing in through an organisation's own accounts, against a real OpenID Connect provider on
/// loopback (oidc-provider-mock): the whole authorisation code flow, and each way a provider's
/// answer can be wrong refused with a page saying why, with no session started.
@Suite(.needs(.oidcProvider)) struct SignOnTests {
    /// The app, the provider, and a client for the provider's side of the flow (the person at its form).
    struct Setting {
        let fixture: WebFixture
        let provider: OpenIDProvider
        let client: RouterClient
        let http: HTTPClient
    }

    /// A provider for Riverside's coordinators at riverside.example and shared.example; Riverside's
    /// lead, a coordinator of another council at shared.example, and a board user.
    func setting(_ body: (Setting) async throws -> Void) async throws {
        let fixture = try await WebFixture()
        let provider = try OpenIDProvider()
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
        let settings = AppSettings(baseURL: "http://127.0.0.1:8080", mailFolder: fixture.mailFolder.path, contentRoot: WebFixture.packageRoot,
                                   identityProviders: OpenIDConnectClient())
        let app = S11App(store: fixture.store, settings: settings)
        try await app.signOn.save(SignOnProvider(name: "riverside", label: "Riverside's Microsoft account", issuer: provider.issuer,
                                                 clientID: "s11-riverside", clientSecret: "a client secret", domains: ["riverside.example", "shared.example"],
                                                 scope: .organisation(fixture.audit.organisation)))
        let hash = CoordinatorPassword.hash("correct horse battery staple", cost: 4)
        try await fixture.store.accounts.save(email: "lead@riverside.example", passwordHash: hash, organisation: fixture.audit.organisation)
        try await fixture.store.accounts.save(email: "lead@shared.example", passwordHash: hash, organisation: "Hillside Borough Council")
        do {
            try await body(Setting(fixture: fixture, provider: provider, client: RouterClient(app: try await WebApp(app: app)), http: http))
        } catch {
            provider.stop()
            try await http.shutdown()
            throw error
        }
        provider.stop()
        try await http.shutdown()
    }

    /// What came back from s11's callback, and the address it was at.
    struct Answer {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String
        var callback: String
        var stateCookie: String

        /// The session cookie s11 set, if it signed anyone in.
        var session: String? {
            headers[values: .setCookie].first { $0.hasPrefix("s11_session=") }.map { String($0.split(separator: ";")[0]) }
        }
    }

    /// Begins at s11's sign-in link, signs in at the provider's form as `subject` (whose e-mail
    /// address the provider gives as the subject, unless it was told otherwise), and brings the
    /// provider's answer back to s11 with the sign-in's cookie.
    func signOn(_ setting: Setting, as subject: String) async throws -> Answer {
        let begun = try await setting.client.execute(uri: "/admin/sign-on/riverside", method: .get)
        #expect(begun.status == .seeOther)
        let location = try #require(begun.headers[.location])
        let cookie = try #require(begun.headers[values: .setCookie].first { $0.hasPrefix("s11_sign_on=") }).split(separator: ";")[0]
        #expect(location.hasPrefix(setting.provider.issuer + "/oauth2/authorize?"))
        #expect(location.contains("code_challenge_method=S256") && location.contains("nonce=") && location.contains("client_id=s11-riverside"))
        var form = HTTPClientRequest(url: location)
        form.method = .POST
        form.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        form.body = .bytes(ByteBuffer(string: "sub=" + (subject.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? subject)))
        let authorised = try await setting.http.execute(form, timeout: .seconds(10))
        let callback = try #require(authorised.headers.first(name: "Location"), "the provider sent the browser nowhere (status \(authorised.status))")
        #expect(callback.hasPrefix("http://127.0.0.1:8080/admin/sign-on/callback?"))
        return try await back(setting, String(callback.dropFirst("http://127.0.0.1:8080".count)), cookie: String(cookie))
    }

    /// Brings the provider's answer at `callback` to s11 with `cookie`.
    func back(_ setting: Setting, _ callback: String, cookie: String?) async throws -> Answer {
        let response = try await setting.client.execute(uri: callback, method: .get, headers: cookie.map { [.cookie: $0] } ?? [:])
        return Answer(status: response.status, headers: response.headers, body: String(buffer: response.body), callback: callback,
                      stateCookie: cookie ?? "")
    }

    /// Tells the provider to spoil the next ID token it issues.
    func spoilNextToken(_ setting: Setting, _ fault: String) async throws {
        var request = HTTPClientRequest(url: setting.provider.issuer + "/test/next-token")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: "{\"fault\": \"\(fault)\"}"))
        #expect(try await setting.http.execute(request, timeout: .seconds(10)).status.code == 204)
    }

    @Test func aLeadSignsInThroughTheirOrganisationsProviderAndSeesTheirAudits() async throws {
        try await setting { setting in
            let login = try await setting.client.execute(uri: "/admin/login", method: .get)
            #expect(String(buffer: login.body).contains("href=\"/admin/sign-on/riverside\">Sign in with Riverside&#39;s Microsoft account</a>"))
            let answer = try await signOn(setting, as: "lead@riverside.example")
            #expect(answer.status == .ok)
            #expect(answer.body.contains("You are signed in as lead@riverside.example"))
            #expect(answer.headers[.init("Refresh")!] == "0; url=/admin")
            let session = try #require(answer.session)
            let audits = try await setting.client.execute(uri: "/admin", method: .get, headers: [.cookie: session])
            #expect(audits.status == .ok)
            #expect(String(buffer: audits.body).contains(setting.fixture.audit.organisation))
            let events = try await setting.fixture.store.accounts.signInEvents(visibleTo: Coordinator(email: "lead@riverside.example",
                                                                                                    organisation: setting.fixture.audit.organisation))
            #expect(events.first?.outcome == .signedOn)
            #expect(events.first?.address.hasSuffix("through riverside") == true)
        }
    }

    @Test(arguments: [
        ("wrong-audience", "issued for another application, not for this s11 (client id s11-riverside)"),
        ("expired", "had run out"),
        ("tampered", "signature does not match Riverside&#39;s Microsoft account&#39;s published keys"),
        ("wrong-nonce", "does not answer this sign-in (its nonce is not the one s11 sent)"),
    ])
    func aSpoiledIDTokenIsRefusedSayingWhyAndSignsNoOneIn(fault: String, why: String) async throws {
        try await setting { setting in
            try await spoilNextToken(setting, fault)
            let answer = try await signOn(setting, as: "lead@riverside.example")
            #expect(answer.status == .forbidden)
            #expect(answer.body.contains("You are not signed in"))
            #expect(answer.body.contains(why), "\(fault): \(answer.body)")
            #expect(answer.body.contains("href=\"/admin/login\">Back to sign in"))
            #expect(answer.session == nil)
        }
    }

    @Test func aCodeAndItsSignInWorkOnce() async throws {
        try await setting { setting in
            let first = try await signOn(setting, as: "lead@riverside.example")
            #expect(first.session != nil)
            // The same answer again (a replay from the history, a copied link): its sign-in is spent.
            let replayed = try await back(setting, first.callback, cookie: first.stateCookie)
            #expect(replayed.status == .forbidden && replayed.session == nil)
            #expect(replayed.body.contains("has run out or has been used already"))
            // The spent code under a new sign-in's own state: the provider refuses it.
            let begun = try await setting.client.execute(uri: "/admin/sign-on/riverside", method: .get)
            let cookie = try #require(begun.headers[values: .setCookie].first { $0.hasPrefix("s11_sign_on=") }).split(separator: ";")[0]
            let newState = String(cookie.dropFirst("s11_sign_on=".count))
            let oldCode = try #require(URLComponents(string: first.callback)?.queryItems?.first { $0.name == "code" }?.value)
            let grafted = try await back(setting, "/admin/sign-on/callback?code=\(oldCode)&state=\(newState)", cookie: String(cookie))
            #expect(grafted.status == .forbidden && grafted.session == nil)
            #expect(grafted.body.contains("refused the sign-in code (invalid_grant"), "\(grafted.body)")
        }
    }

    @Test func anAnswerBroughtToAnotherBrowserSignsNoOneIn() async throws {
        try await setting { setting in
            // The attacker's own answer, planted in a victim's browser, which holds no (or another) sign-in cookie.
            let begun = try await setting.client.execute(uri: "/admin/sign-on/riverside", method: .get)
            let location = try #require(begun.headers[.location])
            let state = try #require(URLComponents(string: location)?.queryItems?.first { $0.name == "state" }?.value)
            let planted = try await back(setting, "/admin/sign-on/callback?code=anything&state=\(state)", cookie: nil)
            #expect(planted.status == .forbidden && planted.session == nil)
            #expect(planted.body.contains("begun in another browser"))
        }
    }

    @Test func onlyTheOrganisationsOwnVerifiedAccountsAtItsDomainsAreSignedIn() async throws {
        try await setting { setting in
            let other = try await signOn(setting, as: "lead@shared.example")
            #expect(other.status == .forbidden && other.session == nil)
            #expect(other.body.contains("signs in only Riverside District Council&#39;s coordinators, and lead@shared.example is an account of Hillside Borough Council"))
            let stranger = try await signOn(setting, as: "eve@elsewhere.example")
            #expect(stranger.session == nil && stranger.body.contains("may vouch only for addresses at riverside.example, shared.example; eve@elsewhere.example is not one"))
            let unknown = try await signOn(setting, as: "new.starter@riverside.example")
            #expect(unknown.session == nil && unknown.body.contains("No s11 account has the address new.starter@riverside.example"))
            var unverified = HTTPClientRequest(url: setting.provider.issuer + "/users/unverified")
            unverified.method = .PUT
            unverified.headers.add(name: "Content-Type", value: "application/json")
            unverified.body = .bytes(ByteBuffer(string: #"{"email": "lead@riverside.example", "email_verified": false}"#))
            #expect(try await setting.http.execute(unverified, timeout: .seconds(10)).status.code == 204)
            let notVerified = try await signOn(setting, as: "unverified")
            #expect(notVerified.session == nil && notVerified.body.contains("has not been verified"))
            let refusals = try await setting.fixture.store.accounts.signInEvents(visibleTo: Coordinator(email: "lead@shared.example", organisation: "Hillside Borough Council"))
            #expect(refusals.first?.outcome == .signOnRefused)
        }
    }

    @Test func aProviderThatSaysNoAndAProviderNotKeptAreToldPlainly() async throws {
        try await setting { setting in
            let denied = try await back(setting, "/admin/sign-on/callback?error=access_denied&error_description=The+user+said+no", cookie: nil)
            #expect(denied.status == .forbidden && denied.body.contains("it said &quot;access_denied: The user said no&quot;"))
            let unknown = try await setting.client.execute(uri: "/admin/sign-on/nobody", method: .get)
            #expect(unknown.status == .notFound)
        }
    }

    @Test func twoServersGivenOneAnswerAtOnceSignInOnce() async throws {
        let fixture = try await WebFixture()
        try await fixture.store.signOn.save(SignOnProvider(name: "riverside", label: "Riverside", issuer: "https://login.example", clientID: "s11",
                                                           clientSecret: "", domains: ["riverside.example"], scope: .server))
        let attempt = try #require(try await fixture.store.signOn.begin(provider: "riverside"))
        let claims = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 { group.addTask { try await fixture.store.signOn.claim(state: attempt.state) != nil } }
            return try await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
        }
        #expect(claims == 1)
    }
}

/// The settings page where an organisation's coordinators set the provider they sign in through.
@Suite(.needs(.oidcProvider)) struct SignOnSettingsTests {
    @Test func aLeadSetsTheirOrganisationsProviderCheckedWithItAndScopedToThemWhateverTheFormSays() async throws {
        try await SignOnTests().setting { setting in
            let pages = IdleSessionTests()
            let lead = IdleSessionTests.Jar()
            _ = try await pages.signIn(setting.client, as: "lead@riverside.example", lead, password: "correct horse battery staple")
            let blank = try await pages.get(setting.client, "/admin/sign-on-settings", lead)
            #expect(blank.body.contains("Set it up") && blank.body.contains("<code>http://127.0.0.1:8080/admin/sign-on/callback</code>"))
            let fields = [("label", "Riverside's Entra ID"), ("clientID", "s11-riverside"), ("clientSecret", "the secret"),
                          ("domains", "riverside.example"), ("organisation", "Hillside Borough Council")]

            let unreachable = try await pages.post(setting.client, "/admin/sign-on-settings",
                                                   [("csrf", try pages.csrf(blank.body)), ("issuer", "http://127.0.0.1:9/")] + fields, lead)
            #expect(unreachable.status == .unprocessableContent && String(buffer: unreachable.body).contains("Riverside&#39;s Entra ID could not be reached to read its settings"))
            #expect(try await setting.fixture.store.signOn.providers().count == 1)                       // nothing kept

            let saved = try await pages.post(setting.client, "/admin/sign-on-settings",
                                             [("csrf", try pages.csrf(blank.body)), ("issuer", setting.provider.issuer)] + fields, lead)
            #expect(saved.headers[.location] == "/admin/sign-on-settings?done=saved")
            let kept = try #require(try await setting.fixture.store.signOn.provider(named: "org-riverside-district-council"))
            #expect(kept.scope == .organisation(setting.fixture.audit.organisation) && kept.clientSecret == "the secret")
            let login = try await setting.client.execute(uri: "/admin/login", method: .get)
            #expect(String(buffer: login.body).contains("Sign in with Riverside&#39;s Entra ID"))

            // Another council's coordinator sees nothing of it, and their removal removes only their own.
            let other = IdleSessionTests.Jar()
            _ = try await pages.signIn(setting.client, as: "lead@shared.example", other, password: "correct horse battery staple")
            let theirs = try await pages.get(setting.client, "/admin/sign-on-settings", other)
            #expect(theirs.body.contains("Set it up") && !theirs.body.contains("Riverside&#39;s Entra ID"))
            _ = try await pages.post(setting.client, "/admin/sign-on-settings/remove", [("csrf", try pages.csrf(theirs.body))], other)
            #expect(try await setting.fixture.store.signOn.provider(named: "org-riverside-district-council") != nil)

            // A blank secret keeps the one kept; removing it takes the link off the sign-in page.
            let again = try await pages.get(setting.client, "/admin/sign-on-settings", lead)
            #expect(again.body.contains("value=\"s11-riverside\"") && !again.body.contains("the secret"))
            _ = try await pages.post(setting.client, "/admin/sign-on-settings",
                                     [("csrf", try pages.csrf(again.body)), ("issuer", setting.provider.issuer), ("label", "Riverside's accounts"),
                                      ("clientID", "s11-riverside"), ("clientSecret", ""), ("domains", "riverside.example")], lead)
            #expect(try await setting.fixture.store.signOn.provider(named: "org-riverside-district-council")?.clientSecret == "the secret")
            _ = try await pages.post(setting.client, "/admin/sign-on-settings/remove", [("csrf", try pages.csrf(again.body))], lead)
            #expect(try await setting.fixture.store.signOn.provider(named: "org-riverside-district-council") == nil)
        }
    }
}
