import Hummingbird
import HTTPTypes
import Logging
import NIOCore
import NIOEmbedded
@testable import S11Web

/// Sends requests straight to the app's router, in process, as Hummingbird's own server would:
/// the route tests need no network and no HTTP client library.
struct RouterClient: Sendable {
    struct Response {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: ByteBuffer
    }

    let responder: Router<WebRequestContext>.Responder

    init(app: WebApp) { responder = app.router().buildResponder() }

    func execute(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil) async throws -> Response {
        var headers = headers
        if let body { headers[.contentLength] = String(body.readableBytes) }
        let request = Request(head: HTTPRequest(method: method, scheme: "http", authority: "localhost", path: uri, headerFields: headers),
                              body: RequestBody(buffer: body ?? ByteBuffer()))
        let context = WebRequestContext(source: ApplicationRequestContextSource(channel: EmbeddedChannel(), logger: Logger(label: "s11-test")))
        let response: Hummingbird.Response
        do {
            response = try await responder.respond(to: request, context: context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        let collector = Collector()
        try await response.body.write(collector)
        return Response(status: response.status, headers: response.headers, body: collector.box.buffer)
    }

    /// Gathers a response body.
    final class Box: @unchecked Sendable { var buffer = ByteBuffer() }

    struct Collector: ResponseBodyWriter {
        let box = Box()
        mutating func write(_ buffer: ByteBuffer) async throws { box.buffer.writeImmutableBuffer(buffer) }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}
