import Foundation
import Testing
import S11TestSupport

/// Bad input is refused with a clear line per problem, a non-zero exit, and nothing stored.
@Suite struct RefusalTests {
    let org = "Riverside District Council"
    let diagnosticLine = #/^.+:\d+:\d+: error: .+$/#

    func openedAudit() async throws -> S11Binary {
        let s11 = try S11Binary()
        try await s11.succeed(["audit", "open", "--org", org, "--year", "2026", "--db", s11.db, "--content", S11Binary.content])
        return s11
    }

    func firstOfficerEmail() throws -> String {
        let text = try String(contentsOfFile: S11Binary.example("officers.csv"), encoding: .utf8)
        let row = try #require(text.split(separator: "\n").dropFirst().first)
        return String(row.split(separator: ",")[1]).trimmingCharacters(in: .whitespaces)
    }

    @Test func checkPassesOnShippedContent() async throws {
        let result = try await S11Binary().run(["check"], in: S11Binary.packageRoot)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("ok: "))
    }

    @Test func checkReportsABrokenCopyWithFileLineAndColumn() async throws {
        let s11 = try S11Binary()
        for name in ["Standards", "Surveys"] {
            try FileManager.default.copyItem(at: S11Binary.packageRoot.appendingPathComponent(name), to: s11.folder.appendingPathComponent(name))
        }
        let survey = s11.folder.appendingPathComponent("Surveys/self-assessment.xml")
        var text = try String(contentsOf: survey, encoding: .utf8)
        text = text.replacingOccurrences(of: "requirement=\"S1.1\"", with: "requirement=\"S1.404\"")
        try text.write(to: survey, atomically: true, encoding: .utf8)
        let result = try await s11.run(["check"])
        #expect(result.status == 1)
        #expect(!result.errorLines.isEmpty)
        for line in result.errorLines { #expect(line.wholeMatch(of: diagnosticLine) != nil, "\(line)") }
        #expect(result.stderr.contains("Surveys/self-assessment.xml:"))
        #expect(result.stderr.contains("S1.404"))
    }

    @Test func aBadOfficerFileIsRefusedWholeWithRowNumbers() async throws {
        let s11 = try await openedAudit()
        let csv = """
        name,email,role,service_area
        Good Person,good@example.org,dso,Housing
        ,nobody@example.org,dso,Housing
        Bad Email,not-an-address,dso,Housing
        Wrong Role,wrong@example.org,wizard,Housing

        """
        let file = try s11.write(csv, to: "officers.csv")
        let result = try await s11.run(["officers", "import", file, "--db", s11.db])
        #expect(result.status == 1)
        #expect(result.stderr.contains("officers.csv:3:1: error: row 3: the name is empty"))
        #expect(result.stderr.contains("row 4: 'not-an-address' is not an e-mail address"))
        #expect(result.stderr.contains("row 5: unknown role 'wizard'"))
        for line in result.errorLines { #expect(line.wholeMatch(of: diagnosticLine) != nil, "\(line)") }
        let status = try await s11.succeed(["audit", "status", "--db", s11.db])
        #expect(status.stdout.contains("0 of 0 officers"))
    }

    @Test func aHeaderWithoutRequiredColumnsIsRefused() async throws {
        let s11 = try await openedAudit()
        let file = try s11.write("name,mail\nA,a@example.org\n", to: "officers.csv")
        let result = try await s11.run(["officers", "import", file, "--db", s11.db])
        #expect(result.status == 1)
        #expect(result.stderr.contains("officers.csv:1:1: error: the header lacks columns email, role, service_area"))
    }

    func template(_ s11: S11Binary, officer: String) async throws -> String {
        try await s11.succeed(["responses", "template", "--officer", officer, "--out", "t.xml", "--db", s11.db])
        return try String(contentsOf: s11.folder.appendingPathComponent("t.xml"), encoding: .utf8)
    }

    @Test func returnsWithProblemsAreRefusedAndNothingIsStored() async throws {
        let s11 = try await openedAudit()
        try await s11.succeed(["officers", "import", S11Binary.example("officers.csv"), "--db", s11.db])
        let email = try firstOfficerEmail()
        let blank = try await template(s11, officer: email)

        let outside = try s11.write(blank.replacingOccurrences(of: "option=\"\"", with: "option=\"brilliant\""), to: "outside.xml")
        var result = try await s11.run(["responses", "import", outside, "--db", s11.db])
        #expect(result.status == 1)
        #expect(result.stderr.contains("'brilliant' is not on the scale"))
        #expect(result.stderr.contains("outside.xml:"))

        let unknownQuestion = try s11.write(blank.replacingOccurrences(of: "option=\"\"", with: "option=\"fully\"")
            .replacingOccurrences(of: "question=\"", with: "question=\"X"), to: "unknown.xml")
        result = try await s11.run(["responses", "import", unknownQuestion, "--db", s11.db])
        #expect(result.status == 1)
        #expect(result.stderr.contains("unknown question 'X"))

        let stranger = try s11.write(blank.replacingOccurrences(of: "officer=\"\(email)\"", with: "officer=\"stranger@example.org\""), to: "stranger.xml")
        result = try await s11.run(["responses", "import", stranger, "--db", s11.db])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no officer with e-mail 'stranger@example.org'"))

        // One bad file among good ones: none of them is stored.
        let good = S11Binary.exampleReturns
        result = try await s11.run(["responses", "import"] + good + [outside, "--db", s11.db])
        #expect(result.status == 1)
        for line in result.errorLines { #expect(line.wholeMatch(of: diagnosticLine) != nil, "\(line)") }
        let status = try await s11.succeed(["audit", "status", "--db", s11.db])
        #expect(status.stdout.contains(": 0 of"))
        #expect(!status.stdout.contains("in progress"))
    }

    @Test func notApplicableNeedsAReason() async throws {
        let s11 = try await openedAudit()
        try await s11.succeed(["officers", "import", S11Binary.example("officers.csv"), "--db", s11.db])
        let email = try firstOfficerEmail()
        let csv = "officer_email,question,option,evidence,example,reason\n\(email),Q1.1,na,,,\n"
        let file = try s11.write(csv, to: "na.csv")
        let result = try await s11.run(["responses", "import", file, "--db", s11.db])
        #expect(result.status == 1)
        #expect(result.stderr.contains("na.csv:2:"))
        #expect(result.stderr.contains("N/A"))
    }

    @Test func aHostileReturnIsRefusedWithoutReadingTheEntity() async throws {
        let s11 = try await openedAudit()
        try await s11.succeed(["officers", "import", S11Binary.example("officers.csv"), "--db", s11.db])
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE return [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <return xmlns="urn:s11:return:1" organisation="\(org)" year="2026" officer="\(try firstOfficerEmail())">
          <answer question="Q1.1" option="fully"><evidence>&x;</evidence></answer>
        </return>
        """
        let file = try s11.write(xml, to: "hostile.xml")
        let result = try await s11.run(["responses", "import", file, "--db", s11.db])
        #expect(result.status == 1)
        #expect(result.stderr.contains("hostile.xml:2:1: error: a DOCTYPE is not allowed"))
        #expect(!result.stderr.contains("root:"))
    }

    @Test func commandsWithoutAnAuditSayWhatToDo() async throws {
        let s11 = try S11Binary()
        let result = try await s11.run(["audit", "status", "--db", s11.db])
        #expect(result.status == 1)
        #expect(result.stderr.contains("s11 audit open"))
    }

    @Test func aCoordinatorWithAWeakPasswordOrNoEmailIsNotAdded() async throws {
        let s11 = try await openedAudit()
        let weak = try await s11.run(["admin", "create", "--email", "lead@riverside.example", "--org", org, "--db", s11.db], input: "short\n")
        #expect(weak.status != 0)
        #expect(weak.stderr.contains("error: the password must be at least 12 characters"))
        let common = try await s11.run(["admin", "create", "--email", "lead@riverside.example", "--org", org, "--db", s11.db], input: "iloveyou1234\n")
        #expect(common.status != 0 && common.stderr.contains("error: that is one of the passwords people use most, which attackers try first"))
        let noEmail = try await s11.run(["admin", "create", "--email", "lead at riverside", "--org", org, "--db", s11.db], input: "correct horse battery staple\n")
        #expect(noEmail.status != 0)
        #expect(noEmail.stderr.contains("error: 'lead at riverside' is not an e-mail address"))
        for scope in [[], ["--org", org, "--board", "Oxfordshire Safeguarding Children Partnership"]] {
            let unscoped = try await s11.run(["admin", "create", "--email", "lead@riverside.example", "--db", s11.db] + scope, input: "correct horse battery staple\n")
            #expect(unscoped.status != 0)
            #expect(unscoped.stderr.contains("error: say whose audits lead@riverside.example may see: --org NAME"), "\(scope)")
        }
        #expect(try await s11.query("SELECT COUNT(*) FROM coordinator") == ["0"])
        // A good one is added, and says where to sign in.
        let good = try await s11.run(["admin", "create", "--email", "lead@riverside.example", "--org", org, "--db", s11.db], input: "correct horse battery staple\n")
        #expect(good.status == 0 && good.stdout.contains("lead@riverside.example can sign in at /admin of 's11 serve' and sees \(org)'s audits"),
                "\(good.stderr)")
    }

    @Test func comparingWithAYearThatWasNeverAuditedSaysWhichYearsThereAre() async throws {
        let s11 = try await openedAudit()
        let result = try await s11.run(["score", "--compare", "1999", "--db", s11.db])
        #expect(result.status != 0)
        #expect(result.stderr.contains("error: no audit for Riverside District Council 1999; there are: Riverside District Council 2026"))
        #expect(result.stdout.isEmpty)
    }

    @Test func aTimeZoneThisMachineDoesNotKnowIsRefusedByServeAndRemind() async throws {
        let s11 = try await openedAudit()
        let serve = try await s11.run(["serve", "--time-zone", "Europe/Oxford", "--port", String(freeLoopbackPort()), "--db", s11.db])
        #expect(serve.status == 1 && serve.stderr.contains("--time-zone: 'Europe/Oxford' is not a time zone this machine knows"))
        let remind = try await s11.run(["remind", "--due", "--time-zone", "Europe/Oxford", "--sendmail", "cat", "--db", s11.db])
        #expect(remind.status == 1 && remind.stderr.contains("--time-zone: 'Europe/Oxford' is not a time zone this machine knows"))
    }

    @Test func anIdleTimeOutsideADayIsRefusedByServe() async throws {
        let s11 = try await openedAudit()
        let serve = try await s11.run(["serve", "--idle-minutes", "0", "--port", String(freeLoopbackPort()), "--db", s11.db])
        #expect(serve.status == 1 && serve.stderr.contains("--idle-minutes must be from 1 to 1440 (a day)"))
    }
}
