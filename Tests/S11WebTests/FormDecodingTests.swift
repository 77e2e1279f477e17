import HTTPTypes
import Hummingbird
import NIOCore
import Testing
@testable import S11Web

/// Fixed forms are decoded with Hummingbird's `URLEncodedFormDecoder`; a field's text reads as
/// `FormBody` reads it (`+` a space, `%XX` a byte of UTF-8, blank meaning absent with `@NonBlank`),
/// and a body that does not decode exactly is refused with 400 rather than half read.
@Suite struct FormDecodingTests {
    struct Form: Decodable {
        @NonBlank var text: String?
        @NonBlank var blank: String?
        @NonBlank var missing: String?
        var raw: String?
        var empty: String?
    }

    static func request(_ body: String, contentType: String = "application/x-www-form-urlencoded") -> Request {
        Request(head: HTTPRequest(method: .post, scheme: "http", authority: "localhost", path: "/", headerFields: [.contentType: contentType]),
                body: RequestBody(buffer: ByteBuffer(string: body)))
    }

    @Test func fieldsReadAsFormBodyReadsThem() async throws {
        let body = "text=Minutes+of+the+%E2%80%98panel%E2%80%99+%26+notes%0d%0Aline+2&blank=+%20+&raw=+yes+&empty="
        let form = try await Self.request(body).decodeForm(as: Form.self)
        let read = FormBody(body)
        #expect(form.text == read.text("text") && form.text == "Minutes of the \u{2018}panel\u{2019} & notes\r\nline 2")
        #expect(form.blank == nil && read.text("blank") == nil)                 // blank is absent
        #expect(form.missing == nil && read.text("missing") == nil)
        #expect(form.raw == read["raw"] && form.raw == " yes ")                  // a raw field keeps its spaces
        #expect(form.empty == "" && read["empty"] == "")
    }

    @Test func aBodyThatDoesNotDecodeExactlyIsRefused() async throws {
        for body in ["text=%zz", "text=%4", "text=caf%E9", "%ZZ=x", "text=a&text=b", "text[a]=1&text=2"] {
            await #expect(throws: HTTPError.self, "\(body)") { try await Self.request(body).decodeForm(as: Form.self) }
            do {
                _ = try await Self.request(body).decodeForm(as: Form.self)
            } catch let error as HTTPError {
                #expect(error.status == .badRequest && error.body?.contains("arrived damaged") == true)
            }
        }
        await #expect(throws: HTTPError.self) {
            try await Self.request("text=1", contentType: "multipart/form-data; boundary=x").decodeForm(as: Form.self)
        }
    }
}
