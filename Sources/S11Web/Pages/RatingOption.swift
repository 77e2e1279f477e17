/// One score of a requirement's scale, as the `rating-fields` partial offers it beside the bands.
/// A row that includes the partial carries `domID`, `hasOptions` and `options`; its page carries
/// `canWithdraw`.
struct RatingOption: Encodable {
    let value: String
    let label: String
}
