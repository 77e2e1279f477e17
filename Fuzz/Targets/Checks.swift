// What every fuzz target asks of a refusal.
import S11Core

/// Stops the run (a crash libFuzzer keeps) unless `problems` are a refusal as s11 promises: at
/// least one reason, every one at a line and column, at most 50 and a count.
func checkRefusal(_ problems: [Diagnostic]) {
    if problems.isEmpty { fatalError("refused without a reason") }
    if problems.count > DiagnosticsError.limitPerFile + 1 { fatalError("\(problems.count) problems listed") }
    if problems.contains(where: { $0.location.line < 1 || $0.location.column < 1 }) {
        fatalError("a problem without a line and column: \(problems)")
    }
}
