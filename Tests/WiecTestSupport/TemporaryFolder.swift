import Foundation

/// A new folder in the system's temporary folder, removed with all it holds when the last
/// reference to it goes (a suite's instance, once its test has run).
public final class TemporaryFolder: Sendable {
    /// Where the folder is.
    public let url: URL

    /// Creates a folder named by a prefix and a fresh UUID.
    public init(_ prefix: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
