import Foundation
import Testing
@testable import S11Core

@Suite("Sign-in throttle")
struct SignInThrottleTests {
    let throttle = SignInThrottle()
    let now = Date(timeIntervalSince1970: 2_000_000_000)

    func decision(account: Int, accountAgo: TimeInterval? = 0, address: Int = 0, addressAgo: TimeInterval? = nil) -> SignInThrottle.Decision {
        throttle.decision(accountFailures: account, lastAccountFailure: accountAgo.map { now.addingTimeInterval(-$0) },
                          addressFailures: address, lastAddressFailure: addressAgo.map { now.addingTimeInterval(-$0) }, now: now)
    }

    @Test func fiveFailuresAreFreeThenEachDoublesTheWaitUpToTheCap() {
        #expect(decision(account: 4) == .allowed)
        #expect(decision(account: 5) == .wait(until: now.addingTimeInterval(1)))
        #expect(decision(account: 8) == .wait(until: now.addingTimeInterval(8)))
        #expect(decision(account: 19) == .wait(until: now.addingTimeInterval(15 * 60)))     // 2^14 s, capped
        #expect(decision(account: 8, accountAgo: 9) == .allowed)                            // waited long enough
    }

    @Test func twentyFailuresLockTheAccountWhateverTheWait() {
        #expect(decision(account: 20, accountAgo: 86_400) == .locked)
    }

    @Test func anAddressGuessingAtManyAccountsWaitsToo() {
        #expect(decision(account: 0, accountAgo: nil, address: 7, addressAgo: 1) == .wait(until: now.addingTimeInterval(3)))
        #expect(decision(account: 6, accountAgo: 1, address: 9, addressAgo: 1) == .wait(until: now.addingTimeInterval(15)))  // the longer wins
    }
}
