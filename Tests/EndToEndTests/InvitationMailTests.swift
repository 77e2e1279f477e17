import Foundation
import S11TestSupport
import Testing

/// Invitations and reminders as e-mail files a council's mail system can send.
@Suite struct InvitationMailTests {
    @Test func invitationsForEveryoneRemindersOnlyForThoseWhoHaveNotSubmitted() async throws {
        let s11 = try S11Binary()
        try await s11.succeed(["audit", "open", "--org", "Riverside District Council", "--year", "2026", "--db", s11.db, "--content", S11Binary.content])
        try await s11.succeed(["officers", "import", S11Binary.example("officers.csv"), "--db", s11.db])
        try await s11.succeed(["invite", "--out", "inv", "--deadline", "2026-12-18", "--contact", "Margaret Okafor, 01234 567890", "--db", s11.db])
        let invitations = try FileManager.default.contentsOfDirectory(atPath: s11.folder.appendingPathComponent("inv").path)
        #expect(invitations.filter { $0.hasSuffix(".eml") }.count == 10)
        #expect(invitations.contains("links.csv"))

        try await s11.succeed(["responses", "import"] + S11Binary.exampleReturns + ["--db", s11.db])
        let reminded = try await s11.succeed(["remind", "--out", "rem", "--db", s11.db])     // the deadline and contact invite was given
        #expect(reminded.stdout.contains("wrote 1 reminder to"))
        let file = s11.folder.appendingPathComponent("rem/samuel.adeyemi_riverside.example.eml").path
        // Python's e-mail parser (not s11) reads it as a well-formed RFC 5322 message.
        let parsed = try await runTool("/usr/bin/env", ["python3", "-c", """
            import email, sys
            from email import policy
            m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=policy.strict)
            body = m.get_content()
            print(m['To'], '|', m['Subject'], '|', m.get_content_type(), '|', '/r/' in body, '|', '18 December 2026' in body, '|', 'Margaret Okafor' in body)
            """, file])
        #expect(parsed.output.hasPrefix("Samuel Adeyemi <samuel.adeyemi@riverside.example> | Reminder: your 2026 safeguarding self-assessment return for Riverside District Council | text/plain | True | True | True"), "\(parsed.output)")
    }
}
