import Foundation

/// Reads the named officers of an audit from CSV (name, email, role, service area), refusing
/// the whole file, with every bad row's line, when any row is wrong.
public struct OfficerListReader: Sendable {
    public var survey: Survey
    /// The content's service areas, one of which each officer is given.
    public var serviceAreas: ServiceAreaList?

    public init(survey: Survey, serviceAreas: ServiceAreaList? = nil) {
        self.survey = survey
        self.serviceAreas = serviceAreas
    }

    public static let columns = ["name", "email", "role", "service_area"]

    public func officers(fromCSV text: String, file: String) throws(DiagnosticsError) -> [Officer] {
        let table = try CSVTable(text: text, file: file, required: OfficerListReader.columns)
        var officers: [Officer] = []
        var problems: [Diagnostic] = []
        var firstRowByEmail: [String: Int] = [:]
        for row in table.rows {
            let checked = officer(name: table.value("name", in: row), email: table.value("email", in: row),
                                  role: table.value("role", in: row), serviceArea: table.value("service_area", in: row))
            var rowProblems = checked.problems.map { problem in
                Diagnostic(table.location(problem.field, in: row), "row \(row.line): \(problem.message)")
            }
            if let email = table.value("email", in: row) {
                let key = email.lowercased()
                if let first = firstRowByEmail[key] {
                    rowProblems.append(Diagnostic(table.location("email", in: row), "row \(row.line): '\(email)' is already given on row \(first)"))
                } else {
                    firstRowByEmail[key] = row.line
                }
            }
            if rowProblems.isEmpty, let officer = checked.officer { officers.append(officer) }
            problems += rowProblems
        }
        if !problems.isEmpty { throw DiagnosticsError(bounding: problems) }
        if officers.isEmpty {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: file, line: table.header.line + 1, column: 1), "no officers below the header")])
        }
        return officers
    }

    /// What is wrong with one field of an officer, named by its column (`name`, `email`, `role`, `service_area`).
    public struct FieldProblem: Sendable, Hashable {
        public var field: String
        public var message: String

        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    /// The rules of one officer, whether a row of the file or the coordinator's form: every field
    /// given, an e-mail address that looks like one, a role the survey has, a service area of the content's list.
    public func officer(name: String?, email: String?, role roleText: String?, serviceArea: String?) -> (officer: Officer?, problems: [FieldProblem]) {
        var problems: [FieldProblem] = []
        func need(_ value: String?, _ field: String, _ what: String) -> String? {
            guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
                problems.append(FieldProblem(field: field, message: "\(what) is empty"))
                return nil
            }
            return value
        }
        let name = need(name, "name", "the name")
        let email = need(email, "email", "the e-mail address")
        let roleText = need(roleText, "role", "the role")
        var area = need(serviceArea, "service_area", "the service area")
        if let typed = area, let serviceAreas {
            area = serviceAreas.name(matching: typed)
            if area == nil {
                problems.append(FieldProblem(field: "service_area", message: "'\(typed)' is not one of the service areas; use one of: \(serviceAreas.names.joined(separator: ", "))"))
            }
        }
        if let email, !Self.looksLikeEmail(email) {
            problems.append(FieldProblem(field: "email", message: "'\(email)' is not an e-mail address"))
        }
        var role: Role?
        if let roleText {
            role = survey.role(matching: roleText)
            if role == nil {
                problems.append(FieldProblem(field: "role", message: "unknown role '\(roleText)'; use one of: \(survey.roles.map(\.id).joined(separator: ", "))"))
            }
        }
        guard problems.isEmpty, let name, let email, let role, let area else { return (nil, problems) }
        return (Officer(name: name, email: email, role: role.id, serviceArea: area), [])
    }

    /// Whether `text` has the shape of an e-mail address (one @, a dotted domain, no spaces).
    public static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".") && !text.contains(where: \.isWhitespace)
    }
}
