import Foundation
import S11Core
import S11XML

/// Reading the files a person hands s11 (returns, officer lists, plans, mapping files): refused
/// unread when larger than any file s11 reads whole, and CSV text only as UTF-8.
public enum InputFiles {
    /// The file's bytes, or one `FILE:1:1` diagnostic.
    public static func data(_ file: String) throws -> Data {
        try InputFile.data(file, maximumBytes: XMLDocument.maximumBytes)
    }

    /// The file's UTF-8 text, or one diagnostic saying how to save it as UTF-8.
    public static func text(_ file: String) throws -> String {
        try CSVText.utf8(data(file), file: file)
    }
}
