import Foundation
import S11Core

/// The index of an evidence bundle: one row per document, with the file's place in the bundle,
/// the requirement it is evidence for, the service area (as the reader may see it), when it was
/// attached and its SHA-256. Fields are quoted and neutralised as `PlanCSV` does.
public struct EvidenceIndexCSV: Sendable {
    public static let header = ["file", "requirement", "service_area", "uploaded", "sha256"]

    /// One document's row.
    public struct Row: Sendable {
        public var file: String
        public var requirement: String
        public var serviceArea: String
        public var uploaded: Date
        public var sha256: String

        public init(file: String, requirement: String, serviceArea: String, uploaded: Date, sha256: String) {
            self.file = file
            self.requirement = requirement
            self.serviceArea = serviceArea
            self.uploaded = uploaded
            self.sha256 = sha256
        }
    }

    let timeZone: TimeZone

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    public func write(_ rows: [Row]) -> String {
        let format = Date.ISO8601FormatStyle(timeZone: timeZone).year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .colon)
        let lines = [Self.header] + rows.map { [$0.file, $0.requirement, $0.serviceArea, $0.uploaded.formatted(format), $0.sha256] }
        return lines.map { $0.map(PlanCSV.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
