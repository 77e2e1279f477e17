import CLibXML2
import Foundation
import S11Core

/// A board's round as one XML file (round.xsd): every member organisation, where it stands, what it
/// submitted to the board (self and moderated figures, gaps, staff survey) and its plan in figures;
/// written organisation by organisation and validated before it is returned.
public final class RoundXML {
    /// One member organisation as the file tells it.
    public struct Organisation: Sendable {
        public var name: String
        public var sector: String
        public var lead: String
        public var stage: RoundStage
        public var officers: Int
        public var returns: Int
        /// When and by whom it was submitted to the board, with what it submitted; nil when the board does not hold it.
        public var submitted: (at: String, by: String, scores: [BoardScore])?
        public var plan: Plan?

        public init(name: String, sector: String, lead: String, stage: RoundStage, officers: Int, returns: Int,
                    submitted: (at: String, by: String, scores: [BoardScore])?, plan: Plan?) {
            self.name = name
            self.sector = sector
            self.lead = lead
            self.stage = stage
            self.officers = officers
            self.returns = returns
            self.submitted = submitted
            self.plan = plan
        }
    }

    private let stream: XMLStreamWriter

    /// Starts the file for a board's round; `add` each organisation in turn, then `finish`. Only
    /// the bytes written are held, so the memory a round of thousands needs is that of its text.
    public init(board: String, year: Int, deadline: CalendarDate, asOf: CalendarDate) {
        stream = XMLStreamWriter(root: "round", namespace: SchemaValidator.Schema.round.namespace, attributes: [
            ("schemaVersion", "1"), ("board", board), ("year", String(year)), ("deadline", deadline.iso), ("asOf", asOf.iso)])
    }

    /// Writes one member organisation.
    public func add(_ organisation: Organisation) {
        stream.start("organisation", [
            ("name", organisation.name), ("sector", organisation.sector), ("lead", organisation.lead), ("stage", Self.token(organisation.stage)),
            ("officers", String(organisation.officers)), ("returns", String(organisation.returns))])
        if let submitted = organisation.submitted {
            stream.start("submitted", [("at", submitted.at), ("by", submitted.by)])
            var open: BoardScore.Kind?                    // the standard or staff survey the lines that follow belong to
            func close() { if open != nil { stream.end(); open = nil } }
            for score in submitted.scores {
                switch score.kind {
                case .overall: stream.empty("overall", figures(score))
                case .standard:
                    close()
                    stream.start("standard", [("ref", score.scopeID)] + figures(score))
                    open = .standard
                case .requirement:
                    guard open == .standard else { continue }
                    stream.empty("requirement", [("ref", score.scopeID)] + figures(score) + [("gap", score.isGap ? "true" : "false")])
                case .staffSurvey:
                    close()
                    stream.start("staff", [("respondents", String(score.answered ?? 0))])
                    open = .staffSurvey
                case .staffStatement:
                    guard open == .staffSurvey, let figure = score.staffFigure, figure.total > 0 else { continue }
                    stream.empty("statement", [("ref", score.scopeID), ("answered", String(figure.total)), ("agreeing", String(figure.count)),
                                               ("gap", score.isGap ? "true" : "false")])
                }
            }
            close()
            stream.end()
        }
        if let plan = organisation.plan {
            stream.empty("plan", [("title", plan.title), ("objectives", String(plan.objectives.count)), ("actions", String(plan.actions.count)),
                                  ("underReview", String(plan.underReview.count))])
        }
        stream.end()
    }

    /// The whole file, once round.xsd finds nothing wrong with it (checked as it is read, without a tree).
    public func finish() throws(DiagnosticsError) -> Data {
        try stream.finish(validatingAgainst: .round, file: "round export")
    }

    private func figures(_ score: BoardScore) -> [(String, String?)] {
        [("percent", score.percent.map(PercentText.oneDecimal)), ("rag", score.rag?.rawValue),
         ("moderatedPercent", score.moderatedPercent.map(PercentText.oneDecimal)), ("moderatedRag", score.moderated?.rawValue)]
    }

    static func token(_ stage: RoundStage) -> String {
        switch stage {
        case .notStarted: "not-started"
        case .inProgress: "in-progress"
        case .submitted: "submitted"
        case .overdue: "overdue"
        }
    }
}
