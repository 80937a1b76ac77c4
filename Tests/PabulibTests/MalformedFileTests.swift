import Foundation
import Pabulib
import Testing
import WiecTally

/// A defective file is refused with an error that names its line and field, never read wrongly.
struct MalformedFileTests {
    /// A small valid file; each case below breaks one thing in it.
    static let valid = """
        META
        key;value
        description;Test pool
        num_projects;3
        num_votes;3
        budget;100000
        vote_type;approval
        rule;greedy
        max_length;2
        max_sum_cost;90000
        PROJECTS
        project_id;cost;votes;name
        1;50000;2;Park
        2;40000;2;Ławki
        3;30000;1;Mural
        VOTES
        voter_id;vote;age
        v1;1,2;30
        v2;1;41
        v3;2,3;52

        """

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var from: String
        var to: String
        var line: Int
        var field: String?
        var message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "unknown project in a vote", from: "v2;1;41", to: "v2;7;41", line: 19, field: "vote", message: "unknown project '7'"),
        Case(name: "project twice on a ballot", from: "v2;1;41", to: "v2;1,1;41", line: 19, field: "vote", message: "appears twice"),
        Case(name: "duplicate project id", from: "3;30000;1;Mural", to: "2;30000;1;Mural", line: 15, field: "project_id", message: "duplicate project id '2'"),
        Case(name: "duplicate voter id", from: "v3;2,3;52", to: "v1;2,3;52", line: 20, field: "voter_id", message: "duplicate voter id 'v1'"),
        Case(name: "cost not a number", from: "2;40000;2;Ławki", to: "2;40 tys.;2;Ławki", line: 14, field: "cost", message: "'40 tys.' is not a cost"),
        Case(name: "cost with too many decimals", from: "2;40000;2;Ławki", to: "2;400.001;2;Ławki", line: 14, field: "cost", message: "is not a cost"),
        Case(name: "negative cost", from: "2;40000;2;Ławki", to: "2;-5;2;Ławki", line: 14, field: "cost", message: "is not a cost"),
        Case(name: "votes column not a number", from: "2;40000;2;Ławki", to: "2;40000;dwa;Ławki", line: 14, field: "votes", message: "is not a number"),
        Case(name: "missing VOTES section", from: "VOTES\nvoter_id;vote;age\nv1;1,2;30\nv2;1;41\nv3;2,3;52\n", to: "", line: 15, field: "VOTES", message: "the section is missing"),
        Case(name: "missing cost column", from: "project_id;cost;votes;name", to: "project_id;price;votes;name", line: 12, field: "cost", message: "no cost column"),
        Case(name: "missing vote column", from: "voter_id;vote;age", to: "voter_id;ballot;age", line: 17, field: "vote", message: "no vote column"),
        Case(name: "missing budget", from: "budget;100000\n", to: "", line: 1, field: "budget", message: "META has no budget"),
        Case(name: "budget not a number", from: "budget;100000", to: "budget;sto tysięcy", line: 6, field: "budget", message: "is not an amount of money"),
        Case(name: "unknown vote type", from: "vote_type;approval", to: "vote_type;plurality", line: 7, field: "vote_type", message: "unknown vote type 'plurality'"),
        Case(name: "ballot longer than max_length", from: "v3;2,3;52", to: "v3;1,2,3;52", line: 20, field: "vote", message: "more than max_length 2"),
        Case(name: "ballot over max_sum_cost", from: "v1;1,2;30", to: "v1;1,2;30".replacingOccurrences(of: "1,2", with: "1,2"), line: 18, field: "vote", message: "cost 90000, more than max_sum_cost 80000"),
        Case(name: "row with too few fields", from: "v2;1;41", to: "v2;1", line: 19, field: nil, message: "expected 3 fields"),
        Case(name: "unterminated quote", from: "3;30000;1;Mural", to: "3;30000;1;\"Mural", line: 15, field: nil, message: "never closed"),
        Case(name: "costs adding up past 64 bits", from: "3;30000;1;Mural", to: "3;92233720368547758;1;Mural", line: 15, field: "cost", message: "the costs of the projects up to this one add up to more than"),
        Case(name: "text before any section", from: "META\n", to: "hello\nMETA\n", line: 1, field: nil, message: "expected a section title"),
        Case(name: "cost column twice", from: "project_id;cost;votes;name", to: "project_id;cost;votes;cost", line: 12, field: "cost", message: "the column appears twice"),
        Case(name: "section twice", from: "VOTES\n", to: "VOTES\nPROJECTS\n", line: 17, field: "PROJECTS", message: "appears twice"),
    ]

    @Test(arguments: cases)
    func refusedWithLineAndField(_ testCase: Case) {
        var text = Self.valid
        if testCase.name == "ballot over max_sum_cost" {
            text = text.replacingOccurrences(of: "max_sum_cost;90000", with: "max_sum_cost;80000")
        } else {
            #expect(text.contains(testCase.from), "the case must change the file")
            text = text.replacingOccurrences(of: testCase.from, with: testCase.to)
        }
        // The whole file and the election a count reads: the same error from both.
        let readers: [(String, ([UInt8]) throws(PabulibError) -> Void)] = [
            ("PabulibFile", { bytes throws(PabulibError) in _ = try PabulibFile.parse(bytes, fileName: "broken.pb") }),
            ("PabulibElection", { bytes throws(PabulibError) in _ = try PabulibElection.parse(bytes, fileName: "broken.pb") }),
        ]
        for (reader, read) in readers {
            do {
                try read(Array(text.utf8))
                Issue.record("\(testCase.name): \(reader) accepted the file")
            } catch {
                #expect(error.file == "broken.pb")
                #expect(error.line == testCase.line, "\(reader): \(error)")
                #expect(error.field == testCase.field, "\(reader): \(error)")
                #expect(error.message.contains(testCase.message), "\(reader): \(error)")
                #expect(error.description.hasPrefix("broken.pb:\(testCase.line): "))
            }
        }
    }

    /// Points whose total over the votes would not fit 64 bits are refused where they overflow,
    /// so no score or ballot total can overflow later.
    @Test func pointsAddingUpPast64BitsAreRefused() {
        let text = "META\nkey;value\nbudget;100\nvote_type;cumulative\nPROJECTS\nproject_id;cost\nA;10\nB;20\n"
            + "VOTES\nvoter_id;vote;points\n1;A,B;1,2\n2;A;9223372036854775000\n3;B;5000\n"
        do {
            _ = try PabulibFile.parse(Array(text.utf8), fileName: "points.pb")
            Issue.record("the file was accepted")
        } catch {
            #expect(error.line == 13 && error.field == "points", "\(error)")
            #expect(error.message.contains("add up to more than 9223372036854775807"), "\(error)")
        }
    }

    /// A path that is missing or not a file is refused by name, by both readers; a file on disk
    /// reads as its bytes do.
    @Test func readsFilesFromDiskAndRefusesOtherPaths() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wiec-read-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("pool.pb").path
        try Data(Self.valid.utf8).write(to: URL(fileURLWithPath: path))
        let fromDisk = try PabulibFile.read(path: path)
        #expect(fromDisk == (try PabulibFile.parse(Array(Self.valid.utf8), fileName: "pool.pb")))
        #expect(try PabulibElection.read(path: path).election == fromDisk.election())

        for (bad, name) in [(folder.appendingPathComponent("missing.pb").path, "missing.pb"), (folder.path, folder.lastPathComponent)] {
            #expect(throws: PabulibError(file: name, line: 0, field: nil, message: "cannot read the file")) { try PabulibFile.read(path: bad) }
            #expect(throws: PabulibError(file: name, line: 0, field: nil, message: "cannot read the file")) { try PabulibElection.read(path: bad) }
        }
    }

    @Test func validFileReads() throws {
        let file = try PabulibFile.parse(Array(Self.valid.utf8), fileName: "ok.pb")
        #expect(file.projects.map(\.id) == ["1", "2", "3"])
        #expect(file.votes.map(\.projects) == [[0, 1], [0], [1, 2]])
        #expect(file.voteColumns == ["age"])
        #expect(file.value("age", of: file.votes[2]) == "52")
        #expect(file.consistencyWarnings().isEmpty)
    }

    @Test func limitViolationReportedWhenAsked() throws {
        let text = Self.valid.replacingOccurrences(of: "v3;2,3;52", with: "v3;1,2,3;52")
        let (file, warnings) = try PabulibFile.parse(Array(text.utf8), fileName: "x.pb", limitCheck: .report)
        #expect(file.votes.count == 3)
        #expect(warnings.count == 1)
        #expect(warnings.first?.line == 20)
        #expect(warnings.first?.field == "vote")
        let counted = try PabulibElection.parse(Array(text.utf8), fileName: "x.pb", limitCheck: .report)
        #expect(counted.warnings == warnings)
        #expect(counted.election == (try file.election()))
    }

    @Test func statedCountsThatDisagreeAreWarnings() throws {
        let text = Self.valid
            .replacingOccurrences(of: "num_votes;3", with: "num_votes;4")
            .replacingOccurrences(of: "3;30000;1;Mural", with: "3;30000;5;Mural")
        let file = try PabulibFile.parse(Array(text.utf8), fileName: "x.pb")
        let warnings = file.consistencyWarnings()
        #expect(warnings.map(\.field) == ["num_votes", "votes"])
        #expect(warnings[1].message.contains("project 3: the file says 5, the ballots give 1"))
    }
}
