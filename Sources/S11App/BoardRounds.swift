import Foundation
import S11Core
import S11Reports
import S11Store
import S11XML

/// A board's round, written once for the command line and the web: opening it for the member
/// organisations (an audit each, an invitation to each lead), where every organisation stands,
/// submitting a self-assessment to the board and the board returning it.
public struct BoardRounds: Sendable {
    let store: AuditStore
    /// Each audit's pinned content, parsed once.
    let contents: PinnedContents

    /// A round just opened, with each lead's link token (nil for a lead who already signs in).
    public struct Opened: Sendable {
        public var round: BoardRound
        public var invitations: [(member: RoundMember, token: String?)]
        /// Members whose return to another board this round reads through a crosswalk; no invitation goes to them.
        public var readings: [RoundMember] = []
    }

    /// Opens the round on the content under `root` for the members listed in `membersCSV` (read
    /// and checked whole first: a bad row refuses the file and nothing is stored).
    public func open(board: String, year: Int, deadline: CalendarDate, root: URL, surveyID: String?, membersCSV: String,
                     file: String, by: String) async throws -> Opened {
        let members = try RoundMemberListReader.members(fromCSV: membersCSV, file: file)
        let loaded = ContentLoader(root: root).load()
        let (content, files) = try AuditSession.contentFiles(loaded: loaded, surveyID: surveyID)
        // An organisation that already answers another board's catalogue this year is read through a crosswalk, not asked again.
        let existing = Dictionary(try await store.audits.all().filter { $0.year == year }.map { ($0.organisation.lowercased(), $0) },
                                  uniquingKeysWith: { a, _ in a })
        var asked: [RoundMember] = []
        var readings: [(member: RoundMember, auditID: Int64, crosswalkID: String)] = []
        var crosswalks: [String: Data] = [:]
        for member in members {
            guard let audit = existing[member.organisation.lowercased()] else { asked.append(member); continue }
            let answered = try await contents.content(of: audit).catalogue.id
            let anotherBoards = try await store.rounds.membership(auditID: audit.id) != nil
            if answered == content.catalogue.id {
                // Another board's member answering this very catalogue is read as it answered:
                // nothing about it, or that board, is said to this one.
                guard anotherBoards else {
                    throw ApplicationError("\(member.organisation) already has its \(year) audit on this catalogue (\(answered)); take it off the list, or see 's11 audit list'")
                }
                let same = Crosswalk.sameCatalogue(content.catalogue)
                readings.append((member, audit.id, same.id))
                crosswalks[same.id] = try CrosswalkXML().write(same)
                continue
            }
            guard let crosswalk = loaded.library.crosswalk(from: answered, to: content.catalogue.id),
                  let crosswalkFile = loaded.files.first(where: { $0.kind == .crosswalk && $0.id == crosswalk.id }) else {
                throw ApplicationError("Standards/ has no crosswalk from '\(answered)' to '\(content.catalogue.id)' for this board to read a listed organisation's return through, which already answers '\(answered)' this year; add one (crosswalk.xsd) and run 's11 check'")
            }
            readings.append((member, audit.id, crosswalk.id))
            crosswalks[crosswalk.id] = crosswalkFile.data
        }
        let opened = try await store.rounds.open(board: board, year: year, deadline: deadline, files: files, members: asked, readings: readings,
                                               crosswalks: crosswalks.map { ($0.key, $0.value) }, openedBy: by)
        return Opened(round: opened.round, invitations: opened.invitations, readings: readings.map(\.member))
    }

    /// Hands each lead's invitation to the mail program; returns what it said to each.
    public func sendInvitations(_ opened: Opened, baseURL: String, from: String = Invitations.defaultFrom,
                                via delivery: any MailDelivery) async -> [(member: RoundMember, outcome: MailDeliveryOutcome)] {
        let mail = LeadInvitationMail(board: opened.round.board, year: opened.round.year, deadline: opened.round.deadline,
                                      baseURL: baseURL, from: from)
        var outcomes: [(member: RoundMember, outcome: MailDeliveryOutcome)] = []
        for (member, token) in opened.invitations {
            outcomes.append((member, await delivery.deliver(mail.message(to: member, token: token, date: Date()), to: member.leadEmail)))
        }
        return outcomes
    }

    /// The round's organisations with where each stands on `today`, and the counts by stage and by sector.
    public func progress(roundID: Int64, today: CalendarDate) async throws -> RoundProgress {
        guard let round = try await store.rounds.find(id: roundID) else { throw ApplicationError("no round \(roundID); see 's11 round list'") }
        return RoundProgress(round: round, members: try await store.rounds.members(roundID: roundID), today: today)
    }

    /// Where a lead sets their password with the token of their invitation.
    public static func invitationLink(_ token: String, baseURL: String) -> String {
        LeadInvitationMail.link(token, baseURL: baseURL)
    }

    /// The partnership's picture from what the organisations in `progress` submitted (those of
    /// `sector` only, when given), on the catalogue the round was opened with.
    public func picture(_ progress: RoundProgress, sector: String? = nil) async throws -> RoundPicture? {
        guard let pinned = try await roundContent(roundID: progress.round.id) else { return nil }
        let scores = try await heldScores(progress, content: pinned)
        // Last year's round of the same board, for each organisation's movement.
        let lastYear = try await store.rounds.find(board: progress.round.board, year: progress.round.year - 1)
        var lastOveralls: [String: BoardScore] = [:]
        if let lastYear { lastOveralls = try await store.rounds.boardOveralls(roundID: lastYear.id) }
        let submitted = progress.members.filter { sector == nil || $0.row.member.sector == sector }.compactMap { row, _ in
            scores[row.auditID].map {
                RoundPicture.Submitted(auditID: row.auditID, organisation: row.member.organisation, sector: row.member.sector, scores: $0,
                                       lastYear: lastOveralls[row.member.organisation.lowercased()])
            }
        }
        return RoundPicture(submitted: submitted, catalogue: pinned.catalogue,
                            staffStatements: pinned.staffSurvey?.statements.map { ($0.id, $0.text) } ?? [])
    }

    /// The content the round was opened with: that of a member answering it (one read through a
    /// crosswalk answers another's). Nil when no member answers it.
    func roundContent(roundID: Int64) async throws -> AuditContent? {
        guard let auditID = try await store.rounds.anyMemberAuditID(roundID: roundID), let audit = try await store.audits.find(id: auditID) else { return nil }
        return try await contents.content(of: audit)
    }

    /// What the board holds of each organisation, by audit, in its own catalogue's terms: a return
    /// read through a crosswalk is read into them.
    func heldScores(_ progress: RoundProgress, content: AuditContent) async throws -> [Int64: [BoardScore]] {
        var scores = try await store.rounds.boardScores(roundID: progress.round.id)
        for (auditID, read) in try await readThrough(roundID: progress.round.id, readings: progress.members.map(\.row), submitted: scores, content: content) {
            scores[auditID] = read
        }
        return scores
    }

    /// The returns the round reads through a crosswalk that their own board holds (`submitted`,
    /// in that board's terms), read into the round's own catalogue with the reading board's moderations.
    func readThrough(roundID: Int64, readings: [RoundMemberStatus], submitted: [Int64: [BoardScore]],
                     content: AuditContent) async throws -> [Int64: [BoardScore]] {
        let read = readings.filter { $0.crosswalkID != nil && submitted[$0.auditID] != nil }
        guard !read.isEmpty else { return [:] }
        let crosswalks = try await self.crosswalks(roundID: roundID)
        let moderations = try await store.readings.moderations(roundID: roundID)
        var scores: [Int64: [BoardScore]] = [:]
        for row in read {
            guard let crosswalk = row.crosswalkID.flatMap({ crosswalks[$0] }), let submitted = submitted[row.auditID] else { continue }
            scores[row.auditID] = CrosswalkReading(submitted: submitted, crosswalk: crosswalk, catalogue: content.catalogue, bands: content.bands,
                                                   moderations: Self.scored(moderations[row.auditID] ?? [], content: content)).boardScores
        }
        return scores
    }

    /// The round's crosswalks, as it was opened with them, by id.
    func crosswalks(roundID: Int64) async throws -> [String: Crosswalk] {
        var crosswalks: [String: Crosswalk] = [:]
        for (id, data) in try await store.rounds.crosswalks(roundID: roundID) {
            if case .crosswalk(let crosswalk) = try ContentLoader.read(data: data, path: "crosswalk \(id) (kept with the round)", expecting: .catalogue) {
                crosswalks[id] = crosswalk
            }
        }
        return crosswalks
    }

    /// One organisation's return read through the round's crosswalk, line by line; nil while its
    /// own board does not hold it. Refused for an organisation the round does not read so.
    public func reading(_ progress: RoundProgress, auditID: Int64) async throws -> (crosswalk: Crosswalk, reading: CrosswalkReading?) {
        guard let crosswalkID = progress.readMember(auditID: auditID)?.crosswalkID,
              let crosswalk = try await crosswalks(roundID: progress.round.id)[crosswalkID],
              let pinned = try await roundContent(roundID: progress.round.id) else {
            throw ApplicationError("this round does not read that organisation through a crosswalk")
        }
        guard let submitted = try await store.rounds.boardScores(roundID: progress.round.id)[auditID] else { return (crosswalk, nil) }
        let moderations = Self.scored(try await store.readings.moderations(roundID: progress.round.id)[auditID] ?? [], content: pinned)
        return (crosswalk, CrosswalkReading(submitted: submitted, crosswalk: crosswalk, catalogue: pinned.catalogue, bands: pinned.bands,
                                            moderations: moderations))
    }

    /// The reading board drafts its own plan for a return it reads, in its catalogue's terms: an
    /// objective for each requirement its reading (and its moderation) puts at Amber or Red, from
    /// its catalogue's improvement templates, by the same drafter as an organisation's own plan.
    /// Refused while the organisation's own board does not hold the return.
    @discardableResult
    public func draftReadingPlan(_ progress: RoundProgress, auditID: Int64, author: String) async throws -> Plan {
        guard let row = progress.readMember(auditID: auditID), let pinned = try await roundContent(roundID: progress.round.id) else {
            throw ApplicationError("this round does not read that organisation through a crosswalk")
        }
        guard let reading = try await reading(progress, auditID: auditID).reading else {
            throw ApplicationError("\(row.member.organisation)'s own board does not hold its self-assessment yet, so there is nothing to plan from")
        }
        let card = reading.scorecard(organisation: row.member.organisation, year: progress.round.year, returns: row.submittedReturns,
                                     catalogue: pinned.catalogue)
        let plan = PlanDrafter(content: pinned).draft(card: card, gaps: reading.gaps, officers: [],
                                                      options: PlanDrafter.Options(start: PlanDrafter.Options.defaultStart(auditYear: progress.round.year),
                                                                                   today: progress.today, author: author))
        try await store.readings.savePlan(plan, roundID: progress.round.id, auditID: auditID)
        return plan
    }

    /// Each of the reading board's moderations with the percentage of its score on the scale, if scored.
    static func scored(_ moderations: [Moderation], content: AuditContent) -> [(moderation: Moderation, percent: Double?)] {
        moderations.map { moderation in
            guard case .requirement(let id) = moderation.scope, let option = moderation.option else { return (moderation, nil) }
            return (moderation, Scorer(content: content).moderatedRating(requirementID: id, option: option)?.percent)
        }
    }

    /// A return read through a crosswalk, in the terms of the round's own content: for the reading
    /// board's moderation form, which checks what it names against this board's catalogue and scale.
    public func readingSession(_ progress: RoundProgress, auditID: Int64) async throws -> AuditSession {
        guard progress.readMember(auditID: auditID) != nil, let audit = try await store.audits.find(id: auditID),
              let pinned = try await roundContent(roundID: progress.round.id) else {
            throw ApplicationError("this round does not read that organisation through a crosswalk")
        }
        return AuditSession(store: store, audit: audit, content: pinned)
    }

    /// The reading board moderates a requirement or standard of its own catalogue for a return it
    /// reads through a crosswalk: a band, or a score on its scale, with why. The organisation's own
    /// board's ratings are not touched.
    public func moderateReading(_ session: AuditSession, roundID: Int64, scope: Moderation.Scope, rag: Rag?, option: String?, reason: String?,
                                by: String, at: Date = Date()) async throws {
        let moderation = try Moderating(session: session).rating(scope, rag: rag, option: option, reason: reason, by: by, at: at)
        try await store.readings.moderate(roundID: roundID, auditID: session.audit.id, moderation)
    }

    /// Schedules a challenge event: its title, day, panel and the member organisations it tests.
    public func scheduleEvent(roundID: Int64, title: String, heldOn: CalendarDate, panel: [String], auditIDs: [Int64],
                              by: String) async throws -> ChallengeEvent {
        let title = title.trimmingCharacters(in: .whitespaces)
        let panel = panel.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if title.isEmpty { throw ApplicationError("give the event a title, for example \"Challenge event: health and police\"") }
        if panel.isEmpty { throw ApplicationError("name the panel, separated by semicolons") }
        if auditIDs.isEmpty { throw ApplicationError("choose at least one organisation for the panel to challenge") }
        return try await store.events.schedule(roundID: roundID, title: title, heldOn: heldOn, panel: panel, auditIDs: auditIDs, by: by)
    }

    /// The panel's feedback letter to one organisation of an event, drafted from its scorecard, its
    /// gaps and the moderations made since the event was scheduled; the plan due `planDue`
    /// (default eight weeks after the event).
    public func letter(event: ChallengeEvent, auditID: Int64, planDue: CalendarDate? = nil) async throws -> String {
        guard event.auditIDs.contains(auditID), let audit = try await store.audits.find(id: auditID),
              let (round, member) = try await store.rounds.membership(auditID: auditID) else {
            throw ApplicationError("that organisation is not challenged at \(event.title)")
        }
        let session = AuditSession(store: store, audit: audit, content: try await contents.content(of: audit))
        let card = try await session.boardScorecard()
        let changes = try await store.moderation.trail(auditID: auditID).filter { $0.at >= event.scheduledAt }
        return FeedbackLetter(board: round.board, organisation: audit.organisation, leadName: member.member.leadName, eventTitle: event.title,
                              heldOn: event.heldOn, panel: event.panel, planDue: planDue ?? event.heldOn.adding(days: 56))
            .draft(card: card, gaps: try await session.gaps(in: card), changes: changes)
    }

    /// Sends the letter, as the panel edited it, to the organisation's lead.
    public func sendLetter(_ text: String, event: ChallengeEvent, auditID: Int64, from: String,
                           via delivery: any MailDelivery) async throws -> MailDeliveryOutcome {
        guard event.auditIDs.contains(auditID), let (_, member) = try await store.rounds.membership(auditID: auditID) else {
            throw ApplicationError("that organisation is not challenged at \(event.title)")
        }
        let message = BoardLetterMail(from: from).message(to: member.member, subject: "\(event.title): the panel's feedback", text: text, date: Date())
        return await delivery.deliver(message, to: member.member.leadEmail)
    }

    /// The round as one XML file (round.xsd, validated): every organisation, where it stands, what
    /// it submitted and its stored plan in figures.
    public func xml(_ progress: RoundProgress) async throws -> Data {
        // The returns read through a crosswalk (few) are read into the round's catalogue first; the
        // other organisations' lines and plans are read as they are written and let go after.
        let readIDs = progress.members.map(\.row).filter { $0.crosswalkID != nil && $0.submittedAt != nil }.map(\.auditID)
        let read = try await store.rounds.boardScores(auditIDs: readIDs)
        var readThrough = read
        if let content = try await roundContent(roundID: progress.round.id) {
            readThrough = try await self.readThrough(roundID: progress.round.id, readings: progress.members.map(\.row), submitted: read, content: content)
        }
        let file = RoundXML(board: progress.round.board, year: progress.round.year, deadline: progress.round.deadline, asOf: progress.today)
        // A hundred organisations' lines a query: one query each was a fifth of the export's time.
        for start in stride(from: 0, to: progress.members.count, by: 100) {
            let batch = progress.members[start..<min(start + 100, progress.members.count)]
            let held = try await store.rounds.boardScores(auditIDs: batch.map(\.row).filter { $0.crosswalkID == nil && $0.submittedAt != nil }.map(\.auditID))
            for (row, stage) in batch {
                let scores = row.crosswalkID == nil ? held[row.auditID] : readThrough[row.auditID]
                let submitted = row.submittedAt.flatMap { at in scores.map { (at: at, by: row.submittedBy ?? row.member.leadName, scores: $0) } }
                file.add(RoundXML.Organisation(
                    name: row.member.organisation, sector: row.member.sector, lead: row.member.leadName, stage: stage, officers: row.officers,
                    returns: row.submittedReturns, submitted: submitted,
                    plan: try await store.plans.find(organisation: row.member.organisation, year: progress.round.year)))
            }
        }
        return try file.finish()
    }

    /// The board report (`BoardReport`, rendered as HTML or Word): completion, the picture, what
    /// each challenge event and peer review changed, and the staff survey across the partnership.
    public func report(_ progress: RoundProgress) async throws -> BoardReport {
        var challenges: [BoardReport.Challenge] = []
        for event in try await store.events.all(roundID: progress.round.id) {
            var outcomes: [(organisation: String, changes: [ModerationChange])] = []
            for auditID in event.auditIDs {
                guard let audit = try await store.audits.find(id: auditID) else { continue }
                outcomes.append((audit.organisation, try await store.moderation.trail(auditID: auditID).filter { $0.at >= event.scheduledAt }))
            }
            challenges.append(BoardReport.Challenge(title: event.title, heldOn: event.heldOn, panel: event.panel,
                                                    outcomes: outcomes.sorted { $0.organisation < $1.organisation }))
        }
        var reviews: [BoardReport.PeerReview] = []
        for pairing in try await store.peers.pairings(roundID: progress.round.id) {
            reviews.append(BoardReport.PeerReview(reviewer: pairing.reviewer, reviewee: pairing.reviewee,
                                                  proposals: try await store.peers.proposals(pairingID: pairing.id)))
        }
        return BoardReport(board: progress.round.board, year: progress.round.year, deadline: progress.round.deadline, asOf: progress.today,
                           stages: progress.byStage, sectors: progress.bySector,
                           members: progress.members.map { ($0.row.member.organisation, $0.row.member.sector, $0.stage) }, picture: try await picture(progress),
                           challenges: challenges, peerReviews: reviews)
    }

    /// The round as the board's CSV (`RoundCSV`).
    public func csv(_ picture: RoundPicture) -> String { RoundCSV().write(picture) }

    /// The organisation's lead submits its self-assessment to the board, as `BoardSubmissionRule`
    /// allows: the rule is checked, and what the board holds scored, inside the transaction that
    /// hands it to the board, so a return reopened meanwhile is either counted out or refused.
    public func submit(auditID: Int64, by: String, declaration: String) async throws {
        guard let audit = try await store.audits.find(id: auditID) else { throw ApplicationError("no audit \(auditID)") }
        let content = try await contents.content(of: audit)
        try await store.rounds.submitToBoard(auditID: auditID, by: by, declaration: declaration) { input in
            if let refusal = BoardSubmissionRule.refusal(submittedReturns: input.returns.count, officers: input.officers.count,
                                                         declaration: declaration) {
                throw ApplicationError(refusal)
            }
            return AuditScoring.boardScores(input, content: content)
        }
    }

    /// The board gives a self-assessment back for changes, saying why.
    /// Only the board it was submitted to (round `roundID`; by default the round the audit answers) can give it back.
    public func giveBack(auditID: Int64, roundID: Int64? = nil, by: String, reason: String) async throws {
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ApplicationError("say why the self-assessment goes back, for example \"Evidence missing for standard 3\"")
        }
        let answered = try await store.rounds.membership(auditID: auditID)?.round.id
        guard let roundID = roundID ?? answered else {
            throw ApplicationError("this audit is not in a board's round")
        }
        try await store.rounds.returnToOrganisation(auditID: auditID, roundID: roundID, by: by, reason: reason)
    }

    /// What the lead declares on submitting, in the boards' words.
    public static let standardDeclaration = "I confirm this self-assessment is an accurate account of our organisation's safeguarding arrangements and has been agreed by our senior leadership."
}

/// Where a round stands on one day: each organisation's stage, and the counts by stage and sector.
public struct RoundProgress: Sendable {
    public var round: BoardRound
    public var members: [(row: RoundMemberStatus, stage: RoundStage)]
    public var today: CalendarDate

    public init(round: BoardRound, members: [RoundMemberStatus], today: CalendarDate) {
        self.round = round
        self.members = members.map { ($0, $0.stage(deadline: round.deadline, today: today)) }
        self.today = today
    }

    /// The member `auditID` when the round reads it through a crosswalk (from its return to another board); nil otherwise.
    public func readMember(auditID: Int64) -> RoundMemberStatus? {
        members.first { $0.row.auditID == auditID && $0.row.crosswalkID != nil }?.row
    }

    /// How many organisations are at each stage.
    public var byStage: [(stage: RoundStage, count: Int)] {
        RoundStage.allCases.map { stage in (stage, members.filter { $0.stage == stage }.count) }
    }

    /// Per sector (by name), how many organisations are at each stage.
    public var bySector: [(sector: String, counts: [RoundStage: Int])] {
        Dictionary(grouping: members, by: { $0.row.member.sector }).map { sector, rows in
            (sector, Dictionary(grouping: rows, by: \.stage).mapValues(\.count))
        }.sorted { $0.sector.lowercased() < $1.sector.lowercased() }
    }
}
