import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Puts the security headers (`WebSecurity.headers`) on every response head the connection
/// writes, those no route answers included: when the HTTP parser refuses a request (a header
/// over 80 KiB, headers over 80 KiB in all or more than a thousand of them), Hummingbird
/// answers 400 itself, and that answer never passes through the router's middleware
/// (`SecurityHeaders`). A response that already names one of the headers keeps its own.
final class ResponseHeadSecurity: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .head(var head) = Self.unwrapOutboundIn(data) else { return context.write(data, promise: promise) }
        head.headerFields.addMissing(WebSecurity.headers)
        context.write(Self.wrapOutboundOut(.head(head)), promise: promise)
    }
}
