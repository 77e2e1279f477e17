import Foundation
import S11Core
import S11Store
import S11App
import S11XML

/// Benchmarks of the scale issue, on deterministic synthetic data (release build):
///
///     swift run -c release s11-bench council|county|national [--phases audit,staff,round] [--staff-responses N] [--db URL]
///
/// `--staff-responses N` changes the size of the staff survey, to show how its cost grows.
/// `--db URL` runs on that store (an empty one: a new `schema=` on a PostgreSQL server) instead
/// of a new SQLite file.
///
/// Prints wall time, throughput and peak memory (VmHWM) after each phase.
@main
struct Benchmark {
    static func main() async throws {
        try await run()
    }

    /// The benchmark itself, off the main actor, as the store's other callers are.
    nonisolated static func run() async throws {
        let arguments = CommandLine.arguments.dropFirst()
        guard let sizeName = arguments.first, let size = SyntheticAudit.Size(rawValue: sizeName) else {
            print("usage: s11-bench council|county|national [--phases audit,staff,round] [--staff-responses N] [--db URL]")
            exit(2)
        }
        func option(_ name: String) -> String? { arguments.drop { $0 != name }.dropFirst().first }
        let staffResponses = option("--staff-responses").flatMap { Int($0) } ?? size.staffResponses
        let phases = arguments.drop { $0 != "--phases" }.dropFirst().first?.split(separator: ",").map(String.init) ?? ["audit", "staff"]
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let loaded = ContentLoader(root: root).load()
        let content = try loaded.library.auditContent()
        let files = loaded.files.map { (kind: $0.kind.rawValue, path: $0.path, data: $0.data) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("s11-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try await AuditStore(database: option("--db") ?? folder.appendingPathComponent("bench.sqlite").path)
        let app = S11App(store: store)
        var generator = SyntheticAudit(content: content)
        print("size \(size.rawValue): \(size.organisations) organisations x \(size.officersPerOrganisation) officers, \(staffResponses) staff responses")

        if phases.contains("audit") {
            var audits: [AuditRecord] = []
            try await measure("setup: open audits, import officers and returns", items: size.organisations * size.officersPerOrganisation, unit: "returns") {
                for index in 0..<size.organisations {
                    let audit = try await store.audits.open(organisation: "Organisation \(index)", year: 2026, files: files)
                    let officers = generator.officers(organisation: index, count: size.officersPerOrganisation)
                    _ = try await store.officers.import(officers, auditID: audit.id)
                    let returns = officers.map { generator.completeReturn(for: $0, organisation: audit.organisation, year: 2026) }
                    try await store.returns.save(returns, auditID: audit.id) { ReturnRules(content: content).status(answers: $1, officer: $0) }
                    audits.append(audit)
                }
            }
            // One organisation at a time, as s11 works: score, draft, export; each step's time adds
            // to its phase, and nothing is kept between organisations.
            let clock = ContinuousClock()
            var spent = (score: Duration.zero, draft: Duration.zero, export: Duration.zero)
            var bytes = 0
            for audit in audits {
                let scoring = try await app.session(audit).scoring          // its pinned content parsed before the clock starts
                var mark = clock.now
                let card = try await scoring.scorecard()
                let gaps = try await scoring.gaps(in: card)
                spent.score += clock.now - mark
                mark = clock.now
                let officers = try await store.officers.all(auditID: audit.id)
                let plan = PlanDrafter(content: content).draft(
                    card: card, gaps: gaps, officers: officers,
                    options: .init(start: CalendarDate(iso: "2027-01-01")!, today: CalendarDate(iso: "2026-11-24")!))
                try await store.plans.save(plan, replace: true)
                spent.draft += clock.now - mark
                mark = clock.now
                bytes += try PlanXML().write(plan).count
                spent.export += clock.now - mark
            }
            report("score every organisation", seconds: seconds(spent.score), items: audits.count, unit: "organisations")
            report("draft every plan", seconds: seconds(spent.draft), items: audits.count, unit: "plans")
            report("export and validate every board XML", seconds: seconds(spent.export), items: audits.count, unit: "plans")
            let together = spent.score + spent.draft + spent.export
            print(String(format: "  score + draft + export, together: %.2f s (%d KiB of board XML)",
                         seconds(together), bytes / 1024))
        }

        if phases.contains("round") {
            // The board's round over every organisation of the size, each submitted to the board;
            // then what the round's page computes (where each stands, the heatmap, the themes).
            let members = (0..<size.organisations).map { index in
                RoundMember(organisation: "Member \(index)", sector: ["Local authority", "NHS trust", "Police", "School", "Voluntary sector"][index % 5],
                            leadName: "Lead \(index)", leadEmail: "lead\(index)@member\(index).example")
            }
            let rounds = app.rounds
            var roundID: Int64 = 0
            try await measure("setup: open the round, import officers and returns, submit each to the board", items: size.organisations, unit: "organisations") {
                let opened = try await store.rounds.open(board: "Bench Safeguarding Partnership", year: 2027, deadline: CalendarDate(iso: "2027-03-31")!,
                                                       files: files, members: members, openedBy: "s11-bench")
                roundID = opened.round.id
                for (index, member) in members.enumerated() {
                    let audit = try await store.audits.named(organisation: member.organisation, year: 2027)
                    let officers = generator.officers(organisation: index, count: size.officersPerOrganisation)
                    _ = try await store.officers.import(officers, auditID: audit.id)
                    let returns = officers.map { generator.completeReturn(for: $0, organisation: audit.organisation, year: 2027) }
                    try await store.returns.save(returns, auditID: audit.id) { ReturnRules(content: content).status(answers: $1, officer: $0) }
                    try await rounds.submit(auditID: audit.id, by: member.leadName, declaration: BoardRounds.standardDeclaration)
                }
            }
            var times: [Double] = []
            for _ in 0..<7 {
                let clock = ContinuousClock()
                let started = clock.now
                let overview = try await rounds.overview(roundID: roundID, today: CalendarDate(iso: "2027-02-01")!)
                let dashboard = try await rounds.dashboard(overview, sector: nil, filter: RoundFilter(), order: .worstFirst) { 0..<min($0, 100) }
                let members = try await rounds.members(overview, sector: nil, filter: RoundFilter(), admitted: nil) { 0..<min($0, 100) }
                precondition(dashboard?.held == size.organisations && dashboard?.heatmap.count == min(size.organisations, 100)
                             && members.total == size.organisations && overview.total == size.organisations)
                times.append(seconds(clock.now - started))
            }
            print(String(format: "  the round's page data (stages, the heatmap's and the list's first hundred, spreads, themes) for %d organisations: median %.3f s of 7, peak RSS %@",
                         size.organisations, times.sorted()[3], peakRSS()))
            var xmlTimes: [Double] = []
            var xmlBytes = 0
            for _ in 0..<3 {
                let clock = ContinuousClock()
                let started = clock.now
                xmlBytes = try await rounds.xml(try await rounds.progress(roundID: roundID, today: CalendarDate(iso: "2027-02-01")!)).count
                xmlTimes.append(seconds(clock.now - started))
            }
            print(String(format: "  the round as XML, validated against round.xsd (%d KiB): median %.2f s of 3, peak RSS %@",
                         xmlBytes / 1024, xmlTimes.sorted()[1], peakRSS()))
            if let keep = option("--db") { print("  round \(roundID) kept in \(keep)") }
        }

        if phases.contains("staff") {
            let csv = folder.appendingPathComponent("staff.csv")
            _ = FileManager.default.createFile(atPath: csv.path, contents: nil)
            let handle = try FileHandle(forWritingTo: csv)
            var buffer = ""
            generator.staffCSV(responses: staffResponses) { line in
                buffer += line
                if buffer.utf8.count > 1 << 20 { handle.write(Data(buffer.utf8)); buffer = "" }
            }
            handle.write(Data(buffer.utf8))
            try handle.close()
            let megabytes = Double((try FileManager.default.attributesOfItem(atPath: csv.path)[.size] as? Int) ?? 0) / 1_048_576
            print(String(format: "  staff CSV: %.1f MiB", megabytes))
            let audit = try await store.audits.open(organisation: "Staff survey", year: 2026, files: files)
            let session = try await app.session(audit)
            let clock = ContinuousClock()
            let started = clock.now
            try await measure("import the staff CSV (read, check, store in one transaction)", items: staffResponses, unit: "responses") {
                let reader = StaffSurveyCSVReader(survey: content.staffSurvey!, scales: content.scales)
                _ = try await store.staff.importCSV(files: [csv.path], reader: reader, auditID: audit.id, importedBy: "s11-bench")
            }
            try await measure("score the staff survey from the store", items: staffResponses, unit: "responses") {
                _ = try await session.staffResults()
            }
            print(String(format: "  import + score, together: %.2f s", seconds(clock.now - started)))
        }
    }

    static func measure(_ name: String, items: Int, unit: String, _ body: () async throws -> Void) async throws {
        let clock = ContinuousClock()
        let started = clock.now
        try await body()
        report(name, seconds: seconds(clock.now - started), items: items, unit: unit)
    }

    static func report(_ name: String, seconds elapsed: Double, items: Int, unit: String) {
        print(String(format: "  %@: %.2f s, %.0f %@/s, peak RSS %@", name, elapsed, Double(items) / max(elapsed, 1e-9), unit, peakRSS()))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The process's peak resident memory so far (VmHWM), from /proc.
    static func peakRSS() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return "?" }
        let kilobytes = Double(line.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0)
        return String(format: "%.0f MiB", kilobytes / 1024)
    }
}
