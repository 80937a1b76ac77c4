import Foundation
import Testing
import WiecCore
import WiecGateway

/// Staff page sessions over a real access file in a temporary folder: a one-time code or the
/// bearer token starts one, idling past the timeout or revoking the account ends it.
@Suite struct StaffSessionTests {
    let folder: URL
    let access: AccessStore
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("wiec-staff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        access = try AccessStore(path: folder.appendingPathComponent("wiec.access").path)
    }

    @Test func aCodeSignsInOnceInAnyCaseWithOrWithoutDashes() throws {
        let (account, _) = try access.addStaff(name: "Ewa Radna", role: .reviewer, scope: .edition("bo"), at: start)
        let code = try #require(try access.issueStaffSignInCode(staff: account.id))
        #expect(code.count == 19 && code.split(separator: "-").count == 4)
        let typed = code.lowercased().replacingOccurrences(of: "-", with: " ")
        let session = try #require(try access.startStaffSession(credential: typed, at: start))
        #expect(session.account == account)
        #expect(try access.staffSession(token: session.token, at: start, idleTimeout: 60) == account)
        #expect(try access.startStaffSession(credential: code, at: start) == nil, "a code is used up by its first sign-in")
    }

    @Test func aNewCodeReplacesTheEarlierOne() throws {
        let (account, _) = try access.addStaff(name: "Jan Sołtys", role: .reviewer, scope: .all, at: start)
        let first = try #require(try access.issueStaffSignInCode(staff: account.id))
        let second = try #require(try access.issueStaffSignInCode(staff: account.id))
        #expect(try access.startStaffSession(credential: first, at: start) == nil)
        #expect(try access.startStaffSession(credential: second, at: start)?.account == account)
        #expect(try access.issueStaffSignInCode(staff: "staff-nobody") == nil)
    }

    @Test func theBearerTokenSignsInAndStaysUsable() throws {
        let (account, token) = try access.addStaff(name: "Anna Admin", role: .admin, scope: .all, at: start)
        let one = try #require(try access.startStaffSession(credential: token, at: start))
        let two = try #require(try access.startStaffSession(credential: token, at: start))
        #expect(one.token != two.token && one.account == account && two.account == account)
        #expect(try access.startStaffSession(credential: "wiec_s_forged", at: start) == nil)
        #expect(try access.startStaffSession(credential: "", at: start) == nil)
    }

    @Test func anIdleSessionEndsAndAUsedOneStaysOpen() throws {
        let (_, token) = try access.addStaff(name: "Anna Admin", role: .admin, scope: .all, at: start)
        let session = try #require(try access.startStaffSession(credential: token, at: start))
        let minute: TimeInterval = 60
        #expect(try access.staffSession(token: session.token, at: start + 50, idleTimeout: minute) != nil)
        #expect(try access.staffSession(token: session.token, at: start + 100, idleTimeout: minute) != nil, "use keeps it open")
        #expect(try access.staffSession(token: session.token, at: start + 161, idleTimeout: minute) == nil, "idle past the timeout")
        #expect(try access.staffSession(token: session.token, at: start + 162, idleTimeout: 3_600) == nil, "and ended for good")
    }

    @Test func signingOutEndsOnlyThatSession() throws {
        let (_, token) = try access.addStaff(name: "Anna Admin", role: .admin, scope: .all, at: start)
        let kept = try #require(try access.startStaffSession(credential: token, at: start))
        let ended = try #require(try access.startStaffSession(credential: token, at: start))
        try access.endStaffSession(token: ended.token)
        #expect(try access.staffSession(token: ended.token, at: start, idleTimeout: 60) == nil)
        #expect(try access.staffSession(token: kept.token, at: start, idleTimeout: 60) != nil)
    }

    @Test func revokingEndsSessionsAndCodesAtOnce() throws {
        let (account, token) = try access.addStaff(name: "Ewa Radna", role: .reviewer, scope: .all, at: start)
        let session = try #require(try access.startStaffSession(credential: token, at: start))
        let code = try #require(try access.issueStaffSignInCode(staff: account.id))
        #expect(try access.revokeStaff(id: account.id, at: start))
        #expect(try access.staffSession(token: session.token, at: start, idleTimeout: 60) == nil)
        #expect(try access.startStaffSession(credential: code, at: start) == nil)
        #expect(try access.startStaffSession(credential: token, at: start) == nil)
        #expect(try access.issueStaffSignInCode(staff: account.id) == nil)
    }

    @Test func aResidentTokenIsNoStaffSession() throws {
        let resident = access.residentToken(edition: "bo", resident: "r-1")
        #expect(try access.startStaffSession(credential: resident, at: start) == nil)
        #expect(try access.staffSession(token: resident, at: start, idleTimeout: 60) == nil)
    }
}
