import ArgumentParser
import Foundation
import S11Core
import S11App
import S11Store

/// Runs a command body, printing every diagnostic as its own `FILE:LINE:COL: error:` line on
/// stderr and exiting 1; other refusals print as `error: ...`.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as DiagnosticsError {
        for diagnostic in error.boundedPerFile { printError(diagnostic.description) }
        throw ExitCode(1)
    } catch let error as StoreError {
        printError("error: \(error.message)")
        throw ExitCode(1)
    } catch let error as ContentSelectionError {
        printError("error: \(error.message)")
        throw ExitCode(1)
    } catch let error as CLIError {
        printError("error: \(error.message)")
        throw ExitCode(1)
    } catch let error as ApplicationError {
        printError("error: \(error.message)")
        throw ExitCode(1)
    } catch let error as PlanUpdateError {
        printError("error: \(error.description)")
        throw ExitCode(1)
    } catch let error as DecodingError {
        printError("error: the stored data cannot be read (\(error.localizedDescription)); restore a backup or re-import it")
        throw ExitCode(1)
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// A refusal worded for the command line.
struct CLIError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
