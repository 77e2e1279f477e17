import Foundation

/// How s11 writes percentages for people: one decimal place, without a trailing ".0".
public enum PercentText {
    public static func format(_ percent: Double) -> String {
        let text = oneDecimal(percent)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// `value` with one decimal place, exactly as C's "%.1f" writes it (the XML's figures): through
    /// the C library into a buffer on the stack, not Foundation's `String(format:)`, which was a
    /// tenth of the round XML's time.
    public static func oneDecimal(_ value: Double) -> String {
        let written: String? = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 32) { buffer in
            let count = withVaList([value]) { vsnprintf(buffer.baseAddress!, 32, "%.1f", $0) }
            guard count > 0, count < 32 else { return nil }
            return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: Int(count)), as: UTF8.self)
        }
        return written ?? String(format: "%.1f", value)
    }
}
