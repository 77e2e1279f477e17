/// A document a return file names for one answer (`<document file="…"/>` in the XML, the
/// `documents` column in the CSV): the path as written, relative to the return's own folder (or
/// its folder inside a ZIP), and where it is named, for error messages.
public struct NamedDocument: Sendable, Hashable {
    public var questionID: String
    public var path: String
    public var location: SourceLocation?

    public init(questionID: String, path: String, location: SourceLocation? = nil) {
        self.questionID = questionID
        self.path = path
        self.location = location
    }

    /// Why `path` cannot name a file beside the return, or nil when it can: it must be relative,
    /// in `/`-separated parts, none of them `..` (a return names files in its own folder only).
    public var pathProblem: String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if path.isEmpty { return "a document is named with no file" }
        if path.hasPrefix("/") || path.contains("\\") || path.contains(":") {
            return "the document '\(path)' is not a path relative to the return; name it from the return's folder, for example evidence/policy.pdf"
        }
        if parts.contains(where: { $0 == ".." || $0.isEmpty || $0 == "." }) {
            return "the document '\(path)' leaves the return's folder or has an empty part; name a file in the return's folder or below it, for example evidence/policy.pdf"
        }
        if path.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "the document's name has a control character in it"
        }
        return nil
    }
}
