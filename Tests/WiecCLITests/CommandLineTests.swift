import Foundation
import Testing
import WiecTestSupport

/// Runs the real `wiec` binary, as a resident or an auditor would.
struct CommandLineTests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// The `wiec` executable built beside the test bundle.
    static let executable: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("wiec").path), folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("wiec")
    }()

    /// Runs `wiec` with `arguments` in `folder` (the repository by default) and waits for it.
    static func wiec(_ arguments: [String], in folder: URL = SharedData.repositoryRoot) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self), errors: String(decoding: errors, as: UTF8.self))
    }

    @Test(arguments: SharedData.sampleBallots)
    func tallyPrintsJSONWithTheContractedFields(path: String) throws {
        let run = try Self.wiec(["tally", path, "--format", "json", "--explain"])
        #expect(run.status == 0, "\(run.errors)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        for key in ["file", "rule", "tie_breaking", "budget", "spent", "selected", "projects", "explanation"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["tie_breaking"] as? String == "file-order")
        let projects = try #require(object["projects"] as? [[String: Any]])
        let selected = try #require(object["selected"] as? [String])
        #expect(!selected.isEmpty)
        #expect(Set(projects.filter { $0["status"] as? String == "selected" }.compactMap { $0["id"] as? String }) == Set(selected))
        let budget = try #require(object["budget"] as? NSNumber).decimalValue
        let spent = try #require(object["spent"] as? NSNumber).decimalValue
        #expect(spent <= budget)
    }

    @Test func tableIsReadableAndMarkdownIsATable() throws {
        let sample = SharedData.sampleBallots.first { $0.hasSuffix("solectwo_wolka_2027.pb") }!
        let table = try Self.wiec(["tally", sample])
        #expect(table.status == 0)
        #expect(table.output.contains("Budżet / budget: 30 000 PLN"))
        #expect(table.output.contains("2 400,50"))
        let markdown = try Self.wiec(["tally", sample, "--format", "md", "--rule", "greedy-no-skip", "--tie-breaking", "cost"])
        #expect(markdown.output.contains("| projekt / project |"))
        #expect(markdown.output.contains("`greedy-no-skip`"))
        #expect(markdown.output.contains("`cost`"))
    }

    @Test func malformedFileNamesLineAndField() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wiec-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = folder.appendingPathComponent("broken.pb")
        try "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;10\nVOTES\nvoter_id;vote\nv1;1,2\n"
            .write(to: broken, atomically: true, encoding: .utf8)
        let run = try Self.wiec(["tally", broken.path])
        #expect(run.status != 0)
        #expect(run.errors.contains("broken.pb:10: vote: unknown project '2'"))

        let check = try Self.wiec(["tally", "--check", folder.path])
        #expect(check.status != 0)
        #expect(check.output.hasSuffix("0 matched, 1 differ, 0 skipped\n"))
    }

    @Test func checkOfSamplesSkipsFilesWithoutOfficialResults() throws {
        let run = try Self.wiec(["tally", "--check", "ballots"])
        #expect(run.status == 0)
        #expect(run.output.hasSuffix("0 matched, 0 differ, \(SharedData.sampleBallots.count) skipped\n"))
    }
}
