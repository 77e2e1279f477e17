import CLibXML2
import Foundation
import S11Core

/// A board's round as one XML file (round.xsd): every member organisation, where it stands, what it
/// submitted to the board (self and moderated figures, gaps) and its plan in figures; validated
/// before it is returned.
public struct RoundXML: Sendable {
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

    public init() {}

    public func write(board: String, year: Int, deadline: CalendarDate, asOf: CalendarDate,
                      organisations: [Organisation]) throws(DiagnosticsError) -> Data {
        let builder = XMLBuilder(root: "round", namespace: SchemaValidator.Schema.round.namespace)
        builder.setAttributes(builder.root, [("schemaVersion", "1"), ("board", board), ("year", String(year)), ("deadline", deadline.iso),
                                             ("asOf", asOf.iso)])
        for organisation in organisations {
            let node = builder.element("organisation", in: builder.root, attributes: [
                ("name", organisation.name), ("sector", organisation.sector), ("lead", organisation.lead), ("stage", Self.token(organisation.stage)),
                ("officers", String(organisation.officers)), ("returns", String(organisation.returns))])
            if let submitted = organisation.submitted {
                let held = builder.element("submitted", in: node, attributes: [("at", submitted.at), ("by", submitted.by)])
                var standard: xmlNodePtr?                        // the standard the requirement lines that follow belong to
                var staff: xmlNodePtr?                           // the staff survey the statement lines that follow belong to
                for score in submitted.scores {
                    switch score.kind {
                    case .overall: builder.element("overall", in: held, attributes: figures(score))
                    case .standard:
                        standard = builder.element("standard", in: held, attributes: [("ref", score.scopeID)] + figures(score))
                    case .requirement:
                        guard let parent = standard else { continue }
                        builder.element("requirement", in: parent, attributes: [("ref", score.scopeID)] + figures(score)
                                        + [("gap", score.isGap ? "true" : "false")])
                    case .staffSurvey:
                        staff = builder.element("staff", in: held, attributes: [("respondents", String(score.answered ?? 0))])
                    case .staffStatement:
                        guard let parent = staff, let figure = score.staffFigure, figure.total > 0 else { continue }
                        builder.element("statement", in: parent, attributes: [("ref", score.scopeID), ("answered", String(figure.total)),
                                                                              ("agreeing", String(figure.count)), ("gap", score.isGap ? "true" : "false")])
                    }
                }
            }
            if let plan = organisation.plan {
                builder.element("plan", in: node, attributes: [("title", plan.title), ("objectives", String(plan.objectives.count)),
                                                               ("actions", String(plan.actions.count)), ("underReview", String(plan.underReview.count))])
            }
        }
        let data = builder.data()
        try SchemaValidator.shared(.round).validate(try XMLDocument(data: data, file: "round export"))
        return data
    }

    private func figures(_ score: BoardScore) -> [(String, String?)] {
        [("percent", score.percent.map { String(format: "%.1f", $0) }), ("rag", score.rag?.rawValue),
         ("moderatedPercent", score.moderatedPercent.map { String(format: "%.1f", $0) }), ("moderatedRag", score.moderated?.rawValue)]
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
