/// When each of two racing moves sets off, tuned after every try so that the two keep meeting
/// whatever the machine's load: the one that got in first is held back longer next time, by a
/// step that doubles while the same one keeps winning and halves when the order turns. A fixed
/// jitter met on a loaded machine can leave one side winning every try, and a race test that
/// never interleaves proves nothing.
struct RaceStarts {
    /// Microseconds the first move waits beyond the second (negative: the second waits longer).
    private var lead = 0
    private var step = 2_000
    private var lastFirstWon: Bool?

    /// How long each move waits before it sets off, with a little jitter either side.
    func delays() -> (first: Duration, second: Duration) {
        let jitter = Int.random(in: 0...(step / 2))
        return (.microseconds(max(lead, 0) + jitter), .microseconds(max(-lead, 0) + Int.random(in: 0...(step / 2))))
    }

    /// Records which move got in first, and moves the head start towards the other.
    mutating func record(firstWon: Bool) {
        if let lastFirstWon, lastFirstWon == firstWon { step = min(step * 2, 200_000) } else { step = max(step / 2, 200) }
        lastFirstWon = firstWon
        lead += firstWon ? step : -step
    }
}
