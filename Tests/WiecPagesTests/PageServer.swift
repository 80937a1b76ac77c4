import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import WiecCore
import WiecLedger
import WiecServer
import WiecTally
import WiecTestSupport
import WiecLedgerSQLite

/// A real server on loopback over a fresh store in a temporary folder, seeded through the
/// ledger with two editions: `bo` in voting (an approval pool of at most two projects and
/// 500 000 zł, and a cumulative pool of 5 points, at most 3 a project) and `nowa` in submission;
/// with `randomOrder`, also `los` in voting, whose one pool orders its eight projects at random
/// for every voter.
struct PageServer {
    let folder: URL
    let configuration: ServerConfiguration

    static let official = Actor(role: .official, id: "urzednik")

    init(demo: Bool = false, randomOrder: Bool = false) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("wiec-pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        configuration = ServerConfiguration(
            host: "127.0.0.1", port: 0, databasePath: folder.appendingPathComponent("wiec.sqlite").path, demo: demo,
            demoBallotsFolder: SharedData.repositoryRoot.appendingPathComponent("ballots").path, registrationsPerMinute: 0)
        if !demo { try seed() }
        if randomOrder { try seedRandomOrder() }
    }

    /// The seed of `los`'s random ballot order.
    static let orderSeed = "losowanie-2027"

    private func seedRandomOrder() throws {
        let path = configuration.databasePath
        let store = try LedgerStore(path: path, signer: try KeyFiles.signer(forLedger: path))
        var step = 0
        func run(_ command: Command) throws {
            step += 1
            _ = try store.execute(command, on: "los", by: Self.official, idempotencyKey: "los-\(step)", at: Date())
        }
        try run(.createEdition(name: "BO Losowo 2027"))
        try run(.addPool(PoolConfig(
            id: "gmina", name: "Cała gmina", budget: Money(units: 1_000_000), voteType: .approval,
            ballotOrder: .randomPerVoter(seed: Self.orderSeed))))
        try run(.advancePhase(to: .submission))
        for number in 1...8 {
            try run(.submitProposal(
                id: "l\(number)", pool: "gmina", title: "Projekt numer \(number)", description: "Opis.", category: "zieleń", location: nil,
                costEstimate: Money(units: 10_000), initiative: nil))
        }
        try run(.advancePhase(to: .review))
        for number in 1...8 {
            for stage in ReviewStage.allCases {
                try run(.reviewProposal(
                    proposal: "l\(number)", stage: stage, outcome: .positive, justification: "Zgodny z zasadami.",
                    reviewedCost: stage == .cost ? Money(units: 10_000) : nil))
            }
        }
        try run(.advancePhase(to: .appeals))
        try run(.advancePhase(to: .voting))
    }

    private func seed() throws {
        let path = configuration.databasePath
        let store = try LedgerStore(path: path, signer: try KeyFiles.create(forLedger: path, name: "wiec.local/test"))
        var step = 0
        func run(_ command: Command, _ edition: EditionID) throws {
            step += 1
            _ = try store.execute(command, on: edition, by: Self.official, idempotencyKey: "seed-\(step)", at: Date())
        }
        try run(.createEdition(name: "BO Testowo 2027"), "bo")
        try run(.addPool(PoolConfig(
            id: "miasto", name: "Cała gmina", budget: Money(units: 600_000), voteType: .approval,
            limits: BallotLimits(maxLength: 2, maxSumCost: Money(units: 500_000)))), "bo")
        try run(.addPool(PoolConfig(
            id: "park", name: "Osiedle Parkowe", budget: Money(units: 100_000), voteType: .cumulative,
            limits: BallotLimits(maxPoints: 3, maxSumPoints: 5))), "bo")
        try run(.advancePhase(to: .submission), "bo")
        let proposals: [(String, String, String, Int64)] = [
            ("p1", "miasto", "Ławki w rynku", 100_000), ("p2", "miasto", "Plac zabaw przy szkole", 300_000),
            ("p3", "miasto", "Stojaki na rowery", 250_000), ("p4", "park", "Nowe drzewa", 40_000), ("p5", "park", "Fontanna", 70_000),
        ]
        for (id, pool, title, cost) in proposals {
            try run(.submitProposal(
                id: id, pool: pool, title: title, description: "Opis projektu \(title).", category: "zieleń", location: nil,
                costEstimate: Money(units: cost), initiative: nil), "bo")
        }
        try run(.advancePhase(to: .review), "bo")
        for (id, _, _, cost) in proposals {
            for stage in ReviewStage.allCases {
                try run(.reviewProposal(
                    proposal: id, stage: stage, outcome: .positive, justification: "Zgodny z zasadami.",
                    reviewedCost: stage == .cost ? Money(units: cost) : nil), "bo")
            }
        }
        try run(.advancePhase(to: .appeals), "bo")
        try run(.advancePhase(to: .voting), "bo")
        try run(.createEdition(name: "BO Nowa 2028"), "nowa")
        try run(.addPool(PoolConfig(id: "miasto", name: "Cała gmina", budget: Money(units: 800_000), voteType: .approval)), "nowa")
        try run(.advancePhase(to: .submission), "nowa")
        try run(.submitProposal(
            id: "n1", pool: "miasto", title: "Ścieżka rowerowa", description: "Wzdłuż rzeki.", category: "komunikacja", location: "Bulwary",
            costEstimate: Money(units: 200_000), initiative: nil), "nowa")
    }

    /// Runs a test against the server over real HTTP on loopback.
    ///
    /// - Parameter keep: Whether the store outlives the run, for a later one (a restart).
    func run<Value: Sendable>(keep: Bool = false, _ test: @Sendable (Browser) async throws -> Value) async throws -> Value {
        var logger = Logger(label: "wiec-pages-test")
        logger.logLevel = .warning
        let app = try buildApplication(configuration, logger: logger)
        defer { if !keep { try? FileManager.default.removeItem(at: folder) } }
        return try await app.test(.live) { client in try await test(Browser(client: client)) }
    }
}

/// A page as a browser gets it.
struct Page: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var html: String

    /// Where a redirect points.
    var location: String? { headers[.location] }

    /// The value of the first hidden input of that name.
    func hidden(_ name: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }
}

/// A browser without JavaScript: it keeps cookies, sends forms as a browser does, and follows
/// nothing by itself.
struct Browser: Sendable {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]

    init(client: any TestClientProtocol) {
        self.client = client
    }

    mutating func get(_ path: String) async throws -> Page {
        try await send(.get, path, body: nil)
    }

    /// Posts a form; the CSRF token is taken from `from` (the page the form was on) unless given.
    mutating func post(_ path: String, _ fields: [(String, String)], from page: Page?, csrf: Bool = true) async throws -> Page {
        var all = fields
        if csrf, let token = page?.hidden("_csrf") { all.append(("_csrf", token)) }
        if let key = page?.hidden("_klucz"), !fields.contains(where: { $0.0 == "_klucz" }) { all.append(("_klucz", key)) }
        let body = all.map { Self.encode($0.0) + "=" + Self.encode($0.1) }.joined(separator: "&")
        return try await send(.post, path, body: body)
    }

    /// Posts a form with a file as `multipart/form-data`, the CSRF token and one-time key taken from `from`.
    mutating func postFile(
        _ path: String, _ fields: [(String, String)], file: (field: String, name: String, bytes: [UInt8])?, from page: Page?, csrf: Bool = true
    ) async throws -> Page {
        var all = fields
        if csrf, let token = page?.hidden("_csrf") { all.append(("_csrf", token)) }
        if let key = page?.hidden("_klucz") { all.append(("_klucz", key)) }
        let boundary = "wiec-test-\(UUID().uuidString)"
        var body: [UInt8] = []
        for (name, value) in all {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: text/plain\r\n\r\n".utf8)
            body += file.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        var headers = HTTPFields()
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        let response = try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(bytes: body))
        return Page(status: response.status, headers: response.headers, html: String(buffer: response.body))
    }

    /// Follows a 303 to its page.
    mutating func follow(_ page: Page) async throws -> Page {
        guard page.status == .seeOther, let location = page.location else { return page }
        return try await get(location)
    }

    private mutating func send(_ method: HTTPRequest.Method, _ path: String, body: String?) async throws -> Page {
        var headers = HTTPFields()
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
        if body != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for value in response.headers[values: .setCookie] {
            let first = value.split(separator: ";")[0]
            let parts = first.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]), content = parts.count > 1 ? String(parts[1]) : ""
            if value.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = content }
        }
        return Page(status: response.status, headers: response.headers, html: String(buffer: response.body))
    }

    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
    }
}
