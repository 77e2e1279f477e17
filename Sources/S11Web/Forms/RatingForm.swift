/// A posted rating: the scope it rates (`requirement:R1`, `standard:S1`), a band or a score on the
/// requirement's scale, and why. The moderation pages, a peer's proposal and the board's
/// decisions and readings all post it (`ModerationForm`).
struct RatingForm: Decodable {
    var scope: String?
    @NonBlank var rating: String?
    @NonBlank var score: String?
    @NonBlank var reason: String?
}
