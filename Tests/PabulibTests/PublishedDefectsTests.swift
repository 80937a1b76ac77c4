import Pabulib
import Testing
import WiecTally
import WiecTestSupport

/// Published ballots that break their file's own rules are counted as published, each reported
/// with its line; `enforce` (`--strict`) refuses them; an unreadable file is refused either way.
struct PublishedDefectsTests {
    private func bytes(_ name: String) throws -> [UInt8] {
        Array(try String(contentsOfFile: SharedData.fixturePath(name), encoding: .utf8).utf8)
    }

    @Test func aProjectNamedTwiceCountsOnce() throws {
        let (file, warnings) = try PabulibFile.parse(bytes("repeated-project.pb"), fileName: "repeated-project.pb", limitCheck: .report)
        // v1 writes `2,2,1`: projects 2 and 1, each once.
        #expect(file.votes[0].projects == [2, 0])
        #expect(warnings == [PabulibWarning(line: 20, field: "vote", message: "project '2' appears twice on the ballot; counted once", vote: 0)])
        #expect(try file.election().scores() == [3, 3, 2])
        #expect(file.consistencyWarnings().isEmpty)
        let counted = try PabulibElection.parse(bytes("repeated-project.pb"), fileName: "repeated-project.pb", limitCheck: .report)
        #expect(counted.warnings == warnings)
        #expect(counted.election == (try file.election()))
        #expect(throws: PabulibError(file: "repeated-project.pb", line: 20, field: "vote", message: "project '2' appears twice on the ballot")) {
            try PabulibElection.parse(bytes("repeated-project.pb"), fileName: "repeated-project.pb")
        }
    }

    @Test func aBallotOverMaxSumCostIsCountedAndReported() throws {
        let counted = try PabulibElection.parse(bytes("over-max-sum-cost.pb"), fileName: "over.pb", limitCheck: .report)
        #expect(counted.election.ballots.count == 4)
        #expect(counted.warnings.map(\.line) == [20])
        #expect(counted.warnings.map(\.vote) == [0])
        #expect(counted.warnings.first?.message.contains("more than max_sum_cost") == true)
        #expect(throws: PabulibError.self) { try PabulibElection.parse(bytes("over-max-sum-cost.pb"), fileName: "over.pb") }
    }

    /// The points of a repeated project add up; where the `points` column lists each project
    /// once, it is read as written.
    @Test(arguments: [("1,1,2", "2,3,5", [5, 5] as [Int64], "its points add up"), ("1,1,2", "4,6", [4, 6], "counted once")])
    func cumulativePointsOfARepeatedProject(vote: String, points: String, expected: [Int64], note: String) throws {
        let text = """
            META
            key;value
            budget;100
            vote_type;cumulative
            PROJECTS
            project_id;cost
            1;10
            2;20
            VOTES
            voter_id;vote;points
            v1;\(vote);\(points)
            v2;2;3

            """
        let (file, warnings) = try PabulibFile.parse(Array(text.utf8), fileName: "points.pb", limitCheck: .report)
        #expect(file.votes[0].projects == [0, 1])
        #expect(file.votes[0].points == expected)
        #expect(warnings.map(\.message) == ["project '1' appears twice on the ballot; \(note)"])
        let counted = try PabulibElection.parse(Array(text.utf8), fileName: "points.pb", limitCheck: .report)
        #expect(counted.election.ballots[0].points == expected)
    }

    @Test func everySelectedValueIsKept() throws {
        let (file, warnings) = try PabulibFile.read(path: SharedData.fixturePath("poznan-top-up-at-80.pb"), limitCheck: .report)
        #expect(warnings.isEmpty)
        #expect(file.selections! == [1, 2, 3, 0])
        #expect(file.selectedProjectIDs == ["A"])
        #expect(file.projectIDs(selected: 2) == ["B"])
        #expect(file.projectIDs(selected: 3) == ["C"])

        let odd = String(decoding: try bytes("poznan-top-up-at-80.pb"), as: UTF8.self)
            .replacingOccurrences(of: "Ławki;3", with: "Ławki;7").replacingOccurrences(of: "Kwietnik;0", with: "Kwietnik;tak")
        let (kept, oddWarnings) = try PabulibFile.parse(Array(odd.utf8), fileName: "odd.pb", limitCheck: .report)
        #expect(kept.value("selected", of: kept.projects[2]) == "7")
        #expect(kept.selections! == [1, 2, 7, nil])
        #expect(oddWarnings.map(\.line) == [17, 18])
        #expect(oddWarnings.map(\.field) == ["selected", "selected"])
        #expect(oddWarnings[1].message.hasPrefix("'tak' is not a whole number"))
        // A value of no known meaning is a warning even when the file's rules are enforced.
        #expect(try PabulibElection.parse(Array(odd.utf8), fileName: "odd.pb").warnings.count == 2)
    }
}
