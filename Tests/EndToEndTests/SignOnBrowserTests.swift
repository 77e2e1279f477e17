import Foundation
import S11TestSupport
import Testing

/// Signing in through the organisation's own accounts, from the command line that sets it up to
/// the browser that uses it (Tests/Browser/sign_on.py, Selenium and Chromium), against a real
/// OpenID Connect provider on loopback.
@Suite(.serialized, .needs(.chromium, .chromedriver, .selenium, .oidcProvider))
struct SignOnBrowserTests {
    @Test func aLeadSignsInThroughTheProviderAndASpoiledTokenIsRefusedWithAPage() async throws {
        let s11 = try S11Binary()
        let (_, store) = try await s11.example()
        let email = "lead@riverside.example"
        let created = try await s11.run(["admin", "create", "--email", email, "--org", "Riverside District Council", "--db", store],
                                        input: "correct horse battery staple\n")
        #expect(created.status == 0, "\(created.stderr)")
        let provider = try OpenIDProvider()
        defer { provider.stop() }
        let secret = s11.folder.appendingPathComponent("client-secret")
        try "a client secret\n".write(to: secret, atomically: true, encoding: .utf8)
        let add = ["admin", "sign-on", "add", "riverside", "--label", "Riverside's Microsoft account", "--client-id", "s11",
                   "--client-secret-file", secret.path, "--domains", "riverside.example", "--org", "Riverside District Council", "--db", store]

        // A provider that could not work is refused, saying what to change, and nothing is kept.
        let plain = try await s11.run(add + ["--issuer", "http://login.example.org"])
        #expect(plain.status != 0 && plain.stderr.contains("must be an https:// address"), "\(plain.stderr)")
        #expect(try await s11.run(["admin", "sign-on", "list", "--db", store]).stdout.contains("no provider"))

        let added = try await s11.run(add + ["--issuer", provider.issuer])
        #expect(added.status == 0 && added.stdout.contains("signs in Riverside District Council's coordinators"), "\(added.stderr)")
        #expect(try await s11.run(["admin", "sign-on", "list", "--db", store]).stdout.contains("riverside: Riverside's Microsoft account, \(provider.issuer), client s11"))

        let port = freeLoopbackPort()
        let base = "http://127.0.0.1:\(port)"
        let (server, _, printed) = try await ServeTests().startServer(s11, port: port, db: store, extra: ["--base-url", base])
        defer { server.terminate() }
        #expect(printed.contains("they may also sign in through Riverside's Microsoft account"))
        let out = s11.folder.appendingPathComponent("sign-on")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let script = S11Binary.packageRoot.appendingPathComponent("Tests/Browser/sign_on.py").path
        let axe = ExternalTool.available(.axe) ? [ExternalTool.axePath] : []
        let run = try await runTool("/usr/bin/env", ["python3", script, base, provider.issuer, email, out.path] + axe)
        #expect(run.status == 0 && run.output.contains("OK"), "\(run.output)")
        if !axe.isEmpty { #expect(run.output.contains("accessible: 2 pages"), "\(run.output)") }
    }
}
