/// A form that names one of the audit's officers by e-mail address (removing them).
struct OfficerEmailForm: Decodable {
    @NonBlank var email: String?
}
