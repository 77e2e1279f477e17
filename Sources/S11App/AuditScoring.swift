import Foundation
import S11Core
import S11Store

/// One stored audit read for scoring: its pinned content, the scorecard with moderation, the staff
/// survey's results (with last year's for change) and the gaps. The command line and the
/// coordinator's pages both score through this, so they always agree.
public struct AuditScoring: Sendable {
    let store: AuditStore
    public let audit: AuditRecord
    public let content: AuditContent

    init(store: AuditStore, audit: AuditRecord, content: AuditContent) {
        self.store = store
        self.audit = audit
        self.content = content
    }

    /// The scorecard as the organisation's coordinator sees it: every service area as answered.
    public func scorecard() async throws -> Scorecard { try await scorecard(folding: nil) }

    /// The scorecard as a board, a peer or a board document may see it: each requirement's service
    /// areas answered by fewer officers than the smallest group folded (`ServiceAreaFolding`).
    public func boardScorecard() async throws -> Scorecard {
        try await scorecard(folding: ServiceAreaFolding(survey: content.selfAssessment))
    }

    private func scorecard(folding: ServiceAreaFolding?) async throws -> Scorecard {
        await Scorer(content: content).score(organisation: audit.organisation, year: audit.year,
                                       officers: try store.officers.all(auditID: audit.id),
                                       returns: try store.returns.stored(audit: audit),
                                       moderations: try store.moderation.ratings(auditID: audit.id), folding: folding,
                                       attached: AttachedDocuments(try store.documents.documents(auditID: audit.id)))
    }

    /// The staff confidence results, with last year's audit of the same organisation for change;
    /// nil when no staff answers are stored.
    /// `counted`: this audit's staff answers already counted (`S11App.sessionCounting`).
    public func staffResults(counted: StaffCodeCounts? = nil) async throws -> StaffResults? {
        guard content.staffSurvey != nil else { return nil }
        let counts = if let counted { counted } else { try await store.staff.codeCounts(auditID: audit.id) }
        // Last year's answers are counted against this year's statements, matched by id.
        let lastYear = try await store.audits.previous(of: audit)
        var lastYearsCounts: StaffCodeCounts?
        if let lastYear { lastYearsCounts = try await store.staff.codeCounts(auditID: lastYear.id) }
        return Self.staffResults(counts: counts, lastYear: lastYearsCounts, content: content)
    }

    /// The audit's gaps: from the officers' answers and moderation, and from the staff survey.
    public func gaps(in card: Scorecard) async throws -> [Gap] {
        GapFinder().gaps(in: card, staff: try await staffResults())
    }

    /// What a board holds of an audit scored from `input`: its scorecard, gaps and staff results
    /// as `BoardScore` lines. Pure, so that it can run inside the write that stores them.
    static func boardScores(_ input: AuditScoringInput, content: AuditContent) -> [BoardScore] {
        let card = Scorer(content: content).score(organisation: input.audit.organisation, year: input.audit.year, officers: input.officers,
                                                  returns: input.returns, moderations: input.moderations, attached: input.attached)
        let staff = staffResults(counts: input.staffCounts, lastYear: input.lastYearsStaffCounts, content: content)
        return BoardScore.snapshot(card, gaps: GapFinder().gaps(in: card, staff: staff), staff: staff)
    }

    /// The staff survey's results from the answers counted (and last year's), or nil without any.
    static func staffResults(counts: StaffCodeCounts, lastYear: StaffCodeCounts?, content: AuditContent) -> StaffResults? {
        guard let survey = content.staffSurvey else { return nil }
        let tally = StaffTally(survey: survey, scales: content.scales, counts: counts)
        guard tally.respondents > 0 else { return nil }
        let previous = lastYear.map { StaffTally(survey: survey, scales: content.scales, counts: $0) }
        return StaffResultsCalculator(survey: survey, scales: content.scales)
            .results(tally, previous: previous.flatMap { $0.respondents > 0 ? $0 : nil })
    }
}
