/// How one column of a staff survey export was matched, for the person importing it to check
/// before anything is stored.
public struct StaffColumnMatch: Sendable, Hashable {
    /// The column's position, from 1.
    public var column: Int
    /// Its heading (SurveyMonkey's second header row where it names a matrix statement).
    public var heading: String
    /// What it holds: a statement or profile question id, `date`, or `ignore` (s11 drops it,
    /// as it drops every identity column); nil when nothing matched it.
    public var target: String?
}

extension StaffSurveyCSVReader {
    /// What each column of the export whose first lines are `head` would hold, and the statements
    /// and profile questions no column holds. Needs only the header rows.
    public func columnMatches(head: String, file: String) throws(DiagnosticsError) -> (columns: [StaffColumnMatch], missing: [(id: String, text: String)]) {
        let records = Array(try CSVReader(file: file).records(in: head).filter { !$0.isBlank }.prefix(2))
        guard !records.isEmpty else {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: file, line: 1, column: 1), "the file is empty; export the survey's responses as CSV")])
        }
        let (_, targets, _) = columns(records, file: file)
        let layout = Self.layout(records)
        var columns: [StaffColumnMatch] = []
        for (index, target) in targets.enumerated() {
            let heading = headingText(records, column: index, layout: layout)
            let id: String? = switch target {
            case .statement(let statement): statement.id
            case .profile(let choice): choice.id
            case .date: "date"
            case .dropped: self.target(for: heading, layout: layout) == nil ? nil : "ignore"
            }
            columns.append(StaffColumnMatch(column: index + 1, heading: heading, target: id))
        }
        let held = Set(columns.compactMap(\.target))
        let missing = (survey.profile.map { (id: $0.id, text: $0.label) } + survey.statements.map { (id: $0.id, text: $0.text) })
            .filter { !held.contains($0.id) && mapping[$0.id] != "absent" }
        return (columns, missing)
    }
}
