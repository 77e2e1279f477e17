import Foundation
import S11Core

/// The bank holidays scheduled reminders keep clear of: England and Wales's as shipped
/// (Resources/bank-holidays.txt), or the content folder's own `bank-holidays.txt`.
public enum BankHolidays {
    /// The name of the file a content folder may hold to replace the shipped list.
    public static let fileName = "bank-holidays.txt"

    /// England's and Wales's, as shipped.
    public static let shipped: WorkingDays = {
        guard let url = Bundle.module.url(forResource: "bank-holidays", withExtension: "txt", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8), let days = try? WorkingDays.parse(text, file: url.path) else {
            preconditionFailure("Resources/bank-holidays.txt is missing from the S11App bundle or is not a list of days")
        }
        return days
    }()

    /// The content folder's list when it has one, else the shipped list; a list that is not one
    /// is an error naming the line.
    public static func load(contentRoot: URL?) throws -> WorkingDays {
        guard let file = contentRoot?.appendingPathComponent(fileName), FileManager.default.fileExists(atPath: file.path) else { return shipped }
        return try WorkingDays.parse(try String(contentsOf: file, encoding: .utf8), file: file.path)
    }
}
