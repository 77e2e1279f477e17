import Foundation

/// The package root, found from this file's path, so tests read the content s11 ships.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fresh temporary folder.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("s11-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Copies Standards/ and Surveys/ into a fresh folder a test may break.
func copyOfShippedContent() throws -> URL {
    let folder = try temporaryFolder()
    for name in ["Standards", "Surveys"] {
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name))
    }
    return folder
}

/// Replaces the first occurrence of `old` in a file; fails the test when it is absent.
func replaceFirst(_ old: String, with new: String, in file: URL) throws {
    let text = try String(contentsOf: file, encoding: .utf8)
    guard let range = text.range(of: old) else { throw TestFailure("'\(old)' not found in \(file.lastPathComponent)") }
    try text.replacingCharacters(in: range, with: new).write(to: file, atomically: true, encoding: .utf8)
}

/// The line (1-based) on which `needle` first appears in a file.
func lineOf(_ needle: String, in file: URL) throws -> Int {
    let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
    guard let index = lines.firstIndex(where: { $0.contains(needle) }) else { throw TestFailure("'\(needle)' not in \(file.lastPathComponent)") }
    return index + 1
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
