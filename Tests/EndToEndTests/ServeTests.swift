import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `s11 serve` as a council runs it: it prints where it is, serves an officer's link, and stops
/// cleanly on SIGTERM.
@Suite struct ServeTests {
    @Test func serveAnswersALinkAndStopsCleanly() async throws {
        let s11 = try S11Binary()
        let example = try s11.succeed(["example", "--out", "ex", "--content", S11Binary.content])
        let link = try #require(example.stdout.split(separator: "\n").first { $0.contains("/r/") }?.split(separator: " ").last)
        let port = Int.random(in: 20_000...40_000)

        let process = Process()
        process.executableURL = S11Binary.executable
        process.arguments = ["serve", "--db", "ex/s11.sqlite", "--port", String(port)]
        process.currentDirectoryURL = s11.folder
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        var printed = ""
        for _ in 0..<100 where !printed.contains("s11 is serving") {
            try await Task.sleep(for: .milliseconds(100))
            printed += String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        }
        #expect(printed.contains("s11 is serving ex/s11.sqlite at http://127.0.0.1:\(port)/"))

        let url = try #require(URL(string: String(link).replacingOccurrences(of: ":8080", with: ":\(port)")))
        let (data, response) = try await URLSession.shared.data(from: url)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self).contains("<legend>"))

        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        printed += String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(printed.contains("s11 stopped"))
    }
}
