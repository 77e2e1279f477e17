import Foundation
import Hummingbird
import MultipartKit
import NIOCore
import S11App
import S11Core

/// A form of evidence documents (`multipart/form-data`) read as it arrives, never whole: its text
/// fields (the CSRF token must come before any file), and each file written to its own spool
/// (`DocumentSpool`) as its bytes come. A file over the limit stops the reading there, and is
/// refused without the rest of the request being read.
struct StreamedUpload {
    /// Each file that arrived whole, spooled; the caller keeps or refuses each, then discards it.
    var files: [DocumentSpool] = []
    /// The file that stopped the reading, and why.
    var refusal: (name: String, reason: String)?

    /// At most this many files in one form.
    static let mostFiles = 50
    /// At most this many bytes of a text field.
    static let longestField = 4_096

    /// Whether `request` posts evidence documents to an officer's link (`/r/TOKEN/documents`),
    /// which `FormGuard` leaves for the handler to read as it arrives.
    static func isStreamed(_ request: Request) -> Bool {
        let path = request.uri.path
        return request.method == .post && path.hasPrefix("/r/") && path.hasSuffix("/documents") && UploadForm.isUpload(request)
    }

    /// Reads the request's form, spooling its files through `documents`. Throws 403 when the
    /// CSRF token is wrong or comes after a file, 400 when the form is damaged.
    static func read(_ request: Request, documents: EvidenceDocuments) async throws -> StreamedUpload {
        guard let boundary = UploadForm.boundary(of: request) else {
            throw HTTPError(.badRequest, message: "This form should carry files. Go back, choose them and send them again.")
        }
        let state = State(request: request, documents: documents)
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in state.header(name, value) }
        parser.onBody = { buffer in state.body(&buffer) }
        parser.onPartComplete = { state.partComplete() }
        do {
            for try await buffer in request.body {
                try parser.execute(buffer)
                if state.failure != nil || state.upload.refusal != nil { break }
            }
        } catch {
            state.discardAll()
            throw HTTPError(.badRequest, message: "This upload arrived damaged. Go back and send the files again.")
        }
        if let failure = state.failure {
            state.discardAll()
            throw failure
        }
        return state.upload
    }

    /// What the parser's callbacks build, part by part.
    private final class State {
        let request: Request
        let documents: EvidenceDocuments
        var upload = StreamedUpload()
        var failure: HTTPError?
        var headers: [(String, String)] = []
        var field: (name: String, bytes: [UInt8])?
        var spool: DocumentSpool?
        var csrfChecked = false
        /// A file input left empty: its part carries no file name and no bytes.
        var skipping = false

        init(request: Request, documents: EvidenceDocuments) {
            self.request = request
            self.documents = documents
        }

        func header(_ name: String, _ value: String) {
            headers.append((name.lowercased(), value))
        }

        /// The first bytes of a part decide what it is: a text field, or a file to spool.
        func body(_ buffer: inout ByteBuffer) {
            guard failure == nil, upload.refusal == nil, !skipping else { return }
            if field == nil, spool == nil, !begin() { return }
            if var text = field {
                guard text.bytes.count + buffer.readableBytes <= StreamedUpload.longestField else {
                    failure = HTTPError(.badRequest, message: "A field of this form is too long. Go back and send it again.")
                    return
                }
                text.bytes += buffer.readBytes(length: buffer.readableBytes) ?? []
                field = text
            } else if let spool {
                do {
                    try buffer.withUnsafeReadableBytes { try spool.append($0) }
                } catch {
                    upload.refusal = (spool.name, (error as? UserFacingError)?.message ?? "\(error)")
                    spool.discard()
                    self.spool = nil
                }
            }
        }

        /// Starts the part the headers describe; false (with the failure set) when it may not come.
        private func begin() -> Bool {
            let disposition = headers.first { $0.0 == "content-disposition" }?.1 ?? ""
            guard let name = UploadForm.parameter("name", in: disposition) else { return false }
            guard let fileName = UploadForm.parameter("filename", in: disposition) else {
                field = (name, [])
                return true
            }
            guard !fileName.isEmpty else {
                skipping = true
                return false
            }
            guard csrfChecked else {
                failure = WebSecurity.refusedForm
                return false
            }
            guard upload.files.count < StreamedUpload.mostFiles else {
                upload.refusal = (DocumentName.clean(fileName), "At most \(StreamedUpload.mostFiles) files can be sent at once; send the rest next")
                return false
            }
            do {
                spool = try documents.spool(name: fileName)
            } catch {
                failure = HTTPError(.internalServerError, message: "The server could not take the upload: \(error)")
                return false
            }
            return true
        }

        func partComplete() {
            defer { headers = [] }
            if let text = field {
                field = nil
                if text.name == "csrf" {
                    guard WebSecurity.csrfMatches(field: String(decoding: text.bytes, as: UTF8.self), request: request) else {
                        failure = WebSecurity.refusedForm
                        return
                    }
                    csrfChecked = true
                }
            } else if let spool {
                self.spool = nil
                upload.files.append(spool)
            } else if skipping {
                skipping = false
            } else if failure == nil, upload.refusal == nil, !headers.isEmpty {
                if begin() { partComplete() }                  // a part with headers but no body: an empty file or field
                skipping = false
            }
        }

        func discardAll() {
            spool?.discard()
            upload.files.forEach { $0.discard() }
        }
    }
}
