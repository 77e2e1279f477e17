import Foundation
import S11Mail
import Testing

/// The mail program is run as a real process (`/bin/sh` stands in for msmtp): the message reaches
/// its standard input whole, what it says is read while it runs, and one that hangs is stopped.
@Suite struct SendmailProgramTests {
    /// Longer than the whole suite runs: these programs must not be stopped, and a busy run of the
    /// suite (browsers, servers and builds on two cores) can keep a task waiting for minutes.
    static let patience: Duration = .seconds(3_600)

    @Test func theMessageReachesTheProgramWholeAndExitZeroIsAccepted() async throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("s11-mail-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        let message = Data((0..<20_000).map { "line \($0) of a long message\r\n" }.joined().utf8)
        let program = try #require(SendmailProgram(command: "/bin/sh -c 'cat > \(copy.path)'", timeout: Self.patience))
        let outcome = await program.deliver(message, to: "officer@example.org")
        #expect(outcome == .init(accepted: true, detail: ""))
        #expect(try Data(contentsOf: copy) == message)
    }

    @Test func aProgramThatSaysMoreThanAPipeHoldsIsDrainedAndItsRefusalQuoted() async throws {
        // 1 MiB on standard error before it reads a byte: a program whose output nobody read would block forever.
        let program = try #require(SendmailProgram(command: "/bin/sh -c 'head -c 1048576 /dev/zero | tr \"\\\\000\" x >&2; cat >/dev/null; echo relay refused >&2; exit 75'", timeout: Self.patience))
        let outcome = await program.deliver(Data("Subject: test\r\n\r\nhello\r\n".utf8), to: "officer@example.org")
        #expect(!outcome.accepted)
        #expect(outcome.detail.hasPrefix("'/bin/sh' refused it (exit status 75): xxxx"))
    }

    @Test func aProgramThatHangsIsStoppedAfterItsTime() async throws {
        let program = try #require(SendmailProgram(command: "/bin/sh -c 'exec sleep 1800'", timeout: .milliseconds(300)))
        let started = ContinuousClock.now
        let outcome = await program.deliver(Data("hello".utf8), to: "officer@example.org")
        #expect(!outcome.accepted)
        #expect(outcome.detail.contains("took longer than"))
        #expect(ContinuousClock.now - started < .seconds(900))               // not the program's half hour, even on a busy machine
    }

    @Test func aProgramThatNeverReadsALargeMessageIsStoppedWithoutTakingS11Down() async throws {
        // The message fills the pipe and the write waits until the time is up and the run is
        // cancelled mid-write: the writer must still be closed (Subprocess stops the process
        // with a fatal error for a descriptor left open).
        let program = try #require(SendmailProgram(command: "/bin/sh -c 'exec sleep 1800'", timeout: .milliseconds(300)))
        let outcome = await program.deliver(Data(repeating: UInt8(ascii: "x"), count: 4 << 20), to: "officer@example.org")
        #expect(!outcome.accepted)
        #expect(outcome.detail.contains("took longer than"))
    }

    @Test func aProgramThatExitsWithoutReadingALargeMessageIsARefusalNotACrash() async throws {
        // The write fails when the program has gone (a broken pipe): its exit status is the answer.
        let program = try #require(SendmailProgram(command: "/bin/sh -c 'echo no relay configured >&2; exit 78'", timeout: Self.patience))
        let outcome = await program.deliver(Data(repeating: UInt8(ascii: "x"), count: 4 << 20), to: "officer@example.org")
        #expect(outcome == .init(accepted: false, detail: "'/bin/sh' refused it (exit status 78): no relay configured"))
    }

    @Test func aProgramThatDoesNotExistIsAFailureNotACrash() async throws {
        let program = try #require(SendmailProgram(command: "no-such-mail-program-s11 -t", timeout: Self.patience))
        let outcome = await program.deliver(Data("hello".utf8), to: "officer@example.org")
        #expect(!outcome.accepted)
        #expect(outcome.detail.hasPrefix("could not start 'no-such-mail-program-s11'"))
    }
}
