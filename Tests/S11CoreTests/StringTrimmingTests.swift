import Foundation
import Testing
import S11Core

/// Trimming white space in Swift trims exactly what Foundation's `.whitespacesAndNewlines` does.
@Suite struct StringTrimmingTests {
    @Test(arguments: ["", " ", "text", "  text  ", "\t\ntext\r\n", "\u{00A0}non-breaking\u{00A0}", "\u{3000}ideographic\u{2003}",
                      "\u{200B}zero width\u{200B}", "line\u{2028}", "\u{0085}next", " inner  spaces stay ", "é ", " 🙂\u{FE0F} ",
                      "\u{000B}\u{000C}vertical", "a\r\n"])
    func trimsAsFoundationDoes(text: String) {
        #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text[...].trimmingWhitespace() == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

extension StringTrimmingTests {
    /// Every character of the Basic Multilingual Plane is white space to both or to neither.
    @Test func theSameCharactersAreWhiteSpace() {
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            #expect(text.trimmingWhitespace().isEmpty == text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "U+\(String(value, radix: 16))")
        }
    }
}
