import Foundation
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
    /// Where the app's log lines go: nowhere, or a test's `LogLines`.
    let logger: Logger

    init(app: WebApp, logLines: LogLines? = nil) {
        responder = app.router().buildResponder()
        logger = logLines.map { lines in Logger(label: "s11-test") { _ in lines.handler() } } ?? Logger(label: "s11-test")
    }

    func execute(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil) async throws -> Response {
        var headers = headers
        if let body { headers[.contentLength] = String(body.readableBytes) }
        let request = Request(head: HTTPRequest(method: method, scheme: "http", authority: "localhost", path: uri, headerFields: headers),
                              body: RequestBody(buffer: body ?? ByteBuffer()))
        let context = WebRequestContext(source: ApplicationRequestContextSource(channel: EmbeddedChannel(), logger: logger))
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

    /// Every line the app logs, with its metadata, as the server's log would hold it.
    final class LogLines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []

        var all: [String] { lock.withLock { lines } }

        func handler() -> some LogHandler { Handler(lines: self) }

        struct Handler: LogHandler {
            let lines: LogLines
            var metadata: Logger.Metadata = [:]
            var logLevel: Logger.Level = .trace
            subscript(metadataKey key: String) -> Logger.Metadata.Value? {
                get { metadata[key] }
                set { metadata[key] = newValue }
            }
            func log(event: LogEvent) {
                let all = self.metadata.merging(event.metadata ?? [:]) { $1 }
                let text = "\(event.message) " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
                lines.lock.withLock { lines.lines.append(text) }
            }
        }
    }

    /// Gathers a response body.
    final class Box: @unchecked Sendable { var buffer = ByteBuffer() }

    struct Collector: ResponseBodyWriter {
        let box = Box()
        mutating func write(_ buffer: ByteBuffer) async throws { box.buffer.writeImmutableBuffer(buffer) }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}
