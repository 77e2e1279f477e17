import Foundation
import ServiceLifecycle
import S11Core

/// The service `s11 serve` runs beside its HTTP server that sends reminders as they fall due: it
/// sends what is due, sleeps on `clock` until the next reminder of any audit is due (or `recheck`
/// has passed, to see schedules and deadlines changed meanwhile), and stops at a graceful
/// shutdown. Each reminder is claimed in the store before it goes, so a second server skips it.
public struct ReminderSender<C: Clock>: Service where C.Duration == Duration {
    let reminders: ScheduledReminders
    let delivery: any MailDelivery
    let clock: C
    /// The moment it is now, as the schedule reads it (the wall clock, or a test's).
    let now: @Sendable () -> Date
    let recheck: Duration
    /// Told what was sent or failed, a line at a time (the server's log).
    let report: @Sendable (String) -> Void
    /// Told the moment it next wakes each time it goes to sleep (for a test that moves the clock).
    let sleeping: @Sendable (Date) -> Void

    public init(app: S11App, delivery: any MailDelivery, clock: C, now: @escaping @Sendable () -> Date = { Date() },
                recheck: Duration = .seconds(3_600), report: @escaping @Sendable (String) -> Void,
                sleeping: @escaping @Sendable (Date) -> Void = { _ in }) {
        reminders = app.scheduledReminders
        self.delivery = delivery
        self.clock = clock
        self.now = now
        self.recheck = recheck
        self.report = report
        self.sleeping = sleeping
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let instant = clock.now                      // read first, so the sleep never ends after `wake`
                let started = now()
                await sendDue(at: started)
                let next = (try? await reminders.nextDue(after: started)) ?? .distantFuture
                let wake = min(next, started.addingTimeInterval(Double(recheck.components.seconds)))
                let wait = max(0, wake.timeIntervalSince(started))
                // The instant is fixed before anyone hears of it: a clock moved on before the sleep
                // begins then wakes it at once, not a whole wait later.
                let until = instant.advanced(by: .milliseconds(Int64((wait * 1_000).rounded(.down))))
                sleeping(wake)
                do {
                    try await clock.sleep(until: until, tolerance: nil)
                } catch {
                    return                                   // cancelled: the server is stopping
                }
            }
        }
    }

    private func sendDue(at moment: Date) async {
        do {
            for batch in try await reminders.sendDue(at: moment, via: delivery) {
                let which = batch.which
                if let problem = batch.problem {
                    report("scheduled reminders for \(which) were not sent: \(problem)")
                    continue
                }
                let refused = batch.records.filter { !$0.accepted }
                report("sent \(Counted(batch.records.count, "scheduled reminder")) for \(which)"
                       + (refused.isEmpty ? "" : "; the mail program refused \(refused.map(\.officerEmail).joined(separator: ", "))"))
            }
        } catch {
            report("scheduled reminders could not be read from the store: \(error)")
        }
    }
}
