import Foundation
import S11App

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

    /// Runs the program on a thread of its own, so that waiting for it holds none of the
    /// threads Swift keeps for the whole process.
    public func deliver(_ message: Data, to recipient: String) async -> MailDeliveryOutcome {
        await withCheckedContinuation { finished in
            DispatchQueue.global().async { finished.resume(returning: self.run(with: message)) }
        }
    }

    private func run(with message: Data) -> MailDeliveryOutcome {
        signal(SIGPIPE, SIG_IGN)                      // a program that exits early must not take s11 with it
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        do {
            try process.run()
        } catch {
            return MailDeliveryOutcome(accepted: false, detail: "could not start '\(arguments[0])': \(error.localizedDescription)")
        }
        // Read what it says while the message goes in, so a chatty program cannot block on a full pipe.
        let said = Said()
        let heard = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            said.data = output.fileHandleForReading.readDataToEndOfFile()
            heard.signal()
        }
        let stopped = Said()
        let watchdog = DispatchWorkItem {
            guard process.isRunning else { return }
            stopped.data = Data([1])
            process.terminate()
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(Int(timeout.components.seconds * 1000)), execute: watchdog)
        try? input.fileHandleForWriting.write(contentsOf: message)
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        watchdog.cancel()
        heard.wait()
        if !stopped.data.isEmpty {
            return MailDeliveryOutcome(accepted: false, detail: "'\(arguments[0])' took longer than \(timeout.components.seconds) seconds and was stopped")
        }
        let text = String(decoding: said.data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let words = text.isEmpty ? "" : ": " + String(text.prefix(500))
            return MailDeliveryOutcome(accepted: false, detail: "'\(arguments[0])' refused it (exit status \(process.terminationStatus))\(words)")
        }
        return MailDeliveryOutcome(accepted: true, detail: "")
    }
}

/// Bytes handed from one thread to another, under a lock.
private final class Said: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes = Data()
    var data: Data {
        get { lock.withLock { bytes } }
        set { lock.withLock { bytes = newValue } }
    }
}
