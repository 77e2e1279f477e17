import S11Core
import Testing

/// Whose accounts a provider signs in, which addresses it may vouch for, and the settings refused.
@Suite struct SignOnProviderTests {
    func provider(_ scope: SignOnProvider.Scope, issuer: String = "https://login.microsoftonline.com/tenant/v2.0",
                  domains: [String] = ["Oxfordshire.gov.uk"], name: String = "oxfordshire") -> SignOnProvider {
        SignOnProvider(name: name, label: "Oxfordshire's Microsoft account", issuer: issuer, clientID: "s11", clientSecret: "secret",
                       domains: domains, scope: scope)
    }

    let lead = Coordinator(email: "lead@oxfordshire.gov.uk", organisation: "Oxfordshire County Council")
    let otherLead = Coordinator(email: "lead@cherwell.gov.uk", organisation: "Cherwell District Council")
    let boardUser = Coordinator(email: "audit@oscb.org.uk", organisation: nil, board: "OSCB")
    let otherBoardUser = Coordinator(email: "audit@osab.org.uk", organisation: nil, board: "OSAB")

    @Test func anOrganisationsProviderSignsInItsOwnCoordinatorsOnly() {
        let mine = provider(.organisation("oxfordshire county council"))
        #expect(mine.admits(lead))
        #expect(!mine.admits(otherLead) && !mine.admits(boardUser))
    }

    @Test func aBoardsProviderSignsInItsOwnUsersOnly() {
        let board = provider(.board("OSCB"))
        #expect(board.admits(boardUser))
        #expect(!board.admits(otherBoardUser) && !board.admits(lead))
        #expect(provider(.server).admits(lead) && provider(.server).admits(otherBoardUser))
    }

    @Test func itVouchesOnlyForAddressesAtItsDomains() {
        let mine = provider(.server)
        #expect(mine.vouchesFor(email: "Ann@OXFORDSHIRE.gov.uk"))
        #expect(!mine.vouchesFor(email: "ann@oxfordshire.gov.uk.evil.example"))
        #expect(!mine.vouchesFor(email: "ann@sub.oxfordshire.gov.uk") && !mine.vouchesFor(email: "no address"))
    }

    @Test func settingsThatCouldNotWorkAreRefusedSayingWhat() {
        #expect(provider(.server).problem == nil)
        #expect(provider(.server, issuer: "http://127.0.0.1:9400").problem == nil)
        #expect(provider(.server, issuer: "http://login.example.org").problem?.contains("must be an https:// address") == true)
        #expect(provider(.server, issuer: "http://localhost.evil.example").problem?.contains("https://") == true)
        #expect(provider(.server, domains: []).problem?.contains("name the e-mail domains") == true)
        #expect(provider(.server, domains: ["@oxfordshire.gov.uk"]).problem?.contains("is not an e-mail domain") == true)
        #expect(provider(.server, name: "Oxford Shire").problem?.contains("lower-case letters") == true)
        #expect(provider(.server, name: "callback").problem?.contains("taken") == true)
    }
}
