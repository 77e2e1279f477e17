import Foundation
import S11TestSupport
import S11Core
import S11XML
import Testing
import ZIPFoundation
@testable import S11Reports

@Suite struct PlanWordDocumentTests {
    func parts(_ data: Data) throws -> [String: Data] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = bytes
        }
        return parts
    }

    @Test func thePackageHasItsPartsAndALandscapeWellFormedDocument() throws {
        let docx = try PlanWordDocument().write(ReportFixtures.plan)
        let parts = try parts(docx)
        #expect(Set(parts.keys) == ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                                   "word/_rels/document.xml.rels"])
        let document = try #require(parts["word/document.xml"])
        _ = try XMLDocument(data: document, file: "document.xml")                 // well-formed, or this throws
        let text = String(decoding: document, as: UTF8.self)
        #expect(text.contains("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"))
        #expect(text.contains("<w:tblHeader/>"))                                   // the header row repeats on each page
        #expect(text.contains("w:fill=\"FF0000\""))                                 // Red status shaded
        #expect(text.contains("&lt;script&gt;"))
        #expect(!text.contains("<script"))
    }

    @Test func theSamePlanGivesTheSameBytes() throws {
        #expect(try PlanWordDocument().write(ReportFixtures.plan) == PlanWordDocument().write(ReportFixtures.plan))
    }

    /// The proof that Word-compatible software opens it: LibreOffice converts it to PDF, and the
    /// PDF's text has the plan in it.
    @Test(.needs(.libreoffice, .pdftotext)) func libreOfficeOpensItAndThePDFHasThePlan() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("s11-docx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let docx = folder.appendingPathComponent("plan.docx")
        try PlanWordDocument().write(ReportFixtures.plan).write(to: docx)
        let squeezed = try await printedText(ofWord: docx, in: folder)
        #expect(squeezed.contains("Testshire & District Council"))
        #expect(squeezed.contains("Document control"))
        #expect(squeezed.contains("Appoint a named lead"))
        #expect(squeezed.contains("Completed actions from the previous plan"))
        #expect(squeezed.contains("Areas to keep under review"))
        #expect(squeezed.contains("Refresher training"))
    }
}
