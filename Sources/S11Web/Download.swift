import Foundation
import Hummingbird
import NIOCore
import S11Core

/// A file to save rather than a page to show: its type, its name, and no sniffing.
enum Download {
    static func response(_ data: some Sequence<UInt8>, fileName: String, contentType: String) -> Response {
        Response(status: .ok, headers: headers(fileName: fileName, contentType: contentType), body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func headers(fileName: String, contentType: String) -> HTTPFields {
        [.contentType: contentType, .cacheControl: "no-store",
         .contentDisposition: "attachment; filename=\"\(fileName)\"", .init("X-Content-Type-Options")!: "nosniff"]
    }

    /// What RFC 8187 lets a `filename*` value carry unencoded.
    static let attributeCharacters = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_")

    /// An evidence document, always to save and never to show: its bytes sent a chunk at a time as
    /// the store gives them, under its cleaned name (plain in `filename`, whole in `filename*`).
    static func document(_ document: EvidenceDocument, bytes: AsyncThrowingStream<Data, Error>) -> Response {
        let plain = String(document.name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
        let encoded = document.name.addingPercentEncoding(withAllowedCharacters: Self.attributeCharacters) ?? plain
        var headers = Self.headers(fileName: plain, contentType: document.type.mediaType)
        headers[.contentDisposition] = "attachment; filename=\"\(plain)\"; filename*=UTF-8''\(encoded)"
        headers[.contentLength] = String(document.size)
        return Response(status: .ok, headers: headers, body: ResponseBody(contentLength: Int(document.size)) { writer in
            for try await chunk in bytes { try await writer.write(ByteBuffer(bytes: chunk)) }
            try await writer.finish(nil)
        })
    }
}
