import Foundation
import Testing
@testable import S11XML
import S11Core

/// Every XML s11 reads goes through `XMLDocument`: these inputs must be refused, never followed.
@Suite struct HostileXMLTests {
    func refusal(_ xml: String, file: String = "hostile.xml") -> [Diagnostic] {
        do {
            _ = try XMLDocument(data: Data(xml.utf8), file: file)
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func externalFileEntityIsRefusedAndNotRead() throws {
        let secret = try temporaryFolder().appendingPathComponent("secret.txt")
        try "TOP-SECRET-CONTENT".write(to: secret, atomically: true, encoding: .utf8)
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE plan [ <!ENTITY leak SYSTEM "file://\(secret.path)"> ]>
        <plan xmlns="urn:s11:plan:1">&leak;</plan>
        """
        let problems = refusal(xml)
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("DOCTYPE") == true)
        #expect(problems.first?.location.line == 2)
        #expect(!problems.description.contains("TOP-SECRET"))
    }

    @Test func networkEntityIsRefused() {
        let xml = """
        <!DOCTYPE r [ <!ENTITY remote SYSTEM "http://127.0.0.1:9/evil.xml"> ]>
        <r>&remote;</r>
        """
        let problems = refusal(xml)
        #expect(problems.first?.message.contains("DOCTYPE") == true)
    }

    @Test func billionLaughsIsRefusedQuickly() {
        var entities = "<!ENTITY lol0 \"lol\">"
        for level in 1...9 {
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        let xml = "<?xml version=\"1.0\"?>\n<!-- a comment -->\n  <!DOCTYPE r [\(entities)]><r>&lol9;</r>"
        // s11's own rule, at the DOCTYPE's line and column, and not one of libxml2's messages.
        #expect(refusal(xml, file: "lol.xml").map(\.description)
                == ["lol.xml:3:3: error: a DOCTYPE is not allowed: s11 never declares, expands or fetches entities or external files; remove the <!DOCTYPE ...> declaration"])
        #expect(XMLDocument.doctype(in: Data("<r><![CDATA[<!DOCTYPE x>]]></r>".utf8)) == nil)     // not in the prolog: only text
    }

    @Test func aThousandBrokenTagsPrintFiftyLinesAndACount() {
        let xml = "<r>\n" + String(repeating: "<a b=1/>\n", count: 1000) + "</r>"
        let problems = refusal(xml, file: "many.xml")
        #expect(problems.count <= DiagnosticsError.limitPerFile + 1)
        #expect(problems.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 })
    }

    @Test func notWellFormedPointsAtLineAndColumn() throws {
        let problems = refusal("<a>\n  <b>\n</a>\n", file: "broken.xml")
        let first = try #require(problems.first)
        #expect(first.location.file == "broken.xml")
        #expect(first.location.line == 3)
        #expect(first.location.column > 1)
        #expect(first.description.hasPrefix("broken.xml:3:"))
    }

    @Test func truncatedAndEmptyFilesAreRefused() {
        #expect(!refusal("<plan xmlns=\"urn:s11:plan:1\"><organisation>Ox").isEmpty)
        #expect(refusal("").first?.message == "the file is empty")
    }

    @Test func invalidUTF8IsRefused() {
        var data = Data("<r>".utf8)
        data.append(contentsOf: [0xC3, 0x28])
        data.append(contentsOf: Data("</r>".utf8))
        #expect(throws: DiagnosticsError.self) { try XMLDocument(data: data, file: "bad.xml") }
    }

    @Test func deepNestingIsRefused() {
        let depth = 100_000
        let xml = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        #expect(!refusal(xml).isEmpty)
    }

    @Test func wrongNamespaceIsNamedInTheError() throws {
        let document = try XMLDocument(data: Data("<plan xmlns=\"urn:other\"/>".utf8), file: "p.xml")
        let problems = try SchemaValidator.shared(.plan).problems(in: document)
        #expect(problems.count == 1)
        #expect(problems[0].message.contains("urn:s11:plan:2"))
    }

    @Test func hugeAttributesAndOversizedFilesAreRefusedInBoundedTime() throws {
        let clock = ContinuousClock()
        let started = clock.now
        // An attribute of 12 MB: beyond libxml2's limit on a single value without XML_PARSE_HUGE, which s11 never sets.
        let attribute = "<r a=\"" + String(repeating: "x", count: 12 * 1024 * 1024) + "\"/>"
        #expect(!refusal(attribute).isEmpty)
        // A file over the 64 MiB cap is refused from its size on disk, before a byte is read: a
        // sparse file of 4 GiB is refused, where reading it would take gigabytes of memory.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("s11-big-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("big.xml").path
        _ = FileManager.default.createFile(atPath: path, contents: Data("<r>".utf8))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 4 << 30)
        try handle.close()
        do {
            _ = try XMLDocument(contentsOf: URL(fileURLWithPath: path), displayName: "big.xml")
            Issue.record("a 4 GiB file was read")
        } catch {
            #expect(error.diagnostics.map(\.description)
                    == ["big.xml:1:1: error: the file is 4294967296 bytes; s11 reads files of this kind up to \(XMLDocument.maximumBytes) bytes, so it was not read; check it is the file you meant"])
        }
        #expect(clock.now - started < .seconds(30))
    }
}
