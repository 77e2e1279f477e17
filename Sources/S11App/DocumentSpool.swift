import Crypto
import Foundation
import S11Core

/// One uploaded file on its way in, written to a private temporary file as it arrives (so memory
/// does not grow with it), hashed and counted as it goes, and refused the moment it passes the
/// limit. `discard` deletes it, kept or not.
public final class DocumentSpool {
    /// The name the browser gave the file, cleaned (`DocumentName`).
    public let name: String
    let url: URL
    private let handle: FileHandle
    private var hasher = SHA256()
    private let limit: Int64
    /// How many bytes have arrived.
    public private(set) var size: Int64 = 0
    /// The first bytes, for `DocumentType.detect`.
    private(set) var head: [UInt8] = []

    /// A new, empty spool for a file named `name` that may be at most `limit` bytes.
    public init(name: String, limit: Int64) throws {
        self.name = DocumentName.clean(name)
        self.limit = limit
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("s11-uploads", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        url = folder.appendingPathComponent(UUID().uuidString)
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw ApplicationError("the server could not make room for the upload in \(folder.path)")
        }
        handle = try FileHandle(forWritingTo: url)
    }

    /// Adds the next bytes; refused, with nothing more written, once the file passes the limit.
    public func append(_ bytes: UnsafeRawBufferPointer) throws {
        size += Int64(bytes.count)
        guard size <= limit else {
            throw DocumentRefusal("\(name) is larger than \(DocumentLimits.words(limit)), the most one document can be. Send a smaller file (a PDF of only the pages that show the evidence, for example)")
        }
        if head.count < DocumentType.headLength { head += bytes.prefix(DocumentType.headLength - head.count) }
        hasher.update(bufferPointer: bytes)
        try handle.write(contentsOf: bytes)
    }

    /// The SHA-256 of everything appended, in hexadecimal; the file is closed for writing.
    func finish() throws -> String {
        try handle.close()
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Deletes the temporary file.
    public func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(at: url)
    }
}
