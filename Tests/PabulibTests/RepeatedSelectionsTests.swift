import Pabulib
import Testing
import WiecTally
import WiecTestSupport

/// Votes are read the same whether their selections repeat (read once and shared) or are
/// mostly new (the reader stops remembering them): each ballot is checked against the vote's
/// text split by hand.
struct RepeatedSelectionsTests {
    /// A file with `projects` numbered projects whose votes are given as project indices.
    private func file(projects: Int, votes: [[Int]], maxLength: Int? = nil) -> String {
        var text = "META\nkey;value\nbudget;1000000\nvote_type;approval\n"
        if let maxLength { text += "max_length;\(maxLength)\n" }
        text += "PROJECTS\nproject_id;cost\n"
        for project in 0..<projects { text += "p\(project);\(100 + project)\n" }
        text += "VOTES\nvoter_id;vote;age\n"
        for (voter, vote) in votes.enumerated() {
            text += "v\(voter);\(vote.map { "p\($0)" }.joined(separator: ","));\(20 + voter % 7)\n"
        }
        return text
    }

    @Test(arguments: ["mostly new, then repeated", "repeated from the start"])
    func ballotsMatchTheVotesText(pattern: String) throws {
        var generator = SeededGenerator(state: UInt64(pattern.utf8.count))
        let common: [[Int]] = [[0, 1], [2], [3, 0, 5], []]
        var votes: [[Int]] = []
        for index in 0..<900 {
            let fresh = pattern == "mostly new, then repeated" && index < 400
            if fresh {
                votes.append(Array((0..<12).filter { _ in generator.next() % 2 == 0 }.shuffled(using: &generator).prefix(6)))
            } else {
                votes.append(common[Int(generator.next() % UInt64(common.count))])
            }
        }
        let bytes = Array(file(projects: 12, votes: votes).utf8)
        let whole = try PabulibFile.parse(bytes, fileName: "repeats.pb")
        #expect(whole.votes.map(\.projects) == votes)
        #expect(whole.votes.map { whole.value("age", of: $0) } == votes.indices.map { "\(20 + $0 % 7)" })
        let counted = try PabulibElection.parse(bytes, fileName: "repeats.pb")
        #expect(counted.election.ballots.map(\.projects) == votes)
    }

    /// A selection that breaks a limit is reported at every line that repeats it.
    @Test func repeatedViolationsAreReportedOnEveryLine() throws {
        let votes: [[Int]] = [[0, 1, 2], [0], [0, 1, 2], [1], [0, 1, 2]]
        let bytes = Array(file(projects: 3, votes: votes, maxLength: 2).utf8)
        let counted = try PabulibElection.parse(bytes, fileName: "limits.pb", limitCheck: .report)
        // META (4 lines + max_length), PROJECTS (2 + 3), VOTES (2): the first vote is on line 13.
        #expect(counted.warnings.map(\.line) == [13, 15, 17])
        #expect(throws: PabulibError.self) { try PabulibElection.parse(bytes, fileName: "limits.pb") }
    }
}
