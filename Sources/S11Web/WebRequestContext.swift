import Hummingbird
import NIOCore
import S11Core

/// The request context of s11's pages: Hummingbird's basics plus the connecting address, which is
/// used only, in memory, to slow down repeated guesses at links, and is never stored; the file
/// upload `FormGuard` read, if the request posted one; and the account `SessionAuthenticator`
/// found for the session, on the signed-in pages (which see it as `SignedInRequestContext`).
public struct WebRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    var upload: UploadForm?
    var account: Coordinator?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
