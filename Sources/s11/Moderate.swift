import ArgumentParser
import S11App
import S11Core

/// `s11 moderate`: a board's moderated rating of a requirement or standard, beside the self rating.
struct Moderate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "moderate",
        abstract: "Record a moderated rating (after a challenge event or peer review) for a requirement or a standard.",
        discussion: """
            The self rating is kept and shown beside the moderated one; the moderated one decides the gaps. \
            Every change is kept with who, when, the old and the new band and why ('s11 moderate --trail').
            """)

    enum Band: String, ExpressibleByArgument, CaseIterable { case blue, green, amber, red, none }

    @Option(help: "The requirement to moderate, e.g. S3.1.") var requirement: String?
    @Option(help: "The standard to moderate, e.g. S3.") var standard: String?
    @Option(help: "The moderated band: blue, green, amber or red; none withdraws it.") var rating: Band?
    @Option(help: "For a requirement: the panel's score on the survey's own scale (an option's value, e.g. 2 on a 0-3 scale); its band is the moderated band, and it replaces the self score in the moderated percentages.")
    var score: String?
    @Option(help: "Why, as the moderators would minute it.") var reason: String?
    @Option(help: "Who moderates, for the audit trail.") var by: String?
    @Flag(help: "Print every moderation change instead.") var trail = false
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var selection: AuditSelection

    func run() async throws {
        try await reportingFailures {
            let session = try await storeOptions.session(selection)
            if trail {
                let changes = try await session.moderationTrail()
                if changes.isEmpty { print("no moderation recorded for \(session.audit.organisation) \(session.audit.year)") }
                for change in changes {
                    let scores = change.oldOption != nil || change.newOption != nil ? " (score \(change.oldOption ?? "none") -> \(change.newOption ?? "none"))" : ""
                    print("\(change.at) \(change.by): \(change.scope) \(change.old?.label ?? "none") -> \(change.new?.label ?? "withdrawn")\(scores): \(change.reason)")
                }
                return
            }
            guard rating != nil || score != nil else {
                throw CLIError("give the moderated band with --rating blue|green|amber|red (or none to withdraw it), or a requirement's --score on its scale")
            }
            if rating != nil && score != nil { throw CLIError("give --rating or --score, not both: a score's band is the moderated band") }
            let change: ModerationChange
            do {
                let moderating = Moderating(session: session)
                let scope = try self.scope(moderating)
                change = try await moderating.moderate(scope, rag: rating.flatMap { Rag(rawValue: $0.rawValue) }, option: score, reason: reason, by: by,
                                                       as: .storeKeeper)
            } catch let refusal as Moderating.Refusal {
                throw CLIError(Self.words(refusal, catalogue: session.content.catalogue))
            }
            let scope = change.scope
            let card = try await session.scorecard()
            let own = card.rating(of: scope)
            let selfText = own.flatMap { rating in rating.rag.map { "\($0.label) (\(rating.percent.map { PercentText.format($0) } ?? "-")%)" } } ?? "unrated"
            print("\(scope): self-assessed \(selfText), moderated \(change.old?.label ?? "none") -> \(change.new?.label ?? "withdrawn")"
                  + Moderation.scoreText(change.newOption))
            if let moderated = card.moderatedOverall?.percent, let own = card.overall.percent {
                print("overall: self-assessed \(PercentText.format(own))%, moderated \(PercentText.format(moderated))%")
            }
            print("gaps now: \(try await session.gaps(in: card).count); redraft with 's11 plan draft --replace'")
        }
    }

    private func scope(_ moderating: Moderating) throws -> Moderation.Scope {
        switch (requirement, standard) {
        case (let id?, nil): return try moderating.scope(kind: "requirement", id: id)
        case (nil, let id?): return try moderating.scope(kind: "standard", id: id)
        case (nil, nil): throw CLIError("name what to moderate: --requirement ID or --standard ID (or --trail to list changes)")
        case (_?, _?): throw CLIError("moderate one thing at a time: --requirement or --standard, not both")
        }
    }

    /// A refusal in the command line's words, naming the option that fixes it.
    static func words(_ refusal: Moderating.Refusal, catalogue: Catalogue) -> String {
        switch refusal {
        case .unknownRequirement(let id): "no requirement '\(id)' in catalogue \(catalogue.id); requirement ids look like S3.1"
        case .unknownStandard(let id): "no standard '\(id)' in catalogue \(catalogue.id); its standards are \(catalogue.standards.map(\.id).joined(separator: ", "))"
        case .reasonMissing: "say why with --reason; the board will read it beside the self rating"
        case .moderatorMissing: "say who moderates with --by NAME"
        case .nothingToWithdraw(let scope): "\(scope) has no moderated rating to withdraw"
        case .scoreForStandard(let id): "a standard has no single scale, so --score is for a requirement; score standard \(id)'s requirements, or give the standard a --rating"
        case .unknownOption(let id, let option, let options): "'\(option)' is not on requirement \(id)'s scale; its options are \(options.joined(separator: ", "))"
        case .ratingMissing(let scope): "give \(scope) a band with --rating or a score with --score"
        }
    }
}
