import Foundation
import S11Core
import S11Store
import S11XML

/// One stored audit read for scoring: its pinned content, the scorecard with moderation, the staff
/// survey's results (with last year's for change) and the gaps. The command line and the
/// coordinator's pages both score through this, so they always agree.
public struct AuditScoring: Sendable {
    public let store: AuditStore
    public let audit: AuditRecord
    public let content: AuditContent

    /// Reads the audit's pinned content back from the store.
    public init(store: AuditStore, audit: AuditRecord) async throws {
        await self.init(store: store, audit: audit,
                  content: try ContentLoader.auditContent(pinned: store.pinnedFiles(auditID: audit.id).map { ($0.path, Data($0.data)) }))
    }

    public init(store: AuditStore, audit: AuditRecord, content: AuditContent) {
        self.store = store
        self.audit = audit
        self.content = content
    }

    public func scorecard() async throws -> Scorecard {
        await Scorer(content: content).score(organisation: audit.organisation, year: audit.year,
                                       officers: try store.officers(auditID: audit.id),
                                       returns: try store.returns(audit: audit),
                                       moderations: try store.moderations(auditID: audit.id))
    }

    /// The staff confidence results, with last year's audit of the same organisation for change;
    /// nil when no staff answers are stored.
    /// `counted`: this audit's staff answers already counted (`AuditSession.openCounting`).
    public func staffResults(counted: StaffCodeCounts? = nil) async throws -> StaffResults? {
        guard let survey = content.staffSurvey else { return nil }
        let tally = if let counted {
            StaffTally(survey: survey, scales: content.scales, counts: counted)
        } else {
            try await store.staffTally(auditID: audit.id, survey: survey, scales: content.scales)
        }
        guard tally.respondents > 0 else { return nil }
        // Last year's answers are counted against this year's statements, matched by id.
        let lastYear = try await store.previousAudit(of: audit)
        var previous: StaffTally?
        if let lastYear { previous = try await store.staffTally(auditID: lastYear.id, survey: survey, scales: content.scales) }
        return StaffResultsCalculator(survey: survey, scales: content.scales)
            .results(tally, previous: previous.flatMap { $0.respondents > 0 ? $0 : nil })
    }

    /// The audit's gaps: from the officers' answers and moderation, and from the staff survey.
    public func gaps(in card: Scorecard) async throws -> [Gap] {
        GapFinder().gaps(in: card, staff: try await staffResults())
    }
}
