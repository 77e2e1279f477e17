import Foundation

/// A CSV file with a header row, its columns found by name.
struct CSVTable {
    let file: String
    let header: CSVReader.Record
    let rows: [CSVReader.Record]
    let columns: [String: Int]

    /// Reads `text` and finds `required` columns (names compared ignoring case, spaces and `_`).
    init(text: String, file: String, required: [String], optional: [String] = []) throws(DiagnosticsError) {
        let records = try CSVReader(file: file).records(in: text)
        guard let header = records.first else {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: file, line: 1, column: 1),
                "the file is empty; the first row must be the header: \(required.joined(separator: ","))")])
        }
        var columns: [String: Int] = [:]
        for (index, field) in header.fields.enumerated() {
            let key = CSVTable.normalise(field.text)
            if columns[key] == nil { columns[key] = index }
        }
        let missing = required.filter { columns[CSVTable.normalise($0)] == nil }
        if !missing.isEmpty {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: file, line: header.line, column: 1),
                "the header lacks column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", ")); it must name \(required.joined(separator: ","))\(optional.isEmpty ? "" : " (and may add \(optional.joined(separator: ",")))")")])
        }
        var problems: [Diagnostic] = []
        for row in records.dropFirst() where row.fields.count != header.fields.count {
            problems.append(Self.fieldCountProblem(file: file, line: row.line, columns: row.fields.map(\.column), expected: header.fields.count))
        }
        if !problems.isEmpty { throw DiagnosticsError(bounding: problems) }
        self.file = file
        self.header = header
        self.rows = Array(records.dropFirst())
        self.columns = columns
    }

    /// A record whose fields start at `columns` refused for not having `expected` of them: at the
    /// first field too many, or at the last one there is.
    static func fieldCountProblem(file: String, line: Int, columns: [Int], expected: Int) -> Diagnostic {
        let column = columns.count > expected ? columns[expected] : (columns.last ?? 1)
        return Diagnostic(SourceLocation(file: file, line: line, column: column), fieldCountMessage(expected: expected, found: columns.count))
    }

    /// Why a record whose field count differs from the header's is refused.
    static func fieldCountMessage(expected: Int, found: Int) -> String {
        "this row has \(Counted(found, "field")) but the header has \(expected); every row needs exactly one field per column (look for a missing or extra comma, or a comma inside an answer that is not in quotes); nothing was imported"
    }

    static func normalise(_ name: String) -> String {
        name.lowercased().filter { !$0.isWhitespace && $0 != "_" && $0 != "-" }
    }

    /// The trimmed value of `column` in `row`, or nil when the column or value is absent.
    func value(_ column: String, in row: CSVReader.Record) -> String? {
        guard let field = field(column, in: row) else { return nil }
        let text = field.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    func field(_ column: String, in row: CSVReader.Record) -> CSVReader.Field? {
        guard let index = columns[CSVTable.normalise(column)], index < row.fields.count else { return nil }
        return row.fields[index]
    }

    /// Where a column's value in `row` is, or the row's start when the field is missing; with the
    /// column as a spreadsheet shows it.
    func location(_ column: String, in row: CSVReader.Record) -> SourceLocation {
        let field = field(column, in: row)
        let named = columns[CSVTable.normalise(column)].map { index in
            "\(Self.letter(index)) (\(index < header.fields.count ? header.fields[index].text.trimmingCharacters(in: .whitespaces) : column))"
        }
        return SourceLocation(file: file, line: field?.line ?? row.line, column: field?.column ?? 1, field: named)
    }

    /// A column's letters as a spreadsheet names them: A to Z, then AA, AB, ...
    static func letter(_ index: Int) -> String {
        var index = index + 1, letters = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            index = (index - 1) / 26
        }
        return letters
    }
}
