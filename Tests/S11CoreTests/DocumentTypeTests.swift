import Testing
@testable import S11Core

/// A document's kind comes from its own bytes, whatever it is called; its name is cleaned for
/// display; sizes are said as people read them.
@Suite struct DocumentTypeTests {
    @Test func theKindComesFromTheBytesNotTheName() {
        #expect(DocumentType.detect(head: Array("%PDF-1.7\n".utf8)) == .pdf)
        #expect(DocumentType.detect(head: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == .png)
        #expect(DocumentType.detect(head: [0xFF, 0xD8, 0xFF, 0xE0]) == .jpeg)
        #expect(DocumentType.detect(head: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]) == .office97)
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        #expect(DocumentType.detect(head: zip, zipEntries: ["[Content_Types].xml", "word/document.xml"]) == .word)
        #expect(DocumentType.detect(head: zip, zipEntries: ["xl/workbook.xml"]) == .excel)
        #expect(DocumentType.detect(head: zip, zipEntries: ["ppt/presentation.xml"]) == .powerPoint)
        #expect(DocumentType.detect(head: zip + Array("\0\0mimetypeapplication/vnd.oasis.opendocument.text".utf8), zipEntries: ["mimetype", "content.xml"])
                == .openDocument)
        #expect(DocumentType.detect(head: zip, zipEntries: ["payload.exe"]) == nil)                 // any other archive
        #expect(DocumentType.detect(head: Array("organisation,rating\nRiverside,Green\n".utf8)) == .text)
        #expect(DocumentType.detect(head: Array("From: Ann <ann@riverside.example>\nSubject: Minutes\n\nAttached.".utf8)) == .email)
        #expect(DocumentType.detect(head: Array("From the chair: thanks\nto all".utf8)) == .text)
        // Programs, scripts with control characters, and empty files are refused.
        #expect(DocumentType.detect(head: Array("MZ".utf8) + [0x90, 0x00, 0x03]) == nil)
        #expect(DocumentType.detect(head: [0x7F, 0x45, 0x4C, 0x46, 0x02]) == nil)
        #expect(DocumentType.detect(head: []) == nil)
        #expect(DocumentType.detect(head: [0xC3, 0x28, 0x41]) == nil)                              // not UTF-8
        #expect(DocumentType.detect(head: Array("caf".utf8) + [0xC3]) == .text)                     // a character cut off at the end
        #expect(!DocumentType.isText([0x41, 0x00, 0x42]))
    }

    @Test func aNameIsCleanedForDisplay() {
        #expect(DocumentName.clean("C:\\Users\\owen\\policy 2026.pdf") == "policy 2026.pdf")
        #expect(DocumentName.clean("../../etc/passwd") == "passwd")
        #expect(DocumentName.clean("invoice\u{202E}fdp.exe") == "invoicefdp.exe")                  // no right-to-left override
        #expect(DocumentName.clean("minutes\n\tMarch.docx") == "minutes March.docx")
        #expect(DocumentName.clean(".hidden") == "hidden")
        #expect(DocumentName.clean("") == "document" && DocumentName.clean("///") == "document")
        let long = DocumentName.clean(String(repeating: "a", count: 300) + ".pdf")
        #expect(long.count == DocumentName.longest && long.hasSuffix(".pdf"))
    }

    @Test func sizesAreSaidAsPeopleReadThem() {
        #expect(DocumentLimits.words(1) == "1 byte" && DocumentLimits.words(77) == "77 bytes")
        #expect(DocumentLimits.words(830_400) == "830 KB")
        #expect(DocumentLimits.words(20_000_000) == "20 MB" && DocumentLimits.words(1_250_000) == "1.3 MB")
    }
}
