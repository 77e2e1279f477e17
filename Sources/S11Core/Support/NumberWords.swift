/// Small counts in words, as a committee paper writes them ("two of the five service areas").
public enum NumberWords {
    private static let words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                "eleven", "twelve"]

    /// "two" for 2; figures from 13 up, and for anything below zero.
    public static func spelled(_ count: Int) -> String {
        words.indices.contains(count) ? words[count] : String(count)
    }
}
