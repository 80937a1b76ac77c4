import Testing
import WiecCore
import WiecGateway

/// The one authorization the API and the pages share: which principal may act as what on an
/// edition, and the 403 it meets otherwise.
@Suite struct ActingTests {
    let admin = StaffAccount(id: "staff-a", name: "A", role: .admin, scope: .all)
    let editionAdmin = StaffAccount(id: "staff-e", name: "E", role: .admin, scope: .edition("bo"))
    let reviewer = StaffAccount(id: "staff-r", name: "R", role: .reviewer, scope: .pools("bo", ["north"]))
    let auditor = StaffAccount(id: "staff-u", name: "U", role: .auditor, scope: .all)

    @Test func anAdminActsAsOfficialAndAppealsTeamInScope() throws {
        #expect(try Principal.staff(admin).actor(on: "bo", as: .official) == Actor(role: .official, id: "staff-a", scope: .edition))
        #expect(try Principal.staff(admin).actor(on: "bo", as: .appealsTeam).role == .appealsTeam)
        #expect(try Principal.staff(editionAdmin).actor(on: "bo", as: .reviewer).role == .official)
        #expect(try Principal.staff(admin).creator().role == .official)
    }

    @Test func aReviewerKeepsTheirPoolsAndNothingElse() throws {
        #expect(try Principal.staff(reviewer).actor(on: "bo", as: .reviewer) == Actor(role: .reviewer, id: "staff-r", scope: .pools(["north"])))
        for acting in [Acting.official, .appealsTeam, .resident] {
            #expect(Self.status(.staff(reviewer), "bo", acting) == 403)
        }
        #expect(Self.code(.staff(reviewer), "other", .reviewer) == "not_in_scope")
    }

    @Test func refusalsSayWhy() {
        #expect(Self.code(.staff(editionAdmin), "other", .official) == "not_in_scope")
        #expect(Self.creatorCode(.staff(editionAdmin)) == "not_in_scope")
        #expect(Self.creatorCode(.staff(reviewer)) == "not_allowed")
        #expect(Self.creatorCode(.resident(edition: "bo", resident: "r-1")) == "not_allowed")
        #expect(Self.status(.staff(auditor), "bo", .official) == 403)
        #expect(Self.status(.staff(auditor), "bo", .reviewer) == 403)
        #expect(Self.status(.resident(edition: "bo", resident: "v-1"), "bo", .reviewer) == 403)
        #expect(Self.code(.resident(edition: "bo", resident: "v-1"), "other", .resident) == "not_in_scope")
    }

    private static func problem(_ principal: Principal, _ edition: EditionID, _ acting: Acting) -> Problem? {
        do {
            _ = try principal.actor(on: edition, as: acting)
            return nil
        } catch { return Problem(error) }
    }

    private static func creatorCode(_ principal: Principal) -> String? {
        do {
            _ = try principal.creator()
            return nil
        } catch { return Problem(error).code }
    }

    private static func status(_ principal: Principal, _ edition: EditionID, _ acting: Acting) -> Int? {
        problem(principal, edition, acting).map { Int($0.status.code) }
    }

    private static func code(_ principal: Principal, _ edition: EditionID, _ acting: Acting) -> String? {
        problem(principal, edition, acting)?.code
    }
}
