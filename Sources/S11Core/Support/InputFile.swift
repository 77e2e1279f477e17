import Foundation

/// Reads a file a person gave s11, refusing one over a size cap from its size on disk, before a
/// byte of it is read into memory.
public enum InputFile {
    /// The file's bytes, or one `FILE:1:1` diagnostic saying why not.
    public static func data(_ path: String, maximumBytes: Int, shownAs name: String? = nil) throws(DiagnosticsError) -> Data {
        let name = name ?? path
        func refuse(_ message: String) -> DiagnosticsError {
            DiagnosticsError([Diagnostic(SourceLocation(file: name, line: 1, column: 1), message)])
        }
        let size: Int
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            guard attributes[.type] as? FileAttributeType != .typeDirectory else { throw refuse("this is a folder, not a file; name the file") }
            size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch let error as DiagnosticsError {
            throw error
        } catch {
            throw refuse("cannot read the file: no such file, or not allowed; check the path")
        }
        guard size <= maximumBytes else {
            throw refuse("the file is \(size) bytes; s11 reads files of this kind up to \(maximumBytes) bytes, so it was not read; check it is the file you meant")
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw refuse("cannot read the file: no such file, or not allowed; check the path")
        }
    }
}
