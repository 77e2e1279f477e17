import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import S11TestSupport
import Testing

/// Invitations and reminders delivered for real: s11 hands each message to msmtp, which speaks
/// SMTP to a real server on loopback (Python's aiosmtpd); the received messages are read back
/// with Python's own e-mail parser, and the link in one opens the officer's return.
@Suite(.serialized, .needs(.msmtp, .aiosmtpd)) struct MailDeliveryTests {
    /// msmtp's settings for a relay at `port` on loopback, in the test's folder.
    func msmtpSettings(_ s11: S11Binary, port: Int) throws -> String {
        try SMTPServer.msmtpCommand(port: port, folder: s11.folder)
    }

    @Test func aReminderReachesTheServerAndItsLinkOpensTheReturn() async throws {
        let s11 = try S11Binary()
        let (_, store) = try await s11.example()
        let smtp = try SMTPServer()
        defer { smtp.stop() }
        let sendmail = try msmtpSettings(s11, port: smtp.port)
        let port = freeLoopbackPort()
        let base = "http://127.0.0.1:\(port)"
        // The example wrote every invitation as a file, so none is due by mail.
        let invited = try await s11.succeed(["invite", "--send", "--sendmail", sendmail, "--base-url", base, "--db", store])
        #expect(invited.stdout.contains("every officer has been sent an invitation"))
        let reminded = try await s11.succeed(["remind", "--send", "--sendmail", sendmail, "--base-url", base,
                                        "--mail-from", "Riverside safeguarding <safeguarding@riverside.example>", "--db", store])
        #expect(reminded.stdout.contains("handed 1 message to the mail program: 1 accepted, 0 refused"), "\(reminded.stdout)")
        let messages = try await smtp.received()
        #expect(messages.count == 1)
        let message = try #require(messages.first)
        #expect(message["to"] == "Samuel Adeyemi <samuel.adeyemi@riverside.example>")
        #expect(message["from"] == "Riverside safeguarding <safeguarding@riverside.example>")
        #expect(message["subject"] == "Reminder: your 2026 safeguarding self-assessment return for Riverside District Council")
        let link = try #require(message["body"]?.split(separator: "\n").first { $0.hasPrefix("\(base)/r/") })
        let status = try await s11.succeed(["invite", "--status", "--db", store]).stdout
        #expect(status.contains("samuel.adeyemi@riverside.example") && status.contains("reminder") && status.contains("accepted"))
        // The link in the received message opens Samuel's return.
        let (server, _, _) = try await ServeTests().startServer(s11, port: port, db: store)
        defer { if server.isRunning { server.terminate() } }
        let (page, response) = try await URLSession.shared.data(from: try #require(URL(string: String(link))))
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: page, as: UTF8.self).contains("Riverside District Council"))
    }

    @Test func aRefusedMessageIsRecordedShownAndSentAgain() async throws {
        let s11 = try S11Binary()
        let (_, store) = try await s11.example()
        let smtp = try SMTPServer()
        defer { smtp.stop() }
        // Nothing listens one port below the server's (it took a free one): the relay is down.
        let closed = try msmtpSettings(s11, port: 1)
        let refused = try await s11.run(["remind", "--send", "--sendmail", closed, "--db", store])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("error: samuel.adeyemi@riverside.example: 'msmtp' refused it"), "\(refused.stderr)")
        #expect(refused.stderr.contains("not sent; fix the mail program's settings"))
        #expect(try await s11.succeed(["invite", "--status", "--db", store]).stdout.contains("FAILED"))
        // With the relay back, the officer whose message failed is sent a new link.
        let working = try msmtpSettings(s11, port: smtp.port)
        let again = try await s11.succeed(["invite", "--send", "--officer", "samuel.adeyemi@riverside.example", "--sendmail", working, "--db", store])
        #expect(again.stdout.contains("1 accepted"))
        #expect(try await smtp.received().map { $0["to"] ?? "" } == ["Samuel Adeyemi <samuel.adeyemi@riverside.example>"])
        // A mail program that is not there is said plainly, and nothing is recorded as sent.
        let missing = try await s11.run(["remind", "--send", "--sendmail", "no-such-mailer -t", "--db", store])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("'no-such-mailer' refused it") || missing.stderr.contains("could not start 'no-such-mailer'"))
    }

    @Test func sendingWithoutAMailProgramOrTwoWaysAtOnceIsRefused() async throws {
        let s11 = try S11Binary()
        let (_, store) = try await s11.example()
        let none = try await s11.run(["remind", "--send", "--db", store])
        #expect(none.status == 1 && none.stderr.contains("--send needs the mail program: give --sendmail \"msmtp -t\""))
        let both = try await s11.run(["invite", "--send", "--out", "x", "--sendmail", "msmtp -t", "--db", store])
        #expect(both.status != 0 && both.stderr.contains("--send and --out are two ways to deliver; choose one"))
        let lone = try await s11.run(["invite", "--officer", "samuel.adeyemi@riverside.example", "--db", store])
        #expect(lone.status != 0 && lone.stderr.contains("--officer chooses whom --send sends to; add --send"))
        let neither = try await s11.run(["remind", "--db", store])
        #expect(neither.status != 0 && neither.stderr.contains("say which reminders go, and how"))
        let unclosed = try await s11.run(["remind", "--send", "--sendmail", "\"msmtp -t", "--db", store])
        #expect(unclosed.status == 1 && unclosed.stderr.contains("names no program (an unclosed quote?)"))
        #expect(try await s11.query("SELECT COUNT(*) FROM mailMessage WHERE detail NOT LIKE 'written to %'", in: store) == ["0"])   // nothing sent
    }

    @Test func remindDueSendsNothingBeforeItsDayAndSaysWhenTheNextGoes() async throws {
        let s11 = try S11Binary()
        let (_, store) = try await s11.example()
        let smtp = try SMTPServer()
        defer { smtp.stop() }
        let sendmail = try msmtpSettings(s11, port: smtp.port)
        // Due Tuesday 31 March 2099: the first reminder goes 14 days before.
        _ = try await s11.succeed(["invite", "--out", s11.folder.appendingPathComponent("again").path, "--deadline", "2099-03-31", "--db", store])
        let early = try await s11.succeed(["remind", "--due", "--sendmail", sendmail, "--db", store])
        #expect(early.stdout.contains("no reminder is due now; the next goes on Tuesday 17 March 2099 at 9am"), "\(early.stdout)")
        #expect(try smtp.count() == 0)
        // It needs the mail program, and is not a second way to send --send's reminders.
        let none = try await s11.run(["remind", "--due", "--db", store])
        #expect(none.status == 1 && none.stderr.contains("--due needs the mail program"))
        let both = try await s11.run(["remind", "--due", "--send", "--sendmail", sendmail, "--db", store])
        #expect(both.status != 0 && both.stderr.contains("say which reminders go, and how"))
        // A list of bank holidays that is not one is refused, naming the line, and nothing goes.
        let content = s11.folder.appendingPathComponent("holidays")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try "# ours\n2099-02-30 Founders' Day\n".write(to: content.appendingPathComponent("bank-holidays.txt"), atomically: true, encoding: .utf8)
        let wrong = try await s11.run(["remind", "--due", "--content", content.path, "--sendmail", sendmail, "--db", store])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("bank-holidays.txt:2:1: error: '2099-02-30' is not a date"), "\(wrong.stderr)")
        #expect(try smtp.count() == 0)
    }
}
