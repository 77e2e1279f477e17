/// Whose submitted return to open again, and why, in words the officer is sent.
struct ReopenForm: Decodable {
    @NonBlank var email: String?
    @NonBlank var reason: String?
}
