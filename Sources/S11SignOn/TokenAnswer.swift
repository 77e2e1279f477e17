/// What a provider's token endpoint answers, as far as s11 reads it: the ID token, or the error.
struct TokenAnswer: Decodable {
    enum CodingKeys: String, CodingKey {
        case idToken = "id_token", error, errorDescription = "error_description"
    }

    let idToken: String?
    let error: String?
    let errorDescription: String?
}
