import Foundation
import HTTPTypes
import PropertyBased
import Testing
import WiecLedger
import WiecLedgerSQLite

/// Fuzzing of the JSON request decoders through the real server: valid bodies of every write
/// operation with bytes edited, fields replaced by hostile JSON (extreme and malformed numbers,
/// deep nesting, control characters, long strings), fields dropped, repeated or added. Every
/// answer is below 500, the server keeps answering, and the log still verifies. Bounded so that
/// a run takes seconds; a body that ever fails is kept below as a regression case.
@Suite struct RequestFuzzTests {
    /// One of the values, shrinking towards the first.
    static func pick<T: Sendable>(_ values: [T]) -> Generator<T, Shrink.Integer<Int>> {
        Gen.int(in: 0...(values.count - 1)).map { values[$0] }
    }

    /// One write operation with a valid body as ordered fields of JSON text, and who sends it.
    struct Operation: Sendable {
        var method: HTTPRequest.Method
        var path: String
        var fields: [(String, String)]
        var token: Token

        enum Token { case anonymous, resident, admin }
    }

    static let operations: [Operation] = [
        .init(method: .post, path: "/api/v1/editions/bo/ballots", fields: [("pool", #""city""#), ("projects", #"["p1","p2"]"#)], token: .resident),
        .init(method: .post, path: "/api/v1/editions/bo/ballots", fields: [("pool", #""park""#), ("projects", #"["k1"]"#), ("id", #""b-1""#)], token: .resident),
        .init(method: .post, path: "/api/v1/editions/bo/paper-ballots", fields: [("ballots", #"[{"resident":"r-x","pool":"park","projects":["k1"]}]"#)], token: .admin),
        .init(method: .post, path: "/api/v1/editions/bo/voters", fields: [("name", #""Jan Nowak""#), ("pesel", #""44051401359""#), ("contact", #""jan@example.pl""#)], token: .anonymous),
        .init(method: .post, path: "/api/v1/editions", fields: [("id", #""bo-x""#), ("name", #""BO X""#), ("minimum_voter_age", "16")], token: .admin),
        .init(method: .post, path: "/api/v1/editions/bo/pools", fields: [
            ("id", #""p""#), ("name", #""P""#), ("budget", #""1000""#), ("vote_type", #""cumulative""#), ("rule", #""greedy""#),
            ("max_points", "5"), ("max_sum_points", "9"), ("min_length", "1"),
        ], token: .admin),
        .init(method: .post, path: "/api/v1/editions/bo/proposals", fields: [
            ("pool", #""city""#), ("title", #""Ławki""#), ("description", #""Opis""#), ("cost_estimate", #""500.50""#), ("category", #""zieleń""#),
        ], token: .resident),
        .init(method: .patch, path: "/api/v1/editions/bo/proposals/p1", fields: [("title", #""Nowy""#), ("cost_estimate", #""700""#)], token: .resident),
        .init(method: .post, path: "/api/v1/editions/bo/proposals/p1/reviews", fields: [
            ("stage", #""cost""#), ("outcome", #""positive""#), ("justification", #""OK""#), ("reviewed_cost", #""600""#),
        ], token: .admin),
        .init(method: .post, path: "/api/v1/editions/bo/proposals/p1/appeals", fields: [("stage", #""merit""#), ("grounds", #""Bo tak""#)], token: .resident),
        .init(method: .post, path: "/api/v1/editions/bo/proposals/p1/support", fields: [("signer", #""s-1""#)], token: .admin),
        .init(method: .post, path: "/api/v1/editions/bo/phase", fields: [("to", #""draft""#)], token: .admin),
        .init(method: .post, path: "/api/v1/editions/bo/workshops", fields: [
            ("theme", #""Zieleń""#), ("date", #""2027-02-28""#), ("place", #""MDK""#), ("facilitator", #""K""#), ("participants", "12"),
        ], token: .admin),
        .init(method: .post, path: "/api/v1/editions/bo/initiatives", fields: [("title", #""Drzewa""#), ("description", #""Opis""#)], token: .resident),
        .init(method: .post, path: "/api/v1/editions/bo/voter-age-limit", fields: [("minimum_age", "18")], token: .admin),
    ]

    /// Hostile JSON values, as text.
    static let hostile = Gen<String>.oneOf(
        pick([
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e308", "1e400", "-0", "0.1", "1E-400",
            "99999999999999999999999999", "null", "true", "[]", "{}", #""""#, #""\u0000""#, #""\ud800""#, #""\u202e""#, "[null]",
            #""92233720368547759""#, #""-92233720368547759""#, #""1e13""#, #"",5""#, #""0x10""#, #""NaN""#,
        ]),
        Gen.int(in: 1...3_000).map { depth in String(repeating: "[", count: depth) + String(repeating: "]", count: depth) },
        Gen.int(in: 1...5_000).map { length in "\"" + String(repeating: "ą", count: length) + "\"" },
        pick(Array("0123456789.eE+-")).string(of: 1...30))

    /// What is done to a valid body.
    enum Mutation: Sendable {
        case replace(field: Int, with: String)
        case drop(field: Int)
        case repeatField(field: Int, with: String)
        case add(name: String, value: String)
        case edit(bytes: [(position: Int, kind: Int, byte: UInt8)])
    }

    static let mutation = Gen<Mutation>.oneOf(
        zip(Gen.int(in: 0...20), hostile).map { Mutation.replace(field: $0, with: $1) },
        Gen.int(in: 0...20).map { Mutation.drop(field: $0) },
        zip(Gen.int(in: 0...20), hostile).map { Mutation.repeatField(field: $0, with: $1) },
        zip(pick(["extra", "voter", "__proto__", ""]), hostile).map { Mutation.add(name: $0, value: $1) },
        zip(Gen.int(in: 0...10_000), Gen.int(in: 0...2), pick(Array(#"{}[]",:019eE.-\u "#.utf8)))
            .array(of: 1...4).map { Mutation.edit(bytes: $0.map { (position: $0, kind: $1, byte: $2) }) })

    /// A body: the operation's fields with a mutation applied, as bytes.
    static func body(_ operation: Operation, _ mutation: Mutation) -> [UInt8] {
        var fields = operation.fields
        switch mutation {
        case .replace(let field, let value): fields[field % fields.count].1 = value
        case .drop(let field): fields.remove(at: field % fields.count)
        case .repeatField(let field, let value): fields.append((fields[field % fields.count].0, value))
        case .add(let name, let value): fields.append((name, value))
        case .edit: break
        }
        var bytes = Array(("{" + fields.map { "\"\($0)\":\($1)" }.joined(separator: ",") + "}").utf8)
        if case .edit(let edits) = mutation {
            for edit in edits where !bytes.isEmpty {
                let at = edit.position % bytes.count
                switch edit.kind {
                case 0: bytes[at] = edit.byte
                case 1: bytes.remove(at: at)
                default: bytes.insert(edit.byte, at: at)
                }
            }
        }
        return bytes
    }

    /// Executions of the property; each is one request to the live server.
    static let executions = 1_500

    @Test("hostile bodies on every write operation never get a 5xx, and the log still verifies")
    func hostileBodies() async throws {
        let server = try TestServer()
        try await server.run { client in
            var scenario = Scenario(client, server)
            try await scenario.setUp(until: "voting")
            let resident = scenario.residents[0].token
            var statuses: [Int: Int] = [:]
            await propertyCheck(count: Self.executions, input: Gen.int(in: 0...(Self.operations.count - 1)), Self.mutation) { index, mutation in
                let operation = Self.operations[index]
                let token = switch operation.token {
                case .anonymous: nil as String?
                case .resident: resident
                case .admin: server.admin
                }
                let bytes = Self.body(operation, mutation)
                let reply = try await client.send(operation.method, operation.path, token: token, raw: String(decoding: bytes, as: UTF8.self))
                statuses[reply.status.code, default: 0] += 1
                #expect(reply.status.code < 500, "\(operation.method) \(operation.path) \(String(decoding: bytes, as: UTF8.self).prefix(300)): \(reply.status) \(reply.text)")
            }
            // The bodies reach the decoders and the rules: refused as malformed, unknown or invalid, some accepted.
            #expect(statuses[400, default: 0] > 0 && statuses[422, default: 0] > 0, "\(statuses)")
            #expect(statuses.values.reduce(0, +) == Self.executions)
            #expect(try await client.get("/healthz").status == .ok)
            let verifier = try CheckpointVerifier(verifierKey: try await client.get("/api/v1/audit/public-key").text)
            _ = try LedgerVerifier.verify(databaseAt: server.configuration.databasePath, verifier: verifier)
        }
    }
}
