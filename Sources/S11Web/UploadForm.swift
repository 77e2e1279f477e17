import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A form with a file (`multipart/form-data`), read with MultipartKit: its text fields and its
/// files. Refused with 413 when larger than the limit and 403 when its CSRF token is wrong.
/// `FormGuard` reads it before anything else, and hands it on in the request's context.
struct UploadForm: Sendable {
    /// One uploaded file: the name the browser gave it and its bytes.
    struct File: Sendable {
        var name: String
        var bytes: [UInt8]
    }

    var fields: [String: String] = [:]
    var files: [String: File] = [:]

    /// Largest upload accepted: as large as s11 reads any file (`InputFile`).
    static let maxBody = 64 * 1024 * 1024

    subscript(_ name: String) -> String? { fields[name] }

    /// A field's text, trimmed; nil when it is absent or blank.
    func text(_ name: String) -> String? {
        guard let value = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// Whether the request posts a file form.
    static func isUpload(_ request: Request) -> Bool {
        (request.headers[.contentType] ?? "").lowercased().hasPrefix("multipart/form-data")
    }

    static func read(_ request: Request) async throws -> UploadForm {
        var request = request
        guard isUpload(request), let boundary = boundary(of: request) else {
            throw HTTPError(.badRequest, message: "This form should carry a file. Go back, choose the file and send it again.")
        }
        let body = try await request.collectBody(upTo: maxBody)
        var form = UploadForm()
        var headers: [(String, String)] = []
        var bytes: [UInt8] = []
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in headers.append((name.lowercased(), value)) }
        parser.onBody = { buffer in bytes += buffer.readBytes(length: buffer.readableBytes) ?? [] }
        parser.onPartComplete = {
            let disposition = headers.first { $0.0 == "content-disposition" }?.1 ?? ""
            if let name = Self.parameter("name", in: disposition) {
                if let fileName = Self.parameter("filename", in: disposition) {
                    form.files[name] = File(name: fileName, bytes: bytes)
                } else {
                    form.fields[name] = String(decoding: bytes, as: UTF8.self)
                }
            }
            headers = []
            bytes = []
        }
        do {
            try parser.execute(body)
        } catch {
            throw HTTPError(.badRequest, message: "This upload arrived damaged. Go back and send the file again.")
        }
        guard WebSecurity.csrfMatches(field: form.fields["csrf"], request: request) else { throw WebSecurity.refusedForm }
        return form
    }

    /// The boundary a multipart request's parts are separated by, as its Content-Type names it.
    static func boundary(of request: Request) -> String? {
        (request.headers[.contentType] ?? "").split(separator: ";").lazy.map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.lowercased().hasPrefix("boundary=") }
            .map { String($0.dropFirst("boundary=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
    }

    /// A parameter of a Content-Disposition header, such as `name="file"`.
    static func parameter(_ key: String, in header: String) -> String? {
        for part in header.split(separator: ";") {
            let pair = part.trimmingCharacters(in: .whitespaces)
            guard pair.lowercased().hasPrefix(key + "=") else { continue }
            var value = String(pair.dropFirst(key.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
