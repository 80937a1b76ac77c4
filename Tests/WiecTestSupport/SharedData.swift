import Foundation

/// Where tests find the real elections and the project's own samples.
public enum SharedData {
    /// The repository's root folder.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/pabulib` beside the repository: real civic-budget elections, read-only.
    public static let pabulibFolder: URL = repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared").appendingPathComponent("pabulib")

    /// Whether the real elections are there; tests that need them are skipped otherwise.
    public static let pabulibAvailable: Bool = !pabulibFiles.isEmpty

    /// The message shown when tests on real elections are skipped.
    public static let pabulibMissing = "../shared/pabulib is absent: tests on real elections skipped"

    /// The names of the `.pb` files in `../shared/pabulib`, sorted; empty when it is absent.
    public static let pabulibFiles: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: pabulibFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".pb") }.sorted()
    }()

    /// The full path of a file in `../shared/pabulib`.
    public static func pabulibPath(_ name: String) -> String {
        pabulibFolder.appendingPathComponent(name).path
    }

    /// The `.pb` samples in the repository's `ballots/` folder.
    public static let sampleBallots: [String] = {
        let folder = repositoryRoot.appendingPathComponent("ballots")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".pb") }.sorted().map { folder.appendingPathComponent($0).path }
    }()
}
