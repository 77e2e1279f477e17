import Foundation
import S11Core
import S11Reports
import S11XML

/// The formats a plan is exported in, for the board and for committee papers: written here once
/// for `s11 plan export` and the coordinator's downloads.
public enum PlanFormat: String, CaseIterable, Sendable {
    /// The board's XML, validated against plan.xsd as it is written.
    case xml
    /// One row per action, formula-looking cells neutralised.
    case csv
    /// One printable page.
    case html
    /// Word, for committee papers.
    case docx
    /// An OSCAL-style plan of action and milestones, validated against poam.xsd.
    case poam

    public func write(_ plan: Plan) throws -> Data {
        switch self {
        case .xml: try PlanXML().write(plan)
        case .csv: Data(PlanCSV().write(plan).utf8)
        case .html: Data(PlanHTMLReport().write(plan).utf8)
        case .docx: try PlanWordDocument().write(plan)
        case .poam: try PlanPOAM().write(plan)
        }
    }

    /// The file name a download is saved as.
    public func fileName(_ plan: Plan) -> String {
        let base = "plan-\(plan.auditYear)"
        return switch self {
        case .xml: "\(base).xml"
        case .csv: "\(base).csv"
        case .html: "\(base).html"
        case .docx: "\(base).docx"
        case .poam: "\(base)-poam.xml"
        }
    }

    public var contentType: String {
        switch self {
        case .xml, .poam: "application/xml; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        }
    }

    /// The schema the export is checked against as it is written, if any.
    public var schema: String? {
        switch self {
        case .xml: "plan.xsd"
        case .poam: "poam.xsd"
        default: nil
        }
    }
}
