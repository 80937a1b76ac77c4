import ArgumentParser
import Foundation
import Hummingbird
import Logging
import WiecServer

/// `wiec serve`: runs the HTTP API on one ledger file until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the Wiec HTTP API (JSON under /api/v1, /healthz, /metrics, /openapi.json).",
        discussion: "The store is created on first start, with its checkpoint key beside it (FILE.key) and the staff and resident tokens in FILE.access. SIGINT or SIGTERM finish in-flight requests, then stop."
    )

    @Option(help: "The ledger's SQLite file.")
    var db = "wiec-data/wiec.sqlite"

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Flag(help: "Seed the edition 'demo' from the sample .pb files when the store is empty.")
    var demo = false

    @Option(help: "The folder of sample .pb files for --demo.")
    var ballots = "ballots"

    @Option(help: "The largest JSON body accepted, in bytes.")
    var maxBody = 64 * 1024

    @Option(help: "Voter registrations one client address may make per minute (0: no limit).")
    var registrationsPerMinute = 30

    @Option(help: "Ballots one voter may cast per minute (0: no limit).")
    var ballotsPerMinute = 60

    func run() async throws {
        let configuration = ServerConfiguration(
            host: host, port: port, databasePath: db, demo: demo, demoBallotsFolder: ballots, maxBodyBytes: maxBody,
            registrationsPerMinute: registrationsPerMinute, ballotsPerMinute: ballotsPerMinute)
        var logger = Logger(label: "wiec")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let app = try buildApplication(configuration, logger: logger)
        try await app.runService()
        logger.info("stopped: in-flight requests finished, every acknowledged append is on disk")
    }
}
