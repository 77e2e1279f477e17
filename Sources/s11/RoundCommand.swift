import ArgumentParser
import Foundation
import S11App
import S11Core
import S11Reports

/// `s11 round open|list|status|submit|return`: a board's round across its member organisations.
struct RoundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "round", abstract: "Run a board's round: every member organisation's audit, opened, followed and submitted to the board.",
        subcommands: [Open.self, List.self, Status.self, Export.self, Submit.self, Return.self, Event.self, Letter.self])

    struct Open: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "open",
            abstract: "Open the year's round for the board's member organisations: an audit for each, pinned to the current Standards/ and Surveys/, and an invitation to each lead's coordinator account.",
            discussion: "MEMBERS.csv has the columns organisation, sector, lead_name, lead_email. With --send each lead's invitation goes to the mail program; otherwise the links are printed.")

        @Option(help: "The board, e.g. \"Oxfordshire Safeguarding Children Partnership\".") var board: String
        @Option(help: "The audit year, e.g. 2026.") var year: Int
        @Option(help: "When organisations submit to the board by (YYYY-MM-DD).") var deadline: String
        @Option(help: "The member organisations (CSV: organisation, sector, lead_name, lead_email).") var members: String
        @Option(help: "The self-assessment survey id, when Surveys/ holds several.") var survey: String?
        @Option(help: "Who opens the round, for the record.") var by: String
        @Option(help: "Where s11 serve is reached, for the leads' links.") var baseURL: String = "http://127.0.0.1:8080"
        @Flag(help: "Send each lead's invitation through the mail program (--sendmail or $S11_SENDMAIL).") var send = false
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var contentOptions: ContentOptions
        @OptionGroup var mailOptions: MailOptions

        func validate() throws {
            guard (2000...2100).contains(year) else { throw ValidationError("--year \(year) is not a plausible audit year") }
            guard CalendarDate(iso: deadline) != nil else { throw ValidationError("--deadline '\(deadline)' is not a date (YYYY-MM-DD)") }
            guard baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://") else { throw ValidationError("--base-url must start with http:// or https://") }
        }

        func run() async throws {
            try await reportingFailures {
                let program = try mailOptions.program()
                if send && program == nil { throw CLIError("--send needs the mail program: give --sendmail \"msmtp -t\" (or set S11_SENDMAIL)") }
                let rounds = try await storeOptions.app().rounds
                let opened = try await rounds.open(board: board, year: year, deadline: CalendarDate(iso: deadline)!, root: try contentOptions.root(),
                                                   surveyID: survey, membersCSV: try InputFiles.text(members), file: members, by: by)
                print("opened \(opened.round.board)'s \(year) round (round \(opened.round.id)) for \(opened.invitations.count + opened.readings.count) organisations, due \(opened.round.deadline.spelledOut)")
                for member in opened.readings {
                    print("reads \(member.organisation)'s return to its own board through the crosswalk in Standards/; no invitation")
                }
                if send, let program {
                    let outcomes = await rounds.sendInvitations(opened, baseURL: baseURL, from: mailOptions.from, via: program)
                    for (member, outcome) in outcomes {
                        print("\(outcome.accepted ? "sent" : "NOT SENT")  \(member.organisation)  \(member.leadEmail)\(outcome.accepted ? "" : ": \(outcome.detail)")")
                    }
                    if outcomes.contains(where: { !$0.outcome.accepted }) { throw CLIError("some invitations were not accepted by the mail program; see above") }
                } else {
                    print(TextTable(header: ["Organisation", "Lead", "Link"], rows: opened.invitations.map { member, token in
                        [member.organisation, member.leadEmail, token.map { BoardRounds.invitationLink($0, baseURL: baseURL) } ?? "(already signs in)"]
                    }).render())
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the boards' rounds.")
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            try await reportingFailures {
                let rounds = try await storeOptions.app().rounds.all()
                if rounds.isEmpty { print("no rounds yet; open one with 's11 round open'") }
                for round in rounds { print("\(round.id)  \(round.year)  \(round.board)  due \(round.deadline.iso)  opened \(round.openedAt) by \(round.openedBy)") }
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "status", abstract: "Where every member organisation stands: not started, in progress, submitted to the board, overdue.")
        @Option(help: "The round's number ('s11 round list').") var round: Int64
        @Option(help: "The day to judge by (YYYY-MM-DD); default today.") var on: String?
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            try await reportingFailures {
                let progress = try await storeOptions.app().rounds
                    .progress(roundID: round, today: try parseDate(on, option: "--on") ?? today())
                print("\(progress.round.board) \(progress.round.year), due \(progress.round.deadline.iso): "
                      + progress.byStage.map { "\($0.count) \($0.stage.rawValue)" }.joined(separator: ", "))
                print(TextTable(header: ["Organisation", "Sector", "Lead", "Returns", "Stage"], rows: progress.members.map { row, stage in
                    [row.member.organisation, row.member.sector, row.member.leadName, "\(row.submittedReturns)/\(row.officers)", stage.rawValue]
                }).render())
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export",
            abstract: "The round for the board: every organisation that submitted, by requirement (self and moderated, gap), as CSV; the whole round as XML (round.xsd, validated); or the board report as HTML or Word.")
        enum Format: String, ExpressibleByArgument, CaseIterable { case csv, xml, html, docx }
        @Option(help: "The round's number ('s11 round list').") var round: Int64
        @Option(help: "csv (every organisation by requirement), xml (the whole round, valid against round.xsd), html or docx (the board report for the board meeting).") var format: Format = .csv
        @Option(help: "Where to write it; default standard output.") var out: String?
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            try await reportingFailures {
                let rounds = try await storeOptions.app().rounds
                let progress = try await rounds.progress(roundID: round, today: today())
                switch format {
                case .xml: return try emit(try await rounds.xml(progress), to: out, note: " (valid against round.xsd)")
                case .html: return try emit(Data(BoardReportHTML().write(try await rounds.report(progress)).utf8), to: out)
                case .docx: return try emit(try BoardReportWord().write(try await rounds.report(progress)), to: out)
                case .csv: break
                }
                guard let picture = try await rounds.picture(progress) else { throw CLIError("round \(round) has no organisations") }
                try emit(Data(rounds.csv(picture).utf8), to: out)
            }
        }
    }

    struct Event: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "event",
            abstract: "Schedule a challenge event: its day, panel and the member organisations it challenges. The panel then moderates with 's11 moderate'.")
        @Option(help: "The round's number ('s11 round list').") var round: Int64
        @Option(help: "The event's title.") var title: String
        @Option(help: "The day (YYYY-MM-DD).") var on: String
        @Option(help: "The panel's names, separated by semicolons.") var panel: String
        @Option(help: "An organisation the panel challenges (repeat for several).") var org: [String] = []
        @Option(help: "Who schedules it, for the record.") var by: String
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            try await reportingFailures {
                guard let day = try parseDate(on, option: "--on") else { throw CLIError("give the day with --on YYYY-MM-DD") }
                let app = try await storeOptions.app()
                guard let round = try await app.rounds.round(id: round) else { throw CLIError("no round \(self.round); see 's11 round list'") }
                var audits: [Int64] = []
                for name in org { audits.append(try await app.audits.audit(organisation: name, year: round.year).id) }
                let event = try await app.rounds.scheduleEvent(roundID: round.id, title: title, heldOn: day,
                                                                             panel: panel.components(separatedBy: ";"), auditIDs: audits, by: by)
                print("scheduled event \(event.id), \(event.title), on \(event.heldOn.spelledOut) for \(Counted(event.auditIDs.count, "organisation"))")
            }
        }
    }

    struct Letter: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "letter",
            abstract: "Draft the panel's feedback letter to an organisation challenged at an event: what changed and why, strengths, areas to improve, when the plan is due.")
        @Option(help: "The event's number (printed by 's11 round event').") var event: Int64
        @Option(help: "The organisation.") var org: String
        @Option(help: "When the board expects the action plan (YYYY-MM-DD); default eight weeks after the event.") var planDue: String?
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            try await reportingFailures {
                let app = try await storeOptions.app()
                guard let event = try await app.rounds.event(id: event), let round = try await app.rounds.round(id: event.roundID) else {
                    throw CLIError("no event \(self.event)")
                }
                let audit = try await app.audits.audit(organisation: org, year: round.year)
                print(try await app.rounds.letter(event: event, auditID: audit.id, planDue: try parseDate(planDue, option: "--plan-due")),
                      terminator: "")
            }
        }
    }

    struct Submit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "submit",
            abstract: "Submit the organisation's self-assessment to the board with the lead's declaration; the board holds it (answers and officers stay as they are) until it returns it.")
        @Option(help: "The declaration; default: \"\(BoardRounds.standardDeclaration)\"") var declaration: String = BoardRounds.standardDeclaration
        @Option(help: "The lead who submits.") var by: String
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var selection: AuditSelection

        func run() async throws {
            try await reportingFailures {
                let app = try await storeOptions.app()
                let session = try await app.session(organisation: selection.org, year: selection.year)
                try await app.rounds.submit(auditID: session.audit.id, by: by, declaration: declaration)
                print("submitted \(session.audit.organisation)'s \(session.audit.year) self-assessment to the board")
            }
        }
    }

    struct Return: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "return", abstract: "The board gives a submitted self-assessment back to the organisation for changes, saying why.")
        @Option(help: "Why it goes back.") var reason: String
        @Option(help: "Who returns it, for the record.") var by: String
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var selection: AuditSelection

        func run() async throws {
            try await reportingFailures {
                let app = try await storeOptions.app()
                let session = try await app.session(organisation: selection.org, year: selection.year)
                try await app.rounds.giveBack(auditID: session.audit.id, by: by, reason: reason)
                print("returned \(session.audit.organisation)'s \(session.audit.year) self-assessment: \(reason)")
            }
        }
    }
}
