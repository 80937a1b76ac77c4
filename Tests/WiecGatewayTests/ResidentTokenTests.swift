import Foundation
import Testing
import WiecCore
import WiecGateway
import WiecTestSupport

/// Resident tokens over every engine's real access data: a token names its edition and resident and proves
/// itself under the server's secret; changed, or from another server, it leads nowhere.
@Suite struct ResidentTokenTests {
    let temporary: TemporaryFolder
    var folder: URL { temporary.url }

    init() throws {
        temporary = try TemporaryFolder("wiec-tokens")
    }

    @Test(arguments: StoreEngine.available)
    func aTokenLeadsToItsResidentAgainAfterAReopen(_ engine: StoreEngine) throws {
        let store = try engine.freshStore(in: folder)
        let access = { try AccessStore(engine: try engine.openAccess(store)) }
        let token = try access().residentToken(edition: "bo-2027", resident: "r-1a2b")
        #expect(try access().principal(token: token) == .resident(edition: "bo-2027", resident: "r-1a2b"))
        #expect(try access().residentToken(edition: "bo-2027", resident: "r-1a2b") == token, "a retried registration gets the same token")
    }

    @Test(arguments: StoreEngine.available)
    func aChangedTokenOrOneOfAnotherServerLeadsNowhere(_ engine: StoreEngine) throws {
        let access = try AccessStore(engine: try engine.openAccess(try engine.freshStore(in: folder)))
        let token = access.residentToken(edition: "bo", resident: "r-1")
        let other = access.residentToken(edition: "bo", resident: "r-2")
        let parts = token.split(separator: ".")
        let otherParts = other.split(separator: ".")
        // r-1's edition and MAC with r-2's id: the MAC does not hold.
        #expect(try access.principal(token: [parts[0], otherParts[1], parts[2]].joined(separator: ".")) == nil)
        #expect(try access.principal(token: token + "A") == nil)
        #expect(try access.principal(token: "wiec_r_..") == nil)
        let otherServer = try AccessStore(engine: try engine.openAccess(try engine.freshStore(in: folder)))
        #expect(try otherServer.principal(token: token) == nil)
    }
}
