import Foundation

/// Runs another program (an independent checker), returning its status and combined output.
public func runTool(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// True when `tool` is on the PATH; under CI (`CI` set, where .ci/run installs it) it must be.
public func requiredOrAvailable(_ tool: String) -> Bool {
    if ProcessInfo.processInfo.environment["CI"] != nil { return true }
    return (try? runTool("/usr/bin/env", ["which", tool]).status) == 0
}
