/// How a page shows moments: never as a machine's timestamp ("2026-12-06T03:54:12Z"), always in
/// words ("6 December 2026 at 3:54am").
enum MomentsOnPage {
    /// The ISO 8601 timestamps a page shows (none, on a page made for people).
    static func raw(in body: String) -> [String] {
        body.matches(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?/).map { String($0.output.0) }
    }

    /// Whether the page shows at least one moment in words.
    static func inWords(in body: String) -> Bool {
        body.contains(/\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4} at \d{1,2}(:\d{2})?(am|pm)/)
    }
}
