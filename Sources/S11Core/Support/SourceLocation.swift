/// Where a value came from in a file a person wrote: used to point error messages at it.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// In a table (CSV), the column a person finds the problem in: its letter as a spreadsheet
    /// shows it and its heading, for example "D (lead_email)"; `column` is the character.
    public var field: String?

    public init(file: String, line: Int, column: Int, field: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// One problem found in a file, printed as `FILE:LINE:COL: error: message`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): error: \(message)" }
}

/// A failure that carries one or more diagnostics; commands print each on its own line.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }

    /// The first `limitPerFile` of `problems` for each file, then a line saying how many more.
    public init(bounding problems: [Diagnostic]) {
        self.init(DiagnosticsError(problems).boundedPerFile)
    }

    /// At most this many problems are listed for one file; the rest are counted.
    public static let limitPerFile = 50

    /// The line that stands for the problems of `file` past the limit.
    public static func more(_ count: Int, in file: String) -> Diagnostic {
        Diagnostic(SourceLocation(file: file, line: 1, column: 1), "and \(count) \(moreText)")
    }

    private static let moreText = "more problems in this file; nothing was imported"

    /// How many problems a line made by `more` stands for.
    private static func moreCount(_ diagnostic: Diagnostic) -> Int? {
        let words = diagnostic.message.split(separator: " ", maxSplits: 2)
        guard words.count == 3, words[0] == "and", words[2] == moreText else { return nil }
        return Int(words[1])
    }

    /// The first `limitPerFile` problems of each file, then one line saying how many more: what a
    /// person is shown, however many problems a file has.
    public var boundedPerFile: [Diagnostic] {
        var shown: [String: Int] = [:]
        var hidden: [String: Int] = [:]
        var lines: [Diagnostic] = []
        var moreAt: [String: Int] = [:]                     // file -> index of its "more" line
        for diagnostic in diagnostics {
            let file = diagnostic.location.file
            if shown[file, default: 0] < Self.limitPerFile, Self.moreCount(diagnostic) == nil {
                shown[file, default: 0] += 1
                lines.append(diagnostic)
                continue
            }
            hidden[file, default: 0] += Self.moreCount(diagnostic) ?? 1
            if let index = moreAt[file] {
                lines[index] = Self.more(hidden[file]!, in: file)
            } else {
                moreAt[file] = lines.count
                lines.append(Self.more(hidden[file]!, in: file))
            }
        }
        return lines
    }
}
