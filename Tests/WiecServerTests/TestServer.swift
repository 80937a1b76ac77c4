import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import WiecGateway
import WiecServer
import WiecTestSupport

/// A real server on loopback over a fresh SQLite store in a temporary folder, with an admin
/// (scope `*`), a reviewer scoped to one pool, and an auditor.
struct TestServer {
    let folder: URL
    let configuration: ServerConfiguration
    let admin: String
    let reviewer: String
    let auditor: String
    let access: AccessStore

    init(
        reviewerScope: String = "bo:city", registrationsPerMinute: Int = 0, ballotsPerMinute: Int = 0, maxBodyBytes: Int = 64 * 1024,
        demo: Bool = false, idleTimeout: Duration = .seconds(30),
        requestTimeout: Duration = .seconds(60)
    ) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("wiec-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        configuration = ServerConfiguration(
            host: "127.0.0.1", port: 0, databasePath: folder.appendingPathComponent("wiec.sqlite").path, demo: demo,
            demoBallotsFolder: SharedData.repositoryRoot.appendingPathComponent("ballots").path, maxBodyBytes: maxBodyBytes,
            registrationsPerMinute: registrationsPerMinute, ballotsPerMinute: ballotsPerMinute, idleTimeout: idleTimeout, requestTimeout: requestTimeout)
        access = try AccessStore(engine: try configuration.store.accessEngine())
        admin = try access.addStaff(name: "Anna Admin", role: .admin, scope: .all, at: Date()).1
        reviewer = try access.addStaff(name: "Radny Recenzent", role: .reviewer, scope: StaffScope(reviewerScope)!, at: Date()).1
        auditor = try access.addStaff(name: "Audytor", role: .auditor, scope: .all, at: Date()).1
    }

    /// Runs a test against the server over real HTTP on loopback.
    func run<Value: Sendable>(_ test: @Sendable (Client) async throws -> Value) async throws -> Value {
        var logger = Logger(label: "wiec-test")
        logger.logLevel = .warning
        let app = try buildApplication(configuration, logger: logger)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await app.test(.live) { client in try await test(Client(client: client)) }
    }
}

/// A JSON client over the test framework's HTTP client.
struct Client: Sendable {
    let client: any TestClientProtocol

    /// A response: status, headers, body text and the body as JSON when it is JSON.
    struct Reply: @unchecked Sendable {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var text: String
        var body: Data
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) }
        var object: [String: Any] { json as? [String: Any] ?? [:] }
        var array: [[String: Any]] { json as? [[String: Any]] ?? [] }
        var code: String? { object["code"] as? String }
        var contentType: String? { headers[.contentType] }
        subscript(_ key: String) -> Any? { object[key] }
    }

    /// The server's port on loopback.
    var port: Int { client.port! }

    @discardableResult
    func send(
        _ method: HTTPRequest.Method, _ path: String, token: String? = nil, key: String? = nil, json: Any? = nil, raw: String? = nil
    ) async throws -> Reply {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let key { headers[HTTPField.Name("Idempotency-Key")!] = key }
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
        } else if let raw {
            headers[.contentType] = "application/json"
            body = ByteBuffer(string: raw)
        }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: body)
        return Reply(
            status: response.status, headers: response.headers, text: String(buffer: response.body),
            body: Data(response.body.readableBytesView))
    }

    func get(_ path: String, token: String? = nil) async throws -> Reply { try await send(.get, path, token: token) }

    func post(_ path: String, token: String? = nil, key: String? = nil, _ json: Any) async throws -> Reply {
        try await send(.post, path, token: token, key: key, json: json)
    }
}

/// Valid PESELs for tests: born on a day of 1980–1999, with a serial number.
enum TestPesel {
    static func make(_ index: Int) -> String {
        make(year: 1980 + index % 20, month: 1 + index % 12, day: 1 + index % 28, serial: 1000 + index % 9000)
    }

    /// The PESEL of someone born on a day of 1800–2299.
    static func make(year: Int, month: Int, day: Int, serial: Int = 1234) -> String {
        let offset = [1800: 80, 1900: 0, 2000: 20, 2100: 40, 2200: 60][year / 100 * 100]!
        var digits = String(format: "%02d%02d%02d%04d", year % 100, month + offset, day, serial).map { Int(String($0))! }
        let weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        digits.append((10 - sum % 10) % 10)
        return digits.map(String.init).joined()
    }
}
