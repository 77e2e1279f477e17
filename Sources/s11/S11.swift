import ArgumentParser

/// The s11 command line: thin, it parses, calls the core and adapters, and prints.
@main
struct S11: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "s11",
        abstract: "Safeguarding self-assessment audits (Section 11 / Care Act), from the standards to next year's action plan.",
        subcommands: [Check.self, AuditCommand.self, Officers.self, Invite.self, Responses.self, Score.self,
                      Remind.self, Moderate.self, PlanCommand.self, RoundCommand.self, Serve.self, Admin.self, Backup.self, Restore.self, MigrateStore.self, Purge.self, Example.self, TrailCommand.self, EvidenceCommand.self])
}
