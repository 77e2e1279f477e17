import Hummingbird

extension Request {
    /// A fixed form's fields, decoded with Hummingbird's `URLEncodedFormDecoder` from the body
    /// `FormGuard` read and checked. As `FormBody` reads a form, `+` is a space and `%XX` a byte,
    /// and a blank field is "" (which `@NonBlank` reads as absent). A body that does not decode
    /// exactly (an escape that is broken or not UTF-8, a field sent twice, a name whose brackets
    /// nest) is refused with 400, where `FormBody` would drop or overwrite the field: no form of
    /// s11 sends one.
    func decodeForm<Form: Decodable>(as type: Form.Type) async throws -> Form {
        let damaged = HTTPError(.badRequest, message: "This form arrived damaged. Go back, reload the page and send it again.")
        guard !UploadForm.isUpload(self) else { throw damaged }
        let text = String(buffer: try await body.collect(upTo: WebApp.maxBody))
        guard FormBody.decodesExactly(text) else { throw damaged }
        do {
            return try URLEncodedFormDecoder().decode(Form.self, from: text)
        } catch {
            throw damaged
        }
    }

    /// The posted form's fields by name, from the body `FormGuard` read and checked: for a form
    /// whose fields are named after the survey's questions.
    func formBody() async throws -> FormBody {
        FormBody(String(buffer: try await body.collect(upTo: WebApp.maxBody)))
    }
}
