import ArgumentParser
import Foundation
import S11Core

/// Runs a command body, printing every diagnostic as its own `FILE:LINE:COL: error:` line on
/// stderr and exiting 1; other refusals print as `error: ...`.
func reportingFailures(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch {
        throw report(error)
    }
}

/// Prints a refusal in the command line's words and returns the exit to end with; anything else
/// is returned as it came.
private func report(_ error: any Error) -> any Error {
    switch error {
    case let error as DiagnosticsError:
        for diagnostic in error.boundedPerFile { printError(diagnostic.description) }
    case let error as any UserFacingError: printError("error: \(error.message)")
    case let error as StoreFailure:
        printError("error: the store failed: \(error.description); if it goes on, restore a backup ('s11 restore') or ask whoever keeps it")
    case let error as DecodingError:
        printError("error: the stored data cannot be read (\(error.localizedDescription)); restore a backup or re-import it")
    default: return error
    }
    return ExitCode(1)
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// A refusal worded for the command line.
struct CLIError: UserFacingError {
    var message: String
    init(_ message: String) { self.message = message }
}
