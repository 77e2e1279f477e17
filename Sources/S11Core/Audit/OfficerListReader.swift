import Foundation

/// Reads the named officers of an audit from CSV (name, email, role, service area), refusing
/// the whole file, with every bad row's line, when any row is wrong.
public struct OfficerListReader: Sendable {
    public var survey: Survey

    public init(survey: Survey) { self.survey = survey }

    public static let columns = ["name", "email", "role", "service_area"]

    public func officers(fromCSV text: String, file: String) throws(DiagnosticsError) -> [Officer] {
        let table = try CSVTable(text: text, file: file, required: OfficerListReader.columns)
        var officers: [Officer] = []
        var problems: [Diagnostic] = []
        var firstRowByEmail: [String: Int] = [:]
        for row in table.rows {
            var rowProblems: [Diagnostic] = []
            func need(_ column: String, _ what: String) -> String? {
                let value = table.value(column, in: row)
                if value == nil { rowProblems.append(Diagnostic(table.location(column, in: row), "row \(row.line): \(what) is empty")) }
                return value
            }
            let name = need("name", "the name")
            let email = need("email", "the e-mail address")
            let roleText = need("role", "the role")
            let area = need("service_area", "the service area")
            if let email, !Self.looksLikeEmail(email) {
                rowProblems.append(Diagnostic(table.location("email", in: row), "row \(row.line): '\(email)' is not an e-mail address"))
            }
            var role: Role?
            if let roleText {
                role = survey.role(matching: roleText)
                if role == nil {
                    rowProblems.append(Diagnostic(table.location("role", in: row),
                        "row \(row.line): unknown role '\(roleText)'; use one of: \(survey.roles.map(\.id).joined(separator: ", "))"))
                }
            }
            if let email {
                let key = email.lowercased()
                if let first = firstRowByEmail[key] {
                    rowProblems.append(Diagnostic(table.location("email", in: row), "row \(row.line): '\(email)' is already given on row \(first)"))
                } else {
                    firstRowByEmail[key] = row.line
                }
            }
            if rowProblems.isEmpty, let name, let email, let role, let area {
                officers.append(Officer(name: name, email: email, role: role.id, serviceArea: area))
            }
            problems += rowProblems
        }
        if !problems.isEmpty { throw DiagnosticsError(bounding: problems) }
        if officers.isEmpty {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: file, line: table.header.line + 1, column: 1), "no officers below the header")])
        }
        return officers
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".") && !text.contains(where: \.isWhitespace)
    }
}
