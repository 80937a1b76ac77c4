import Foundation
import Testing

/// The timetable through the API: an admin announces the days the phases begin, the edition
/// shows them, and a day the calendar lacks, phases out of order or a resident are refused with
/// nothing appended.
@Suite struct TimetableAPITests {
    @Test func anAdminAnnouncesTheTimetableAndBadOnesAreRefused() async throws {
        let server = try TestServer()
        try await server.run { client in
            #expect(try await client.post("/api/v1/editions", token: server.admin, ["id": "bo", "name": "BO"]).status == .created)
            #expect(try await client.get("/api/v1/editions/bo")["timetable"] as? [String: String] == [:])
            let set = try await client.post("/api/v1/editions/bo/timetable", token: server.admin, [
                "submission": "2027-03-01", "voting": "2027-06-01", "published": "2027-06-30", "review": NSNull(),
            ])
            #expect(set.status == .ok, "\(set.text)")
            #expect(set["timetable"] as? [String: String] == ["submission": "2027-03-01", "voting": "2027-06-01", "published": "2027-06-30"])
            let before = try await client.get("/api/v1/audit/entries").text
            let refused: [([String: Any], String?, String)] = [
                (["voting": "2027-02-30"], server.admin, "invalid_value"),
                (["submission": "2027-06-01", "voting": "2027-03-01"], server.admin, "invalid_value"),
                (["draft": "2027-01-01"], server.admin, "unknown_field"),
                (["voting": "1 czerwca"], server.admin, "invalid_value"),
                (["voting": "2027-06-01"], nil, "unauthorized"),
            ]
            for (body, token, code) in refused {
                let reply = try await client.post("/api/v1/editions/bo/timetable", token: token, body)
                #expect(reply.code == code, "\(body): \(reply.status) \(reply.text)")
            }
            #expect(try await client.get("/api/v1/audit/entries").text == before, "a refused timetable appends nothing")
            #expect(try await client.get("/api/v1/editions/bo")["timetable"] as? [String: String] == [
                "submission": "2027-03-01", "voting": "2027-06-01", "published": "2027-06-30"])
        }
    }
}
