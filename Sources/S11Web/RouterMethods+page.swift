import Hummingbird

extension RouterMethods {
    /// A page: answered to GET and to HEAD alike (`SecurityHeaders` leaves HEAD's body out).
    @discardableResult
    func page(_ path: RouterPath = "", use handler: @escaping @Sendable (Request, Context) async throws -> some ResponseGenerator) -> Self {
        get(path, use: handler)
        return head(path, use: handler)
    }
}
