import Foundation
import HTTPTypes
import Testing

/// The smaller defects of issue 10, each as the request that showed it: formulas in the CSV,
/// metrics counting refusals as 500, broken chunked bodies, ids a client could take in advance,
/// impossible dates, contradictory pool limits, `.` and `..` as ids, texts long in scalars or
/// holding bidirectional controls, PESELs born in the future, keys given twice, and connections
/// that never finish a request.
@Suite struct InputDefectTests {
    @Test func csvCellsNeverStartAFormula() async throws {
        let server = try TestServer()
        try await server.run { client in
            let admin = server.admin
            #expect(try await client.post("/api/v1/editions", token: admin, ["id": "bo", "name": "BO"]).status == .created)
            #expect(try await client.post("/api/v1/editions/bo/pools", token: admin, [
                "id": "city", "name": "Miasto", "budget": "1000", "vote_type": "approval", "rule": "greedy",
            ]).status == .created)
            let resident = try await client.post("/api/v1/editions/bo/voters", ["name": "Osoba", "pesel": TestPesel.make(1)])["token"] as! String
            #expect(try await client.post("/api/v1/editions/bo/phase", token: admin, ["to": "submission"]).status == .ok)
            let titles = ["=HYPERLINK(\"http://x\";\"a\")", "+1+1", "-2+3", "@SUM(A1)", "Zwykły \"tytuł\""]
            for (index, title) in titles.enumerated() {
                let reply = try await client.post("/api/v1/editions/bo/proposals", token: resident, [
                    "id": "p\(index)", "pool": "city", "title": title, "description": "", "cost_estimate": "10",
                ])
                #expect(reply.status == .created, "\(reply.text)")
            }
            #expect(try await client.post("/api/v1/editions/bo/phase", token: admin, ["to": "review"]).status == .ok)
            for index in titles.indices {
                for stage in ["formal", "merit", "cost"] {
                    var review: [String: Any] = ["stage": stage, "outcome": "positive", "justification": "OK"]
                    if stage == "cost" { review["reviewed_cost"] = "10" }
                    #expect(try await client.post("/api/v1/editions/bo/proposals/p\(index)/reviews", token: admin, review).status == .created)
                }
            }
            for phase in ["appeals", "voting", "closed", "published"] {
                #expect(try await client.post("/api/v1/editions/bo/phase", token: admin, ["to": phase]).status == .ok)
            }
            let csv = try await client.get("/api/v1/editions/bo/results.csv").text
            let titleCells = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ";")[2] }
            #expect(titleCells.count == titles.count)
            for cell in titleCells {
                #expect(cell.hasPrefix("\""), "\(cell)")
                #expect(!"=+-@".contains(cell.dropFirst().first!), "\(cell)")
            }
            #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\""))
            #expect(csv.contains("\"Zwykły \"\"tytuł\"\"\""))
        }
    }

    @Test func metricsCountRefusalsByTheirOwnStatus() async throws {
        let server = try TestServer()
        try await server.run { client in
            #expect(try await client.post("/api/v1/editions", ["id": "m", "name": "M"]).status == .unauthorized)
            #expect(try await client.post("/api/v1/editions", token: server.admin, ["id": "m", "name": "M"]).status == .created)
            #expect(try await client.post("/api/v1/editions", token: server.admin, ["id": "m", "name": "M"]).status == .conflict)
            #expect(try await client.post("/api/v1/editions", token: server.admin, ["id": "m2", "name": "\u{7}"]).status == .unprocessableContent)
            #expect(try await client.get("/api/v1/editions/none-such").status == .notFound)
            let lines = try await client.get("/metrics").text.split(separator: "\n").filter { $0.hasPrefix("hb_requests") }
            func count(_ route: String, _ status: Int) -> Bool {
                lines.contains { $0.contains("\"\(route)\"") && $0.contains("\"\(status)\"") }
            }
            #expect(count("/api/v1/editions", 401), "\(lines)")
            #expect(count("/api/v1/editions", 409))
            #expect(count("/api/v1/editions", 422))
            #expect(lines.contains { $0.contains("\"404\"") })
            #expect(!lines.contains { $0.contains("\"/api/v1/editions\"") && $0.contains("\"500\"") }, "\(lines)")
        }
    }

    @Test func aBrokenChunkedBodyIs400() async throws {
        let server = try TestServer()
        try await server.run { client in
            let connection = try RawConnection(port: client.port)
            connection.send(
                "POST /api/v1/editions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer \(server.admin)\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n")
            let (text, _) = await connection.receive(timeout: .seconds(5))
            #expect(text.hasPrefix("HTTP/1.1 400"), "\(text)")
            #expect(try await client.get("/healthz").status == .ok)
        }
    }

    @Test func madeIDsCannotBeChosen() async throws {
        let server = try TestServer()
        try await server.run { client in
            var scenario = Scenario(client, server)
            try await scenario.setUp(until: "voting")
            let cast = try await client.post("/api/v1/editions/bo/ballots", token: scenario.residents[0].token, key: "k-1", ["pool": "park", "projects": ["k1"]])
            #expect(cast.status == .created)
            let made = cast["ballot"] as! String
            #expect(made.hasPrefix("b~"))
            // Another voter who knows the made id cannot take it, nor any id with a '~'.
            let taken = try await client.post("/api/v1/editions/bo/ballots", token: scenario.residents[1].token, [
                "id": made, "pool": "park", "projects": ["k1"],
            ])
            #expect(taken.code == "invalid_text")
            let chosen = try await client.post("/api/v1/editions/bo/ballots", token: scenario.residents[1].token, [
                "id": "b-" + made.dropFirst(2), "pool": "park", "projects": ["k1"],
            ])
            #expect(chosen.status == .created, "\(chosen.text)")
        }
    }

    @Test func valuesThatCannotBe() async throws {
        let server = try TestServer()
        try await server.run { client in
            let admin = server.admin
            for id in [".", "..", ".hidden", "-x", "a/b", "x~1", ""] {
                #expect(try await client.post("/api/v1/editions", token: admin, ["id": id, "name": "X"]).code == "invalid_text", "\(id)")
            }
            #expect(try await client.post("/api/v1/editions", token: admin, ["id": "bo", "name": "BO"]).status == .created)
            for id in [".", ".."] {
                let pool = try await client.post("/api/v1/editions/bo/pools", token: admin, [
                    "id": id, "name": "P", "budget": "10", "vote_type": "approval", "rule": "greedy",
                ])
                #expect(pool.code == "invalid_text", "\(pool.text)")
            }
            let contradictions: [[String: Any]] = [
                ["min_length": 5, "max_length": 2], ["max_length": 0], ["min_sum_cost": "100", "max_sum_cost": "10"],
                ["min_points": 5, "max_points": 1], ["min_sum_points": 9, "max_sum_points": 3],
            ]
            for limits in contradictions {
                var pool: [String: Any] = ["id": "p", "name": "P", "budget": "10", "vote_type": "cumulative", "rule": "greedy"]
                pool.merge(limits) { $1 }
                let reply = try await client.post("/api/v1/editions/bo/pools", token: admin, pool)
                #expect(reply.status == .unprocessableContent, "\(limits): \(reply.text)")
                #expect(reply.code == "invalid_value")
            }
            for date in ["2027-02-30", "2027-02-29", "2026-04-31", "2027-13-01"] {
                let workshop = try await client.post("/api/v1/editions/bo/workshops", token: admin, [
                    "theme": "Zieleń", "date": date, "place": "MDK", "facilitator": "K. Nowak", "participants": 5,
                ])
                #expect(workshop.code == "invalid_value", "\(date): \(workshop.text)")
            }
            #expect(try await client.post("/api/v1/editions/bo/workshops", token: admin, [
                "theme": "Zieleń", "date": "2028-02-29", "place": "MDK", "facilitator": "K. Nowak", "participants": 5,
            ]).status == .created)
            // A day field read by the decoder (a village fund's acts) refuses the same way, naming the field.
            #expect(try await client.post("/api/v1/village-funds", token: admin, ["id": "fs", "name": "FS", "budget_year": 2026]).status == .created)
            let resolution = try await client.post("/api/v1/village-funds/fs/resolution", token: admin, [
                "number": "XL/1/2025", "adopted_on": "2025-02-30", "consents": true,
            ])
            #expect(resolution.status == .unprocessableContent && resolution.code == "invalid_value", "\(resolution.text)")
            #expect((resolution["detail"] as? String)?.contains("adopted_on") == true, "\(resolution.text)")
            // Born in 2090: refused although the edition sets no age limit, and never echoed.
            let future = TestPesel.make(year: 2090, month: 5, day: 1)
            let registration = try await client.post("/api/v1/editions/bo/voters", ["name": "Jan", "pesel": future])
            #expect(registration.code == "invalid_pesel", "\(registration.text)")
            #expect(!registration.text.contains(future))
        }
    }

    @Test func textsAreBoundedInScalarsAndFreeOfBidiControls() async throws {
        let server = try TestServer()
        try await server.run { client in
            let admin = server.admin
            let zalgo = "a" + String(repeating: "\u{0301}", count: 20_000)
            for name in [zalgo, "Plan \u{202E}gnalp", "Dom \u{2066}kultury\u{2069}", "A\u{200F}B", "x\u{2028}y", "\u{FEFF}BO", "\u{3000}\u{00A0}"] {
                let reply = try await client.post("/api/v1/editions", token: admin, ["id": "t", "name": name])
                #expect(reply.code == "invalid_text", "\(name.unicodeScalars.count) scalars: \(reply.text)")
            }
            let emoji = try await client.post("/api/v1/editions", token: admin, ["id": "t", "name": " Rodzina 👩‍👩‍👧 i Łódź "])
            #expect(emoji.status == .created, "\(emoji.text)")
            #expect(emoji["name"] as? String == "Rodzina 👩‍👩‍👧 i Łódź")
            let exactly = try await client.post("/api/v1/editions", token: admin, ["id": "u", "name": String(repeating: "ż", count: 200)])
            #expect(exactly.status == .created)
        }
    }

    @Test func aKeyGivenTwiceIsRefusedByName() async throws {
        let server = try TestServer()
        try await server.run { client in
            let reply = try await client.send(.post, "/api/v1/editions", token: server.admin, raw: #"{"id":"a","name":"A","id":"b"}"#)
            #expect(reply.status == .badRequest)
            #expect(reply.code == "malformed_json")
            #expect((reply["detail"] as? String)?.contains("duplicate key id") == true, "\(reply.text)")
            let escaped = try await client.send(.post, "/api/v1/editions", token: server.admin, raw: #"{"name":"A","id":"a","i\u0064":"b"}"#)
            #expect((escaped["detail"] as? String)?.contains("duplicate key id") == true, "\(escaped.text)")
            let nested = try await client.send(.post, "/api/v1/editions/x/paper-ballots", token: server.admin, raw: #"{"ballots":[{"voter":"v","pool":"p","pool":"q","projects":[]}]}"#)
            #expect((nested["detail"] as? String)?.contains("duplicate key pool") == true, "\(nested.text)")
            #expect(try await client.get("/api/v1/editions/a").status == .notFound)
            #expect(try await client.get("/api/v1/editions/b").status == .notFound)
        }
    }

    @Test func idleAndDribblingConnectionsAreClosed() async throws {
        let server = try TestServer(idleTimeout: .milliseconds(400))
        try await server.run { client in
            // A keep-alive connection that goes quiet after its answer.
            let idle = try RawConnection(port: client.port)
            idle.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
            let (text, closed) = await idle.receive(timeout: .seconds(3))
            #expect(text.hasPrefix("HTTP/1.1 200"), "\(text)")
            #expect(closed)
            // Headers sent a piece every 150 ms, never finished (slowloris): closed within the timeout.
            let dribbling = try RawConnection(port: client.port)
            var sentPieces = 0
            for piece in ["GET /healthz HTTP/1.1\r\n", "Host: local", "host\r\n", "X-A: 1\r\n", "X-B: 2\r\n", "X-C: 3\r\n", "X-D: 4\r\n", "X-E: 5\r\n"] {
                guard dribbling.send(piece), await !dribbling.receive(timeout: .milliseconds(150)).closed else { break }
                sentPieces += 1
            }
            #expect(sentPieces >= 1 && sentPieces < 6, "a request dribbling its headers for \(sentPieces * 150) ms was not closed")
        }
    }

    @Test func aBodyDribbledByteByByteIsClosedAtTheRequestDeadline() async throws {
        let server = try TestServer(idleTimeout: .seconds(4), requestTimeout: .seconds(1))
        try await server.run { client in
            // A whole body announced, then a byte every 200 ms: never idle, never finished.
            let slow = try RawConnection(port: client.port)
            slow.send("POST /api/v1/editions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n")
            let started = ContinuousClock.now
            var closed = false
            while !closed, ContinuousClock.now - started < .seconds(6) {
                let sent = slow.send("{")
                let reply = await slow.receive(timeout: .milliseconds(200))
                closed = !sent || reply.closed
            }
            let held = ContinuousClock.now - started
            #expect(closed, "a body dribbled for \(held) was never closed")
            #expect(held >= .milliseconds(800) && held < .milliseconds(3500), "closed after \(held), not at the 1 s deadline")
            // A keep-alive connection whose second request comes after a pause longer than the
            // deadline but shorter than the idle timeout is answered: the deadline starts with a request.
            let steady = try RawConnection(port: client.port)
            for _ in 0..<2 {
                steady.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
                let (text, _) = await steady.receive(timeout: .milliseconds(500))
                #expect(text.hasPrefix("HTTP/1.1 200"), "\(text)")
                try await Task.sleep(for: .milliseconds(1600))
            }
        }
    }
}
