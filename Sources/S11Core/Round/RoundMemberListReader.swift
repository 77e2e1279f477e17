/// Reads a round's member organisations from CSV (organisation, sector, lead's name and e-mail),
/// refusing the whole file, with every bad row's line and column, when any row is wrong.
public enum RoundMemberListReader {
    public static let columns = ["organisation", "sector", "lead_name", "lead_email"]

    public static func members(fromCSV text: String, file: String) throws(DiagnosticsError) -> [RoundMember] {
        let table = try CSVTable(text: text, file: file, required: columns)
        var members: [RoundMember] = []
        var problems: [Diagnostic] = []
        var firstRowByOrganisation: [String: Int] = [:]
        for row in table.rows {
            var rowProblems: [Diagnostic] = []
            func need(_ column: String, _ what: String) -> String? {
                guard let value = table.value(column, in: row) else {
                    rowProblems.append(Diagnostic(table.location(column, in: row), "row \(row.line): \(what) is empty"))
                    return nil
                }
                return value
            }
            let organisation = need("organisation", "the organisation")
            let sector = need("sector", "the sector")
            let name = need("lead_name", "the lead's name")
            let email = need("lead_email", "the lead's e-mail address")
            if let email, !OfficerListReader.looksLikeEmail(email) {
                rowProblems.append(Diagnostic(table.location("lead_email", in: row), "row \(row.line): '\(email)' is not an e-mail address"))
            }
            if let organisation {
                let key = organisation.lowercased()
                if let first = firstRowByOrganisation[key] {
                    rowProblems.append(Diagnostic(table.location("organisation", in: row),
                                                  "row \(row.line): '\(organisation)' is already given on row \(first); each organisation once"))
                } else {
                    firstRowByOrganisation[key] = row.line
                }
            }
            if rowProblems.isEmpty, let organisation, let sector, let name, let email {
                members.append(RoundMember(organisation: organisation, sector: sector, leadName: name, leadEmail: email))
            }
            problems += rowProblems
        }
        if !problems.isEmpty { throw DiagnosticsError(bounding: problems) }
        if members.isEmpty {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: file, line: table.header.line + 1, column: 1),
                                               "no member organisations below the header")])
        }
        return members
    }
}
