import Foundation
import HTTPTypes
import Testing
import WiecCore

/// The edition's minimum voter age over real HTTP: set at creation or by an admin, shown with
/// the edition, and enforced at registration on today's Warsaw calendar day.
@Suite struct VoterAgeTests {
    /// A valid PESEL of someone born `years` years before a Warsaw calendar day `offset` days from today.
    static func pesel(age years: Int, dayOffset offset: Int = 0, serial: Int = 5555) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDay.warsaw
        let day = CalendarDay(calendar.date(byAdding: .day, value: offset, to: Date())!, in: CalendarDay.warsaw)
        let year = day.year - years
        // Only when that day is 29 February and the birth year has none: 1 March, a day younger.
        let (month, date) = CalendarDay.days(inMonth: day.month, of: year) < day.day ? (3, 1) : (day.month, day.day)
        let text = [year % 100, month + (year >= 2000 ? 20 : 0), date].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined() + String(serial)
        let sum = zip(text.map { Int(String($0))! }, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]).reduce(0) { $0 + $1.0 * $1.1 }
        return text + String((10 - sum % 10) % 10)
    }

    private func expectProblem(
        _ reply: Client.Reply, _ status: HTTPResponse.Status, _ code: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(reply.status == status, "\(reply.text)", sourceLocation: sourceLocation)
        #expect(reply.code == code, "\(reply.text)", sourceLocation: sourceLocation)
        #expect(reply.contentType == "application/problem+json", sourceLocation: sourceLocation)
        #expect((reply["title"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
        #expect((reply["title_pl"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
    }

    @Test func registrationBelowAtAndAboveTheLimit() async throws {
        let server = try TestServer()
        try await server.run { client in
            let created = try await client.post(
                "/api/v1/editions", token: server.admin, key: "create-bo", ["id": "bo", "name": "BO Test", "minimum_voter_age": 16])
            #expect(created.status == .created, "\(created.text)")
            #expect(created["minimum_voter_age"] as? Int == 16)
            // A retry of the creation appends nothing more.
            let retried = try await client.post(
                "/api/v1/editions", token: server.admin, key: "create-bo", ["id": "bo", "name": "BO Test", "minimum_voter_age": 16])
            #expect(retried.status == .created)
            let entries = try await client.get("/api/v1/audit/entries?from=1").text
            #expect(entries.split(separator: "\n").count == 2)
            #expect(entries.contains("voter_age_limit_set"))
            #expect(try await client.get("/api/v1/editions/bo")["minimum_voter_age"] as? Int == 16)

            // Sixteen tomorrow: refused, and nothing of it is kept or echoed.
            let young = Self.pesel(age: 16, dayOffset: 1)
            let refused = try await client.post("/api/v1/editions/bo/voters", ["name": "Ala", "pesel": young])
            expectProblem(refused, .unprocessableContent, "too_young")
            #expect(!refused.text.contains(young))
            #expect(try await client.get("/api/v1/editions/bo")["residents"] as? Int == 0)
            #expect(try await client.get("/api/v1/audit/entries?from=1").text.split(separator: "\n").count == 2)
            // Sixteen today, and forty: registered.
            #expect(try await client.post("/api/v1/editions/bo/voters", ["name": "Ola", "pesel": Self.pesel(age: 16)]).status == .created)
            #expect(try await client.post("/api/v1/editions/bo/voters", ["name": "Jan", "pesel": Self.pesel(age: 40)]).status == .created)
            #expect(try await client.get("/api/v1/editions/bo")["residents"] as? Int == 2)
            // The one refused may register once the limit is removed (a sołectwo where anyone votes).
            let removed = try await client.post("/api/v1/editions/bo/voter-age-limit", token: server.admin, ["minimum_age": NSNull()])
            #expect(removed.status == .ok, "\(removed.text)")
            #expect(removed["minimum_voter_age"] == nil)
            #expect(try await client.post("/api/v1/editions/bo/voters", ["name": "Ala", "pesel": young]).status == .created)
        }
    }

    @Test func settingTheLimitIsForAdminsBeforeReview() async throws {
        let server = try TestServer()
        try await server.run { client in
            var scenario = Scenario(client, server)
            try await scenario.setUp(until: "submission")
            #expect(try await client.get("/api/v1/editions/bo")["minimum_voter_age"] == nil)
            let set = try await client.post("/api/v1/editions/bo/voter-age-limit", token: server.admin, ["minimum_age": 18])
            #expect(set.status == .ok, "\(set.text)")
            #expect(set["minimum_voter_age"] as? Int == 18)
            expectProblem(
                try await client.post("/api/v1/editions/bo/voters", ["name": "Nastolatek", "pesel": Self.pesel(age: 17)]),
                .unprocessableContent, "too_young")
            expectProblem(
                try await client.post("/api/v1/editions/bo/voter-age-limit", token: scenario.residents[0].token, ["minimum_age": 13]),
                .forbidden, "not_allowed")
            expectProblem(
                try await client.post("/api/v1/editions/bo/voter-age-limit", token: server.admin, ["minimum_age": -1]),
                .unprocessableContent, "invalid_value")
            expectProblem(try await client.post("/api/v1/editions/bo/voter-age-limit", token: server.admin, [:] as [String: Any]), .badRequest, "malformed_json")
            expectProblem(
                try await client.post("/api/v1/editions", token: server.admin, ["id": "x", "name": "X", "minimum_voter_age": 200]),
                .unprocessableContent, "invalid_value")
            #expect(try await client.get("/api/v1/editions/x").status == .notFound)
            try await scenario.advance("review")
            expectProblem(
                try await client.post("/api/v1/editions/bo/voter-age-limit", token: server.admin, ["minimum_age": 13]),
                .conflict, "phase_closed")
            #expect(try await client.get("/api/v1/editions/bo")["minimum_voter_age"] as? Int == 18)
        }
    }
}
