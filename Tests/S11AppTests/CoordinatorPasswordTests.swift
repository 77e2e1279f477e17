import Testing
@testable import S11App

/// Passwords as the NCSC advises: long enough, and none an attacker tries first; a long password of
/// unrelated words passes whatever characters it has.
@Suite struct CoordinatorPasswordTests {
    @Test func whatAttackersTryFirstIsRefusedWithTheReason() {
        let refused: [(String, String)] = [
            ("short words", "at least 12 characters"),
            ("qwerty123456", "passwords people use most"),                 // on the list as it is
            ("Password2027!", "passwords people use most"),                // a common one with digits and symbols added
            ("!!Iloveyou1234", "passwords people use most"),
            ("aaaaaaaaaaaaaa", "repeats the same few characters"),
            ("abcabcabcabcabc", "repeats the same few characters"),
            ("safeguardingsafeguarding", "repeats the same few characters"),
            ("123456789012", "runs along the keyboard"),
            ("abcdefghijklm", "runs along the keyboard"),
            ("sam.reed is the lead", "contains \"reed\" from your e-mail address"),
            ("thames valley police", "contains \"thames\" from your e-mail address"),
        ]
        for (password, reason) in refused {
            let problem = CoordinatorPassword.problem(password, email: "sam.reed@thames.example")
            #expect(problem?.contains(reason) == true, "\(password): \(problem ?? "accepted")")
        }
    }

    @Test func longUnrelatedWordsPass() {
        for password in ["correct horse battery staple", "tulip lorry umbrella 42", "Kettle-moss-violin-harbour", "passwordless otter trail"] {
            #expect(CoordinatorPassword.problem(password, email: "sam.reed@thames.example") == nil, "\(password)")
        }
        #expect(CommonPasswords.all.count == 30_000)
    }
}
