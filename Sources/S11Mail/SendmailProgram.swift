import Foundation
import S11App
import Subprocess
import SystemPackage

/// A sendmail-compatible program, such as Debian's `msmtp -t` configured for the council's relay
/// or the host's own MTA (`/usr/sbin/sendmail -t -i`): each message goes to its standard input,
/// and exit status 0 means the program accepted it. s11 writes no SMTP itself.
public struct SendmailProgram: MailDelivery {
    /// The program and its arguments, as configured (`--sendmail "msmtp -t"` or `S11_SENDMAIL`).
    public let arguments: [String]
    /// How long one message may take before the program is stopped and the message counted failed.
    public let timeout: Duration

    /// Reads a command line such as `msmtp -t -C /etc/msmtprc`: words split on spaces, with
    /// single or double quotes around a word that holds spaces. nil when it names no program.
    public init?(command: String, timeout: Duration = .seconds(60)) {
        var words: [String] = []
        var word = ""
        var quote: Character?
        var inWord = false
        for character in command {
            if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character == " " || character == "\t" {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(character)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        guard quote == nil, let first = words.first, !first.isEmpty else { return nil }
        arguments = words
        self.timeout = timeout
    }

    /// Hands the message to the program's standard input while reading what it says (standard
    /// output and error together, so a chatty program never blocks on a full pipe), all without
    /// holding a thread; a program still running after `timeout` is stopped (SIGTERM, then SIGKILL).
    public func deliver(_ message: Data, to recipient: String) async -> MailDeliveryOutcome {
        signal(SIGPIPE, SIG_IGN)                      // a program that exits early must not take s11 with it
        let program = arguments[0]
        do {
            let finished = try await withThrowingTaskGroup(of: (status: TerminationStatus, said: String)?.self) { group in
                group.addTask { try await run(with: message) }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                defer { group.cancelAll() }
                return try await group.next() ?? nil
            }
            guard let (status, said) = finished else {
                return MailDeliveryOutcome(accepted: false, detail: "'\(program)' took longer than \(timeout.components.seconds) seconds and was stopped")
            }
            guard status.isSuccess else {
                let words = said.isEmpty ? "" : ": " + String(said.prefix(500))
                return MailDeliveryOutcome(accepted: false, detail: "'\(program)' refused it (\(Self.describe(status)))\(words)")
            }
            return MailDeliveryOutcome(accepted: true, detail: "")
        } catch {
            return MailDeliveryOutcome(accepted: false, detail: "could not start '\(program)': \(error)")
        }
    }

    /// Runs the program once on `message`: its termination and the start of what it said.
    private func run(with message: Data) async throws -> (status: TerminationStatus, said: String) {
        var options = PlatformOptions()
        options.teardownSequence = [.gracefulShutDown(allowedDurationToNextStep: .seconds(2))]
        let executable: Executable = arguments[0].contains("/") ? .path(FilePath(arguments[0])) : .name(arguments[0])
        let result = try await Subprocess.run(executable, arguments: Arguments(Array(arguments.dropFirst())), platformOptions: options,
                                              input: .inputWriter, output: .sequence, error: .combinedWithOutput) { execution in
            // The message goes in while what the program says is read. A program that stops
            // reading and exits fails the write; its exit status and words then tell why. (The
            // writer is finished by Subprocess however the body ends, so no descriptor is left open.)
            async let written: Void = {
                _ = try await execution.standardInputWriter.write(message)
                try await execution.standardInputWriter.finish()
            }()
            var said: [UInt8] = []
            for try await buffer in execution.standardOutput where said.count < Self.kept {
                buffer.withUnsafeBytes { said += $0.prefix(Self.kept - said.count) }
            }
            try? await written
            return String(decoding: said, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return (result.terminationStatus, result.closureResult)
    }

    /// How much of what the program says is kept for its record.
    private static let kept = 4_096

    private static func describe(_ status: TerminationStatus) -> String {
        switch status {
        case .exited(let code): "exit status \(code)"
        case .signaled(let signal): "stopped by signal \(signal)"
        }
    }
}
