import Foundation
import S11Core
import S11Store

/// The audit's named officers: a whole CSV list imported (all rows or none), or one officer added,
/// changed or taken out, on the core's rules of an officer (`OfficerListReader`).
public struct OfficerRoster: Sendable {
    public let session: AuditSession

    public init(session: AuditSession) {
        self.session = session
    }

    private var store: AuditStore { session.store }
    private var reader: OfficerListReader { OfficerListReader(survey: session.content.selfAssessment, serviceAreas: ServiceAreaList(content: session.content)) }

    /// Imports the CSV's officers, adding new ones and updating those already there, or none; `by`
    /// names who did it (an account, or the command line) for the trail.
    public func importCSV(_ text: String, file: String, by: String) async throws -> (added: Int, updated: Int) {
        try await store.officers.import(try reader.officers(fromCSV: text, file: file), auditID: session.audit.id,
                                        by: "\(by), from \(URL(fileURLWithPath: file).lastPathComponent)")
    }

    /// Adds one officer; the problems, field by field, when the form breaks a rule (nothing is stored).
    public func add(name: String?, email: String?, role: String?, serviceArea: String?, by: String) async throws -> [OfficerListReader.FieldProblem] {
        let checked = reader.officer(name: name, email: email, role: role, serviceArea: serviceArea)
        guard let officer = checked.officer else { return checked.problems }
        if try await store.officers.all(auditID: session.audit.id).contains(where: { $0.email.lowercased() == officer.email.lowercased() }) {
            return [.init(field: "email", message: "\(officer.email) is already an officer of this audit; change them instead")]
        }
        _ = try await store.officers.import([officer], auditID: session.audit.id, by: by)
        return []
    }

    /// Changes the name, role or service area of the officer with `email`.
    public func edit(email: String, name: String?, role: String?, serviceArea: String?, by: String) async throws -> [OfficerListReader.FieldProblem] {
        let checked = reader.officer(name: name, email: email, role: role, serviceArea: serviceArea)
        guard let officer = checked.officer else { return checked.problems }
        try await store.officers.update(officer, auditID: session.audit.id, by: by)
        return []
    }

    /// Takes the officer out of the audit, with their answers and link.
    public func remove(email: String, by: String) async throws {
        try await store.officers.remove(email: email, auditID: session.audit.id, by: by)
    }
}
