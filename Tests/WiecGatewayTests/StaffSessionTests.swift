import Foundation
import Testing
import WiecCore
import WiecGateway
import WiecTestSupport

/// Staff page sessions over every engine's real access data (a file in a temporary folder, a new
/// PostgreSQL database): a one-time code or the bearer token starts one, idling past the timeout
/// or revoking the account ends it, and another node on the same store sees it all at once.
@Suite struct StaffSessionTests {
    let temporary: TemporaryFolder
    var folder: URL { temporary.url }
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    init() throws {
        temporary = try TemporaryFolder("wiec-staff")
    }

    /// The access data of a new store on an engine, and a second opening of it (another node).
    func stores(on engine: StoreEngine) throws -> (AccessStore, AccessStore) {
        let location = try engine.freshStore(in: folder)
        return (try AccessStore(engine: try engine.openAccess(location)), try AccessStore(engine: try engine.openAccess(location)))
    }

    @Test(arguments: StoreEngine.available)
    func anotherNodeOnTheStoreSharesAccountsSessionsAndRevocations(_ engine: StoreEngine) throws {
        let (access, node) = try stores(on: engine)
        let (account, token) = try access.addStaff(name: "Ewa Radna", role: .reviewer, scope: .edition("bo"), at: start)
        #expect(try node.staff() == [account])
        #expect(try node.principal(token: token) == .staff(account))
        let code = try #require(try node.issueStaffSignInCode(staff: account.id))
        let session = try #require(try access.startStaffSession(credential: code, at: start))
        #expect(try node.staffSession(token: session.token, at: start + 1, idleTimeout: 60) == account)
        #expect(node.residentToken(edition: "bo", resident: "r-1") == access.residentToken(edition: "bo", resident: "r-1"))
        #expect(try node.revokeStaff(id: account.id, at: start + 2))
        #expect(try access.staffSession(token: session.token, at: start + 3, idleTimeout: 60) == nil)
        #expect(try access.principal(token: token) == nil)
        #expect(try access.revokeStaff(id: account.id, at: start + 4) == false)
    }

    @Test(arguments: StoreEngine.available)
    func aCodeSignsInOnceInAnyCaseWithOrWithoutDashes(_ engine: StoreEngine) throws {
        let (access, _) = try stores(on: engine)
        let (account, _) = try access.addStaff(name: "Ewa Radna", role: .reviewer, scope: .edition("bo"), at: start)
        let code = try #require(try access.issueStaffSignInCode(staff: account.id))
        #expect(code.count == 19 && code.split(separator: "-").count == 4)
        let typed = code.lowercased().replacingOccurrences(of: "-", with: " ")
        let session = try #require(try access.startStaffSession(credential: typed, at: start))
        #expect(session.account == account)
        #expect(try access.staffSession(token: session.token, at: start, idleTimeout: 60) == account)
        #expect(try access.startStaffSession(credential: code, at: start) == nil, "a code is used up by its first sign-in")
    }

    @Test(arguments: StoreEngine.available)
    func aNewCodeReplacesTheEarlierOne(_ engine: StoreEngine) throws {
        let (access, _) = try stores(on: engine)
        let (account, _) = try access.addStaff(name: "Jan Sołtys", role: .reviewer, scope: .all, at: start)
        let first = try #require(try access.issueStaffSignInCode(staff: account.id))
        let second = try #require(try access.issueStaffSignInCode(staff: account.id))
        #expect(try access.startStaffSession(credential: first, at: start) == nil)
        #expect(try access.startStaffSession(credential: second, at: start)?.account == account)
        #expect(try access.issueStaffSignInCode(staff: "staff-nobody") == nil)
    }

    @Test(arguments: StoreEngine.available)
    func theBearerTokenSignsInAndStaysUsable(_ engine: StoreEngine) throws {
        let (access, _) = try stores(on: engine)
        let (account, token) = try access.addStaff(name: "Anna Admin", role: .admin, scope: .all, at: start)
        let one = try #require(try access.startStaffSession(credential: token, at: start))
        let two = try #require(try access.startStaffSession(credential: token, at: start))
        #expect(one.token != two.token && one.account == account && two.account == account)
        #expect(try access.startStaffSession(credential: "wiec_s_forged", at: start) == nil)
        #expect(try access.startStaffSession(credential: "", at: start) == nil)
    }

    @Test(arguments: StoreEngine.available)
    func anIdleSessionEndsAndAUsedOneStaysOpen(_ engine: StoreEngine) throws {
        let (access, _) = try stores(on: engine)
        let (_, token) = try access.addStaff(name: "Anna Admin", role: .admin, scope: .all, at: start)
        let session = try #require(try access.startStaffSession(credential: token, at: start))
        let minute: TimeInterval = 60
        #expect(try access.staffSession(token: session.token, at: start + 50, idleTimeout: minute) != nil)
        #expect(try access.staffSession(token: session.token, at: start + 100, idleTimeout: minute) != nil, "use keeps it open")
        #expect(try access.staffSession(token: session.token, at: start + 161, idleTimeout: minute) == nil, "idle past the timeout")
        #expect(try access.staffSession(token: session.token, at: start + 162, idleTimeout: 3_600) == nil, "and ended for good")
    }

    @Test(arguments: StoreEngine.available)
    func signingOutEndsOnlyThatSession(_ engine: StoreEngine) throws {
        let (access, _) = try stores(on: engine)
        let (_, token) = try access.addStaff(name: "Anna Admin", role: .admin, scope: .all, at: start)
        let kept = try #require(try access.startStaffSession(credential: token, at: start))
        let ended = try #require(try access.startStaffSession(credential: token, at: start))
        try access.endStaffSession(token: ended.token)
        #expect(try access.staffSession(token: ended.token, at: start, idleTimeout: 60) == nil)
        #expect(try access.staffSession(token: kept.token, at: start, idleTimeout: 60) != nil)
    }

    @Test(arguments: StoreEngine.available)
    func revokingEndsSessionsAndCodesAtOnce(_ engine: StoreEngine) throws {
        let (access, _) = try stores(on: engine)
        let (account, token) = try access.addStaff(name: "Ewa Radna", role: .reviewer, scope: .all, at: start)
        let session = try #require(try access.startStaffSession(credential: token, at: start))
        let code = try #require(try access.issueStaffSignInCode(staff: account.id))
        #expect(try access.revokeStaff(id: account.id, at: start))
        #expect(try access.staffSession(token: session.token, at: start, idleTimeout: 60) == nil)
        #expect(try access.startStaffSession(credential: code, at: start) == nil)
        #expect(try access.startStaffSession(credential: token, at: start) == nil)
        #expect(try access.issueStaffSignInCode(staff: account.id) == nil)
    }

    @Test(arguments: StoreEngine.available)
    func aResidentTokenIsNoStaffSession(_ engine: StoreEngine) throws {
        let (access, _) = try stores(on: engine)
        let resident = access.residentToken(edition: "bo", resident: "r-1")
        #expect(try access.startStaffSession(credential: resident, at: start) == nil)
        #expect(try access.staffSession(token: resident, at: start, idleTimeout: 60) == nil)
    }
}
