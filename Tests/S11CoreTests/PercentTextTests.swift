import Foundation
import Testing
@testable import S11Core

/// Percentages read the same whichever way s11 writes them: the figures in the XML with one
/// decimal place exactly as C's "%.1f" rounds them (ties included), the pages without a ".0".
@Suite struct PercentTextTests {
    @Test func oneDecimalIsWhatPrintfWrites() {
        // Every percentage a count out of up to 200 can give, and the ties printf settles by the double's exact value.
        var values: [Double] = [0, 100, 12.25, 12.35, 0.05, 0.15, 2.675, 99.95, 66.65, -0.04, 1e20]
        for whole in 1...200 { for part in 0...whole { values.append(Double(part) / Double(whole) * 100) } }
        for value in values {
            #expect(PercentText.oneDecimal(value) == String(format: "%.1f", value), "\(value)")
        }
        #expect(PercentText.oneDecimal(1e300) == String(format: "%.1f", 1e300))      // longer than the buffer
    }

    @Test func pagesLeaveOutAWholeNumbersDecimal() {
        #expect(PercentText.format(50) == "50" && PercentText.format(66.666_666) == "66.7" && PercentText.format(12.25) == "12.2")
    }
}
