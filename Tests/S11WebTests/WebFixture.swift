import Foundation
import S11TestSupport
import HTTPTypes
import Hummingbird
import S11App
import S11Core
import S11Store
import S11XML
@testable import S11Web

/// An in-memory store with the shipped content, one audit, two officers with links and a staff
/// survey link; and a browser-like client that keeps the CSRF cookie.
struct WebFixture {
    let store: AuditStore
    let audit: AuditRecord
    let content: AuditContent
    let links: [String: String]          // e-mail -> token
    let staffToken: String

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init() async throws {
        store = try await AuditStore(database: TestDatabase.fresh())
        let loaded = ContentLoader(root: Self.packageRoot).load()
        let files = loaded.files.map { (kind: $0.kind.rawValue, path: $0.path, data: $0.data) }
        audit = try await store.audits.open(organisation: "Riverside District Council", year: 2026, files: files)
        content = try await ContentLoader.auditContent(pinned: store.audits.pinnedFiles(auditID: audit.id).map { ($0.path, Data($0.data)) })
        try await store.officers.import([
            Officer(name: "Owen Price", email: "owen.price@riverside.example", role: "champion", serviceArea: "Leisure and Culture"),
            Officer(name: "Gareth <b>Lloyd</b>", email: "gareth.lloyd@riverside.example", role: "dso", serviceArea: "Housing"),
        ], auditID: audit.id)
        links = await Dictionary(try store.officers.issueInvitations(auditID: audit.id, reissue: false).map { ($0.officer.email, $0.token) },
                           uniquingKeysWith: { a, _ in a })
        staffToken = try await store.staff.issueLink(auditID: audit.id)
    }

    var owen: String { links["owen.price@riverside.example"]! }

    /// The application over the fixture's store, with default settings.
    var app: S11App { S11App(store: store) }

    func questions(for email: String) -> [Question] {
        let role = email.hasPrefix("owen") ? "champion" : "dso"
        return content.questions(forRole: role)
    }

    /// Where the app writes messages (no mail program is set up): a folder of the test's own.
    var mailFolder: URL { FileManager.default.temporaryDirectory.appendingPathComponent("s11-web-mail-\(ObjectIdentifier(store).hashValue)") }

    /// Runs `body` against the app; by default wrong passwords make a minute's wait, so that no
    /// test depends on how fast the machine is, and a refusal answers at once.
    func run(logLines: RouterClient.LogLines? = nil, passwords: PasswordChecks = PasswordChecks(),
             throttle: SignInThrottle = SignInThrottle(firstWait: 60), _ body: @Sendable (Browser) async throws -> Void) async throws {
        let app = try await WebApp(app: S11App(store: store, settings: AppSettings(mailFolder: mailFolder.path, contentRoot: Self.packageRoot)),
                                   passwords: passwords,
                                   throttle: throttle, refusalDelay: .zero)
        try await body(Browser(client: RouterClient(app: app, logLines: logLines)))
    }
}

/// Sends requests like a browser: keeps the CSRF cookie and posts forms with it.
final class Browser: @unchecked Sendable {
    let client: RouterClient
    var cookie: String?

    init(client: RouterClient) { self.client = client }

    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String
        var location: String? { headers[.location] }
        /// The CSRF field the page's form carries.
        var csrf: String? { field("csrf") }

        /// The value of the page's first field called `name`.
        func field(_ name: String) -> String? {
            guard let range = body.range(of: "name=\"\(name)\" value=\"") else { return nil }
            return String(body[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    func get(_ uri: String, method: HTTPRequest.Method = .get) async throws -> Page {
        var headers: HTTPFields = [:]
        if let cookie { headers[.cookie] = cookie }
        let response = try await client.execute(uri: uri, method: method, headers: headers)
        if let set = response.headers[.setCookie], let pair = set.split(separator: ";").first { cookie = String(pair) }
        return Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
    }

    /// A download's bytes as they were sent (a Word file is no text).
    func getBytes(_ uri: String) async throws -> [UInt8] {
        var headers: HTTPFields = [:]
        if let cookie { headers[.cookie] = cookie }
        let response = try await client.execute(uri: uri, method: .get, headers: headers)
        return Array(buffer: response.body)
    }

    /// Posts `fields` (form-encoded) with the page's CSRF token unless `csrf` overrides it.
    func post(_ uri: String, _ fields: [(String, String)], csrf: String?) async throws -> Page {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let cookie { headers[.cookie] = cookie }
        let all = (csrf.map { [("csrf", $0)] } ?? []) + fields
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        return Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
    }

    /// Posts a file as a browser's upload form does (multipart/form-data), with the CSRF token.
    func upload(_ uri: String, file: (field: String, name: String, bytes: [UInt8]), fields: [(String, String)] = [],
                csrf: String?) async throws -> Page {
        try await upload(uri, files: [file], fields: fields, csrf: csrf)
    }

    /// Posts several files in one form, as a file input that takes several does, after the fields.
    func upload(_ uri: String, files: [(field: String, name: String, bytes: [UInt8])], fields: [(String, String)] = [],
                csrf: String?) async throws -> Page {
        let boundary = "----s11test\(UUID().uuidString)"
        var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
        if let cookie { headers[.cookie] = cookie }
        var body = ByteBuffer()
        for (name, value) in (csrf.map { [("csrf", $0)] } ?? []) + fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for file in files {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: text/csv\r\n\r\n")
            body.writeBytes(file.bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: body)
        return Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
