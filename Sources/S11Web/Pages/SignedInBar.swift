import S11Core

/// What the bar on every signed-in page reads (`admin-nav`): who is signed in, and the form token
/// its sign-out button and the page's own forms post.
struct SignedInBar: PagePart {
    let csrf: String
    /// The signed-in account's e-mail address.
    let coordinator: String
}

extension SignedInBar {
    init(account: Coordinator, csrf: String) {
        self.init(csrf: csrf, coordinator: account.email)
    }
}
