import Foundation

extension JSONEncoder {
    /// Stable key order, so the same plan is always stored as the same bytes.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
