import S11App
import S11Core

/// An invited organisation lead sets their password at the link in their invitation.
struct WelcomePage: PageModel {
    static let template = "admin-welcome"

    let title = "Set your password"
    let form: FormErrors
    let csrf: String
    let email: String
    let organisation: String
    /// The invitation's link token, which the form posts back to.
    let token: String
    /// The fewest characters a password may have.
    let minimum: Int
}

extension WelcomePage {
    init(invited: Coordinator, token: String, csrf: String, errors: [FieldError]) {
        self.init(form: FormErrors(errors), csrf: csrf, email: invited.email, organisation: invited.organisation ?? "",
                  token: token, minimum: CoordinatorPassword.minimumLength)
    }
}
