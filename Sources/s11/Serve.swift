import ArgumentParser
import Foundation
import Hummingbird
import ServiceLifecycle
import S11Core
import S11App
import S11Mail
import S11Scan
import S11SignOn
import S11Web

/// `s11 serve`: the web pages officers and staff answer in, on the same store.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve",
        abstract: "Serve the officers' returns and the staff survey in the browser, on the same database.",
        discussion: "Officers' links come from 's11 invite', the staff survey's from 's11 invite --staff'. Stop with Ctrl-C: requests in flight finish first.")

    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on.") var port = 8080
    @Option(help: "Where officers reach this server, for the links in reminders; default http://HOST:PORT.") var baseURL: String?
    @Option(help: "The folder invitations and reminders are written to when no mail program is set up (--sendmail), for your mail system to send.")
    var mailDir = "s11-mail"
    @Option(help: "Seconds a client has to send a request's headers (and again its body) before the connection is closed.")
    var readTimeout = 10
    @Option(help: "Minutes a coordinator's session lasts unused before they must sign in again (a form they post after it is kept for them).")
    var idleMinutes = 30
    @Option(help: "The council's time zone, in which pages show dates and times (an IANA name such as Europe/London).")
    var timeZone = "Europe/London"
    @Flag(help: "Build the shipped example council (in ./s11-example, afresh), add a coordinator with a new password, and serve it.")
    var example = false
    @OptionGroup var scannerOptions: ScannerOptions
    @OptionGroup var mailOptions: MailOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var contentOptions: ContentOptions

    func run() async throws {
        let database = await example ? try prepareExample() : storeOptions.db
        let delivery: SendmailProgram?
        let zone: TimeZone
        let scanner: ClamdScanner?
        do {
            delivery = try mailOptions.program()
            zone = try councilTimeZone(timeZone)
            guard (1...24 * 60).contains(idleMinutes) else { throw CLIError("--idle-minutes must be from 1 to 1440 (a day); NCSC's guidance suits 15 to 30") }
            scanner = try scannerOptions.scanner()
        } catch let error as CLIError {
            printError("error: \(error.message)")
            throw ExitCode(1)
        }
        let contentRoot = try? contentOptions.root()
        let s11: S11App
        do {
            let settings = AppSettings(baseURL: baseURL ?? "http://\(host):\(port)", mailFrom: mailOptions.from, delivery: delivery,
                                       mailFolder: mailDir, contentRoot: contentRoot, moments: MomentWords(timeZone: zone),
                                       workingDays: try BankHolidays.load(contentRoot: contentRoot), identityProviders: OpenIDConnectClient(),
                                       sessionIdle: TimeInterval(idleMinutes * 60), scanner: scanner, acceptsUnscannedDocuments: scannerOptions.noScan)
            s11 = try await S11App.open(database: database, settings: settings)
        } catch let error as any UserFacingError {
            printError("error: \(error.message)")
            throw ExitCode(1)
        } catch let error as DiagnosticsError {
            printError(error.description)
            throw ExitCode(1)
        }
        let app = try await WebApp(app: s11)
            .application(host: host, port: port, readTimeout: .seconds(Int64(max(1, readTimeout)))) { port in
            let audits = await (try? s11.audits.all()) ?? []
            say("s11 is serving \(S11App.displayName(database)) at http://\(host):\(port)/ (\(Counted(audits.count, "audit")))")
            say("coordinators sign in at http://\(host):\(port)/admin (add one with 's11 admin create --email E --org NAME')")
            let providers = await (try? s11.signOn.providers()) ?? []
            if !providers.isEmpty { say("they may also sign in through \(providers.map(\.label).joined(separator: ", ")) ('s11 admin sign-on list')") }
            say(delivery.map { "invitations and reminders go to the mail program '\($0.arguments.joined(separator: " "))'; scheduled reminders go as they fall due" }
                ?? "no mail program (--sendmail): invitations and reminders are written as .eml files into \(mailDir)/, and none goes on a schedule")
            say(scanner.map { "evidence documents are scanned by \($0.words) before they are kept" }
                ?? (scannerOptions.noScan ? "--no-scan: evidence documents are kept WITHOUT a virus scan"
                    : "no virus scanner (--clamd-socket): officers cannot attach evidence documents until there is one"))
            say("officers use the links from 's11 invite'; staff the link from 's11 invite --staff'. Ctrl-C stops it.")
        }
        var services: [any Service] = [app]
        if let delivery {
            services.append(ReminderSender(app: s11, delivery: delivery, clock: ContinuousClock(), report: { say($0) }))
        }
        // Stopping, the sender stops first (the last service), then the server finishes its requests.
        try await ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: app.logger)).run()
        say("s11 stopped; every answer it acknowledged is stored")
    }
}

extension Serve {
    /// Builds the example council and a coordinator to sign in as; returns the database path.
    private func prepareExample() async throws -> String {
        var path = ""
        try await reportingFailures {
            let base = baseURL ?? "http://\(host):\(port)"
            let built = try await Example.build(out: "s11-example", db: nil, root: try contentOptions.root(), baseURL: base)
            fflush(nil)                                   // the steps first, even into a pipe
            let password = Self.newPassword()
            try await S11App.open(database: built.database).accounts.save(email: "coordinator@riverside.example", password: password,
                                                                          organisation: Example.organisation, board: nil)
            say("\nReady to use:")
            say("  coordinator: \(base)/admin  sign in as coordinator@riverside.example, password \(password)")
            if let (name, link) = built.waiting { say("  \(name), who has not returned yet: \(link)") }
            say("  the staff survey: \(built.staffLink)\n")
            path = built.database
        }
        return path
    }
}

extension Serve {
    /// 20 characters from an alphabet without look-alikes, from the system's secure generator.
    static func newPassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet.randomElement(using: &generator)! })
    }
}

/// Writes a line to standard output at once (print's buffer would hold it back in a pipe).
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
