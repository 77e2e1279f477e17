import Hummingbird
import NIOCore

/// The request context of s11's pages: Hummingbird's basics plus the connecting address, which is
/// used only, in memory, to slow down repeated guesses at links, and is never stored.
public struct WebRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
