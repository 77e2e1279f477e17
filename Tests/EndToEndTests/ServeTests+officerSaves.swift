import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import S11TestSupport
import Testing

extension ServeTests {
    /// Officers of two organisations answer at once through two `s11 serve` processes on one
    /// store (a PostgreSQL schema when the suite runs there, else one SQLite file), each officer's
    /// saves sent to one server then the other: every save either server acknowledged is what the
    /// store keeps, once per question.
    @Test func officersSavingThroughTwoServersOnOneStoreLoseNothing() async throws {
        let s11 = try S11Binary()
        var links: [(email: String, link: String)] = []
        for organisation in ["Hillside Borough Council", "Lakeside District Council"] {
            try await s11.succeed(["audit", "open", "--org", organisation, "--year", "2026", "--content", S11Binary.content, "--db", s11.db])
            let domain = organisation.split(separator: " ")[0].lowercased() + ".example"
            let areas = ["Housing and homelessness", "Community services", "Customer services"]
            let officers = (1...8).map { "Officer \($0),officer\($0)@\(domain),dso,\(areas[$0 % areas.count])" }
            try ("name,email,role,service_area\n" + officers.joined(separator: "\n") + "\n")
                .write(to: s11.folder.appendingPathComponent("\(domain).csv"), atomically: true, encoding: .utf8)
            let org = ["--org", organisation, "--year", "2026", "--db", s11.db]
            try await s11.succeed(["officers", "import", "\(domain).csv"] + org)
            try await s11.succeed(["invite", "--out", domain] + org)
            let csv = try String(contentsOf: s11.folder.appendingPathComponent("\(domain)/links.csv"), encoding: .utf8)
            links += csv.split(whereSeparator: \.isNewline).dropFirst().map { row in
                let fields = row.split(separator: ",").map(String.init)
                return (fields[1], fields[fields.count - 1])
            }
        }
        try #require(links.count == 16)
        let started = try await twoServers(s11, store: s11.db)
        let servers = started.map(\.process), ports = started.map(\.port)
        defer { for server in servers where server.isRunning { server.terminate() } }

        let session = OfficerSession()
        // Each officer's first page: its questions and the values each may take.
        let first = try #require(URL(string: links[0].link.replacingOccurrences(of: ":8080", with: ":\(ports[0])") + "/s/1"))
        let page = try await session.page(first)
        let questions = OfficerSession.options(in: page)
        #expect(!questions.isEmpty, "the first section shows no choices: \(page.prefix(400))")
        // Ten saves per officer, in turn over both servers; officers at once.
        let saves = 10
        let acknowledged = try await withThrowingTaskGroup(of: (String, [String: String], [Int]).self) { group in
            for (officer, (email, link)) in links.enumerated() {
                group.addTask {
                    var statuses: [Int] = [], last: [String: String] = [:]
                    for save in 0..<saves {
                        let answers = questions.mapValues { values in values[(officer + save) % values.count] }
                        let port = ports[(officer + save) % ports.count]
                        let url = URL(string: link.replacingOccurrences(of: ":8080", with: ":\(port)") + "/s/1")!
                        let status = try await session.save(answers, to: url)
                        statuses.append(status)
                        if status == 200 { last = answers }
                    }
                    return (email, last, statuses)
                }
            }
            return try await group.reduce(into: [(String, [String: String], [Int])]()) { $0.append($1) }
        }
        for server in servers {
            kill(server.processIdentifier, SIGTERM)
            server.waitUntilExit()
        }
        let statuses = acknowledged.flatMap(\.2)
        #expect(statuses.count == links.count * saves)
        #expect(statuses.allSatisfy { $0 == 200 }, "\(Dictionary(grouping: statuses, by: { $0 }).mapValues(\.count))")

        // What the store keeps: one row per officer and question, the last save acknowledged.
        let stored = try await s11.query("""
            SELECT officer.email, answer.questionID, answer.option, COUNT(*) OVER (PARTITION BY answer.officerID, answer.questionID)
            FROM answer JOIN officer ON officer.id = answer.officerID ORDER BY officer.email, answer.questionID
            """)
        #expect(stored.count == links.count * questions.count)
        #expect(stored.allSatisfy { $0.hasSuffix("|1") }, "an answer was stored twice")
        var kept: [String: [String: String]] = [:]
        for line in stored {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            kept[fields[0], default: [:]][fields[1]] = fields[2]
        }
        for (email, last, _) in acknowledged {
            #expect(kept[email] == last, "\(email): the store keeps \(kept[email] ?? [:]), the servers acknowledged \(last) last")
        }
    }
}

/// An officer's browser without cookies kept between requests: each save carries a double-submit CSRF pair.
struct OfficerSession: Sendable {
    static let csrf = String(repeating: "o", count: 43)
    private let session: URLSession

    init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.httpMaximumConnectionsPerHost = 32
        session = URLSession(configuration: configuration)
    }

    /// The page at `url`, as text.
    func page(_ url: URL) async throws -> String {
        let (data, _) = try await session.data(from: url)
        return String(decoding: data, as: UTF8.self)
    }

    /// Saves `answers` (question id to option value) with "Save and come back later"; the status,
    /// or 0 when the page does not say the answers were saved.
    func save(_ answers: [String: String], to url: URL) async throws -> Int {
        var post = URLRequest(url: url)
        post.httpMethod = "POST"
        post.setValue("s11_csrf=\(Self.csrf)", forHTTPHeaderField: "Cookie")
        post.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        let fields = ["csrf=\(Self.csrf)", "action=save"] + answers.sorted { $0.key < $1.key }.map { "option.\($0.key)=\($0.value)" }
        post.httpBody = Data(fields.joined(separator: "&").utf8)
        let (data, response) = try await session.data(for: post)
        guard String(decoding: data, as: UTF8.self).contains("Your answers have been saved") else { return 0 }
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    /// Each radio question on a section page with its values, in the page's order.
    static func options(in page: String) -> [String: [String]] {
        var options: [String: [String]] = [:]
        for match in page.matches(of: #/name="option\.([^"]+)" value="([^"]+)"/#) {
            options[String(match.1), default: []].append(String(match.2))
        }
        return options
    }
}
