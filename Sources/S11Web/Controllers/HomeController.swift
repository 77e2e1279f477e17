import Hummingbird

/// The server's front page: where officers, staff and coordinators each go.
struct HomeController: Sendable {
    let web: WebApp

    func addRoutes(to group: RouterGroup<WebRequestContext>) {
        group.page(use: home)
    }

    func home(_ request: Request, context: WebRequestContext) -> Response {
        web.message(request, title: "s11", paragraphs: ["Officers: open the link in your invitation. Staff: open the survey link your organisation sent you."],
                    link: ("/admin", "Audit coordinators: sign in"))
    }
}
