import ArgumentParser
import Foundation
import Hummingbird
import S11Store
import S11Web

/// `s11 serve`: the web pages officers and staff answer in, on the same store.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the officers' returns and the staff survey in the browser, on the same database.",
        discussion: "Officers' links come from 's11 invite', the staff survey's from 's11 invite --staff'. Stop with Ctrl-C: requests in flight finish first.")

    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on.") var port = 8080
    @Option(help: "Where officers reach this server, for the links in reminders; default http://HOST:PORT.") var baseURL: String?
    @Option(help: "The folder reminder e-mails are written to, for your mail system to send.") var mailDir = "s11-mail"
    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        let store: AuditStore
        do {
            store = try AuditStore(path: storeOptions.db)
        } catch let error as StoreError {
            printError("error: \(error.message)")
            throw ExitCode(1)
        }
        let app = try await WebApp(store: store, baseURL: baseURL ?? "http://\(host):\(port)", mailFolder: mailDir)
            .application(host: host, port: port) { port in
            let audits = (try? store.audits()) ?? []
            say("s11 is serving \(storeOptions.db) at http://\(host):\(port)/ (\(audits.count) audit\(audits.count == 1 ? "" : "s"))")
            say("coordinators sign in at http://\(host):\(port)/admin (add one with 's11 admin create --email E')")
            say("officers use the links from 's11 invite'; staff the link from 's11 invite --staff'. Ctrl-C stops it.")
        }
        try await app.runService()
        say("s11 stopped; every answer it acknowledged is stored")
    }
}

/// Writes a line to standard output at once (print's buffer would hold it back in a pipe).
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
