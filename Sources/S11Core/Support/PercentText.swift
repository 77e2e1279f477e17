import Foundation

/// How s11 writes percentages for people: one decimal place, without a trailing ".0".
public enum PercentText {
    public static func format(_ percent: Double) -> String {
        let text = String(format: "%.1f", percent)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
