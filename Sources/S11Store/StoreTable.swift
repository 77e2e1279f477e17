import S11Core
/// A table of the store, as moving a store from one engine to another copies it. Listed so that
/// every table comes after the tables it refers to.
struct StoreTable: Sendable {
    var name: String
    /// Whether the database numbers its `id` column itself (the counter moves with the rows).
    var numbersItsRows = false

    static let all: [StoreTable] = [
        StoreTable(name: "content"),
        StoreTable(name: "audit", numbersItsRows: true),
        StoreTable(name: "auditContent"),
        StoreTable(name: "officer", numbersItsRows: true),
        StoreTable(name: "officerLink"),
        StoreTable(name: "answer"),
        StoreTable(name: "returnEvent", numbersItsRows: true),
        StoreTable(name: "plan"),
        StoreTable(name: "moderation"),
        StoreTable(name: "moderationLog", numbersItsRows: true),
        StoreTable(name: "staffLink"),
        StoreTable(name: "staffCodebook"),
        StoreTable(name: "staffImportBatch", numbersItsRows: true),
        StoreTable(name: "staffAnswerSet"),
        StoreTable(name: "coordinator"),
        StoreTable(name: "coordinatorSession"),
        StoreTable(name: "signInEvent", numbersItsRows: true),
        StoreTable(name: "mailMessage", numbersItsRows: true),
        StoreTable(name: "round", numbersItsRows: true),
        StoreTable(name: "roundMember"),
        StoreTable(name: "boardScore"),
        StoreTable(name: "coordinatorInvitation"),
        StoreTable(name: "challengeEvent", numbersItsRows: true),
        StoreTable(name: "challengeEventMember"),
        StoreTable(name: "peerPairing", numbersItsRows: true),
        StoreTable(name: "peerProposal"),
        StoreTable(name: "roundCrosswalk"),
        StoreTable(name: "roundReading"),
        StoreTable(name: "readingModeration"),
        StoreTable(name: "readingPlan"),
        StoreTable(name: "reminderSchedule"),
        StoreTable(name: "reminderClaim"),
        StoreTable(name: "roundReminderSchedule"),
        StoreTable(name: "leadReminder"),
        StoreTable(name: "signOnProvider"),
        StoreTable(name: "signOnAttempt"),
        StoreTable(name: "keptForm"),
        StoreTable(name: "trail", numbersItsRows: true),
        StoreTable(name: "documentContent"),
        StoreTable(name: "documentChunk"),
        StoreTable(name: "document", numbersItsRows: true),
        StoreTable(name: "documentRefusal", numbersItsRows: true),
        StoreTable(name: "roundFigure"),
        StoreTable(name: "roundTally"),
        StoreTable(name: "roundTotal"),
        StoreTable(name: "roundGap"),
    ]
}
