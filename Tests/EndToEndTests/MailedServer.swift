import Foundation
import S11TestSupport
import Testing

/// `s11 serve` running on a test's store for a browser test: a coordinator account made first
/// (`account`: `--org NAME` or `--board NAME`), mail handed through msmtp to a real SMTP server on
/// loopback, and a folder for the browser's downloads. `stop()` ends the server and the SMTP server.
struct MailedServer {
    static let password = "correct horse battery staple"

    let base: String
    let smtp: SMTPServer
    let server: Process
    let downloads: URL

    init(_ s11: S11Binary, email: String, account: [String], content: String) async throws {
        let created = try await s11.run(["admin", "create", "--email", email, "--db", s11.db] + account, input: Self.password + "\n")
        #expect(created.status == 0, "\(created.stderr)")
        smtp = try SMTPServer()
        let sendmail = try MailDeliveryTests().msmtpSettings(s11, port: smtp.port)
        let port = freeLoopbackPort()
        base = "http://127.0.0.1:\(port)"
        (server, _, _) = try await ServeTests().startServer(s11, port: port, db: s11.db,
                                                            extra: ["--sendmail", sendmail, "--content", content, "--base-url", base])
        downloads = s11.folder.appendingPathComponent("downloads")
        try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
    }

    func stop() {
        if server.isRunning { server.terminate() }
        smtp.stop()
    }
}
