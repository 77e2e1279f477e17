import Foundation
import S11Core

/// The anonymous staff answers' CSV, built straight from the packed codes the store keeps: each
/// column knows where its question sits in the codebook and the CSV cell of every code, worked
/// out once, so a row is a few array lookups. Profile questions first, then one column per
/// statement, then the day.
public struct StaffExportTable: Sendable {
    /// Staff answer sets in a service area and role with fewer than this many have their profile
    /// blanked, so that nobody in a small team can be picked out.
    public static let smallestGroup = 5

    /// One column: where its question's code sits in a packed answer set (nil when no answer set
    /// holds it) and each code's cell, already CSV-escaped, as UTF-8 (code 0, unanswered, is empty).
    struct Column: Sendable {
        var position: Int?
        var cells: [[UInt8]]
    }

    let profile: [Column]
    let statements: [Column]
    public let header: String

    public init(survey: Survey, content: AuditContent, codebook: StaffCodebook) {
        func column(_ id: String, label: (String) -> String) -> Column {
            let position = codebook.position(of: id)
            let values = position.map { codebook.questions[$0].values } ?? []
            return Column(position: position, cells: [[]] + values.map { Array(PlanCSV.field(label($0)).utf8) })
        }
        profile = survey.profile.map { question in
            column(question.id) { value in question.options.first { $0.value == value }?.label ?? value }
        }
        statements = survey.statements.map { statement in
            let scale = content.scale(statement.scaleID)
            return column(statement.id) { value in scale?.option(value)?.label ?? value }
        }
        header = (survey.profile.map(\.id) + survey.statements.map(\.id) + ["day"]).map(PlanCSV.field).joined(separator: ",") + "\r\n"
    }

    /// The group an answer set counts in for suppression: its profile codes, as one number.
    public func group(_ codes: some Collection<UInt8>) -> Int {
        var key = 0
        for column in profile {
            let code = column.position.flatMap { $0 < codes.count ? Int(codes[codes.index(codes.startIndex, offsetBy: $0)]) : nil } ?? 0
            key = key &* 256 &+ code
        }
        return key
    }

    /// Appends one answer set as a row to `line`, its profile blanked when `suppressed`.
    public func appendRow(_ codes: [UInt8], day: String?, suppressed: Bool, to line: inout [UInt8]) {
        func append(_ column: Column) {
            if let position = column.position, position < codes.count {
                let code = Int(codes[position])
                if code < column.cells.count { line += column.cells[code] }
            }
            line.append(0x2C)
        }
        for column in profile {
            if suppressed { line.append(0x2C) } else { append(column) }
        }
        for column in statements { append(column) }
        if let day { line += day.utf8 }
        line += [0x0D, 0x0A]
    }
}
