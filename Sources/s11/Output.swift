import Foundation

/// Writes `data` to the file `out` and says so (adding `note`), or to standard output when no
/// file is given: the `--out FILE` of every command that produces a document.
func emit(_ data: Data, to out: String?, note: String = "") throws {
    if let out {
        try writeFile(data, to: out)
        print("wrote \(out)\(note)")
    } else {
        FileHandle.standardOutput.write(data)
    }
}

/// Writes a file, creating its folder.
func writeFile(_ data: Data, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    do {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    } catch {
        throw CLIError("cannot write \(path): \(error.localizedDescription)")
    }
}
