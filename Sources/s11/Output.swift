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

/// Writes a file, creating its folder: whole or not at all (written beside it, then moved over
/// it). A device or pipe (`/dev/null`, a FIFO) is written to as it is, never replaced.
func writeFile(_ data: Data, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    do {
        if isSpecialFile(path) {
            guard let handle = FileHandle(forWritingAtPath: path) else { throw CLIError("cannot write \(path)") }
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            return
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    } catch {
        throw CLIError("cannot write \(path): \(error.localizedDescription)")
    }
}

/// True when `path` (its links followed) is there and is no regular file or folder: a device, a
/// pipe or a socket, which moving a finished file over would replace (as root, `/dev/null` itself).
func isSpecialFile(_ path: String) -> Bool {
    var status = stat()
    guard stat(path, &status) == 0 else { return false }
    let type = status.st_mode & S_IFMT
    return type != S_IFREG && type != S_IFDIR
}
