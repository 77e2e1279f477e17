import Hummingbird

/// The first check of every posted form, before sign-in or anything a handler does: its body is
/// read under the size limit (413 Content Too Large beyond it) and its CSRF token compared with the
/// request's (`WebSecurity`; 403 when it does not match). A plain form's body is left on the
/// request, read, for the handler to decode; a file upload (`multipart/form-data`) goes on read,
/// in the context (`UploadForm`). Evidence documents (`StreamedUpload`) are left unread, for their
/// handler to read as they arrive, the token before any file.
struct FormGuard: RouterMiddleware {
    func handle(_ request: Request, context: WebRequestContext,
                next: (Request, WebRequestContext) async throws -> Response) async throws -> Response {
        // Evidence documents are read as they arrive by their handler, which checks the token first.
        guard request.method == .post, !StreamedUpload.isStreamed(request) else { return try await next(request, context) }
        var request = request
        var context = context
        if UploadForm.isUpload(request) {
            context.upload = try await UploadForm.read(request)
        } else {
            let body = try await request.collectBody(upTo: WebApp.maxBody)
            guard WebSecurity.csrfMatches(field: FormBody.value(of: "csrf", in: String(buffer: body)), request: request) else {
                throw WebSecurity.refusedForm
            }
        }
        return try await next(request, context)
    }
}
