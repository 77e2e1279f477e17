import Hummingbird
import NIOCore

/// A file to save rather than a page to show: its type, its name, and no sniffing.
enum Download {
    static func response(_ data: some Sequence<UInt8>, fileName: String, contentType: String) -> Response {
        Response(status: .ok, headers: headers(fileName: fileName, contentType: contentType), body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func headers(fileName: String, contentType: String) -> HTTPFields {
        [.contentType: contentType, .cacheControl: "no-store",
         .contentDisposition: "attachment; filename=\"\(fileName)\"", .init("X-Content-Type-Options")!: "nosniff"]
    }
}
