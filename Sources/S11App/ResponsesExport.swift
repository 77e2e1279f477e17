import Foundation
import S11Core
import S11Reports
import S11Store

/// The audit's responses as CSV (`s11 responses export` and the coordinator's download): every
/// officer's answers, or the anonymous staff answers with small groups' profiles blanked. Rows go
/// to the sink as they are read, so memory stays flat however many answer sets there are.
public struct ResponsesExport: Sendable {
    public let session: AuditSession

    public init(session: AuditSession) {
        self.session = session
    }

    private var csv: ResponsesCSV { ResponsesCSV(content: session.content) }

    /// Every officer's answers, submitted or not, with the day each return was submitted.
    public func officers(to sink: (String) throws -> Void) throws {
        try sink(ResponsesCSV.officerHeader)
        let answers = Dictionary(try session.store.returns(audit: session.audit, includeUnsubmitted: true).map { ($0.officerEmail.lowercased(), $0.answers) },
                                 uniquingKeysWith: { a, _ in a })
        for status in try session.store.officerStatuses(auditID: session.audit.id) {
            try sink(csv.officerRows(status.officer, answers: answers[status.officer.email.lowercased()] ?? [], submittedOn: status.submittedAt))
        }
    }

    /// The anonymous staff answer sets: a first pass counts each service area and role, the second
    /// writes the rows, blanking the profile of any group under `ResponsesCSV.smallestGroup`.
    public func staff(to sink: (String) throws -> Void) throws {
        guard let survey = session.content.staffSurvey else {
            throw ApplicationError("this audit was opened without a staff confidence survey, so there are no staff answers to export")
        }
        let csv = csv
        var groups: [[String]: Int] = [:]
        try session.store.forEachStaffResponse(auditID: session.audit.id) { groups[csv.group($0, survey: survey), default: 0] += 1 }
        try sink(csv.staffHeader(survey))
        try session.store.forEachStaffResponse(auditID: session.audit.id) { response in
            let group = csv.group(response, survey: survey)
            try sink(csv.staffRow(response, survey: survey, suppressed: (groups[group] ?? 0) < ResponsesCSV.smallestGroup))
        }
    }
}
