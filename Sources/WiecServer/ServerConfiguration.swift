import Foundation
public import WiecPages

/// How a Wiec server is set up: where it listens, where its files live, and its limits.
public struct ServerConfiguration: Sendable {
    /// The address to bind, e.g. `127.0.0.1`.
    public var host: String
    /// The TCP port; 0 picks a free one.
    public var port: Int
    /// The ledger's SQLite file, beside which its key (`FILE.key`, `FILE.vkey`) and access file
    /// (`FILE.access`) are kept; ``store`` is `sqlite:` this path unless it is given.
    public var databasePath: String
    /// Where the ledger, its key and its access data are.
    public var store: StoreLocation
    /// Whether to seed the `demo` edition from the sample ballots when the store is empty.
    public var demo: Bool
    /// The folder of sample `.pb` files for `--demo`.
    public var demoBallotsFolder: String
    /// The largest JSON body accepted, in bytes.
    public var maxBodyBytes: Int
    /// Registrations one client may make per minute.
    public var registrationsPerMinute: Int
    /// Ballots one client may cast per minute.
    public var ballotsPerMinute: Int
    /// How long a connection may stay without a whole request part (a request's head, a piece
    /// of its body) before it is closed: idle keep-alive connections, and requests that dribble
    /// their headers (slowloris), do not hold the server.
    public var idleTimeout: Duration
    /// How long a request may take to arrive whole, head and body, from its first byte: a client
    /// that sends a byte now and then is closed even though it is never idle.
    public var requestTimeout: Duration
    /// What the residents' pages say about the installation (name, crest, colour, contact).
    public var site: SiteSettings
    /// How long a staff page session stays open without use, in seconds.
    public var staffIdleTimeout: TimeInterval

    /// Creates a configuration.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, databasePath: String = "wiec-data/wiec.sqlite", store: StoreLocation? = nil,
        demo: Bool = false, demoBallotsFolder: String = "ballots", maxBodyBytes: Int = 64 * 1024,
        registrationsPerMinute: Int = 30, ballotsPerMinute: Int = 60, idleTimeout: Duration = .seconds(30),
        requestTimeout: Duration = .seconds(60),
        site: SiteSettings = SiteSettings(), staffIdleTimeout: TimeInterval = 30 * 60
    ) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.store = store ?? .sqlite(path: databasePath)
        self.demo = demo
        self.demoBallotsFolder = demoBallotsFolder
        self.maxBodyBytes = maxBodyBytes
        self.registrationsPerMinute = registrationsPerMinute
        self.ballotsPerMinute = ballotsPerMinute
        self.idleTimeout = idleTimeout
        self.requestTimeout = requestTimeout
        self.site = site
        self.staffIdleTimeout = staffIdleTimeout
    }
}
