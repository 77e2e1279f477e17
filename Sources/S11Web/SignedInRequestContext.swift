import Hummingbird
import S11Core

/// The request context of the signed-in pages (`/admin`, past `SessionAuthenticator`): the
/// account that is signed in, always there, and the file upload `FormGuard` read, if any.
struct SignedInRequestContext: ChildRequestContext {
    var coreContext: CoreRequestContextStorage
    /// The signed-in coordinator or board user.
    let account: Coordinator
    let upload: UploadForm?

    init(context: WebRequestContext) throws {
        // `SessionAuthenticator` sends a request without an account to sign in before this.
        guard let account = context.account else { throw HTTPError(.unauthorized) }
        coreContext = context.coreContext
        self.account = account
        upload = context.upload
    }

    /// The posted file form `FormGuard` read and checked; 400 when the request posted none.
    func uploadedForm() throws -> UploadForm {
        guard let upload else { throw HTTPError(.badRequest, message: "This form should carry a file. Go back, choose the file and send it again.") }
        return upload
    }
}
