import Foundation

/// Where tests find the real elections and the project's own samples.
public enum SharedData {
    /// The repository's root folder.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/pabulib` beside the repository: real civic-budget elections, read-only.
    public static let pabulibFolder: URL = sharedFolder("pabulib")

    /// `../shared/pabulib-defects`: real elections whose published ballots break their own
    /// stated rules, or whose rule needs the published data's conventions (see its README).
    public static let pabulibDefectsFolder: URL = sharedFolder("pabulib-defects")

    /// A folder of `../shared`, or of `$WIEC_SHARED` when it is set (a checkout elsewhere).
    private static func sharedFolder(_ name: String) -> URL {
        let shared = ProcessInfo.processInfo.environment["WIEC_SHARED"].map { URL(fileURLWithPath: $0) }
            ?? repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return shared.appendingPathComponent(name)
    }

    /// Whether the real elections are there; tests that need them are skipped otherwise.
    public static let pabulibAvailable: Bool = !pabulibFiles.isEmpty

    /// The message shown when tests on real elections are skipped.
    public static let pabulibMissing = "../shared/pabulib is absent: tests on real elections skipped"

    /// The names of the `.pb` files in `../shared/pabulib` and `../shared/pabulib-defects`,
    /// sorted; empty when they are absent.
    public static let pabulibFiles: [String] = (pbFiles(in: pabulibFolder) + pbFiles(in: pabulibDefectsFolder)).sorted()

    private static func pbFiles(in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".pb") }
    }

    /// The full path of a file of ``pabulibFiles``.
    public static func pabulibPath(_ name: String) -> String {
        let defect = pabulibDefectsFolder.appendingPathComponent(name).path
        return FileManager.default.fileExists(atPath: defect) ? defect : pabulibFolder.appendingPathComponent(name).path
    }

    /// The full path of a hand-made published file in `Tests/Fixtures/published` (the folder
    /// itself for an empty name).
    public static func fixturePath(_ name: String) -> String {
        let folder = repositoryRoot.appendingPathComponent("Tests").appendingPathComponent("Fixtures").appendingPathComponent("published")
        return name.isEmpty ? folder.path : folder.appendingPathComponent(name).path
    }

    /// The `.pb` samples in the repository's `ballots/` folder.
    public static let sampleBallots: [String] = {
        let folder = repositoryRoot.appendingPathComponent("ballots")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".pb") }.sorted().map { folder.appendingPathComponent($0).path }
    }()
}
