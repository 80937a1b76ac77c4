import ArgumentParser
import Foundation
import Hummingbird
import Logging
import WiecPages
import WiecServer

/// `wiec serve`: runs the HTTP API on one ledger file until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the Wiec server: the residents' pages at /, the JSON API under /api/v1, /healthz, /metrics, /openapi.json.",
        discussion: "The store is created on first start, with its checkpoint key and its staff accounts and resident tokens: beside a SQLite FILE (FILE.key, FILE.access), or in a PostgreSQL database, which several servers on any machines may share. SIGINT or SIGTERM finish in-flight requests, then stop."
    )

    @Option(
        name: [.customLong("store"), .customLong("db")],
        help: "The store: sqlite:PATH (or a bare PATH) or postgres://user@host:port/database.")
    var db = "wiec-data/wiec.sqlite"

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Flag(help: "Seed the edition 'demo' from the sample .pb files when the store is empty.")
    var demo = false

    @Option(help: "The folder of sample .pb files for --demo.")
    var ballots = "ballots"

    @Option(help: "A JSON file describing the installation for the pages: municipality, crest_file, colour, accessibility_contact_name, accessibility_email, accessibility_phone, statement_published, statement_updated, website.")
    var site: String?

    @Option(help: "Minutes a staff member's page session stays open without use.")
    var staffIdleMinutes = 30

    @Option(help: "The largest JSON body accepted, in bytes.")
    var maxBody = 64 * 1024

    @Option(help: "Voter registrations one client address may make per minute (0: no limit).")
    var registrationsPerMinute = 30

    @Option(help: "Ballots one voter may cast per minute (0: no limit).")
    var ballotsPerMinute = 60

    @Option(help: "Seconds a request may take to arrive whole, head and body, from its first byte.")
    var requestTimeout = 60

    func validate() throws {
        guard (1...3600).contains(requestTimeout) else { throw ValidationError("--request-timeout must be 1 to 3600 seconds") }
        guard (1...24 * 60).contains(staffIdleMinutes) else { throw ValidationError("--staff-idle-minutes must be 1 to 1440") }
    }

    func run() async throws {
        let store = try StoreLocation(db)
        let file = if case .sqlite(let path) = store { path } else { ServerConfiguration().databasePath }
        let configuration = ServerConfiguration(
            host: host, port: port, databasePath: file, store: store, demo: demo, demoBallotsFolder: ballots, maxBodyBytes: maxBody,
            registrationsPerMinute: registrationsPerMinute, ballotsPerMinute: ballotsPerMinute,
            requestTimeout: .seconds(requestTimeout),
            site: try site.map(SiteSettings.load(path:)) ?? SiteSettings(), staffIdleTimeout: TimeInterval(staffIdleMinutes) * 60)
        var logger = Logger(label: "wiec", factory: LogLineHandler.standardError)
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let app = try buildApplication(configuration, logger: logger)
        try await app.runService()
        logger.info("stopped: in-flight requests finished, every acknowledged append is on disk")
    }
}
