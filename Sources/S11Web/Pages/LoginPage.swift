/// The coordinators' sign-in form, with the e-mail address typed last time.
struct LoginPage: PageModel {
    static let template = "admin-login"

    let title = "Sign in"
    let form: FormErrors
    let csrf: String
    let email: String
}

extension LoginPage {
    init(csrf: String, email: String, errors: [FieldError]) {
        self.init(form: FormErrors(errors), csrf: csrf, email: email)
    }
}
