import Pabulib
import Testing
import WiecTally
import WiecTestSupport

/// Every real election in ../shared/pabulib reads, converts and writes back unchanged.
@Suite(.enabled(if: SharedData.pabulibAvailable, Comment(rawValue: SharedData.pabulibMissing)))
struct RealFilesTests {
    @Test(arguments: SharedData.pabulibFiles)
    func parsesAndRoundTrips(name: String) throws {
        let (file, _) = try PabulibFile.read(path: SharedData.pabulibPath(name), limitCheck: .report)
        #expect(!file.projects.isEmpty)
        #expect(!file.votes.isEmpty)
        let election = try file.election()
        #expect(election.projects.count == file.projects.count)
        #expect(election.ballots.count == file.votes.count)
        #expect(election.budget > .zero)

        let counted = try PabulibElection.read(path: SharedData.pabulibPath(name), limitCheck: .report)
        #expect(counted.election == election)
        #expect(counted.meta == file.meta)

        let written = file.written()
        let (reread, _) = try PabulibFile.parse(Array(written.utf8), fileName: name, limitCheck: .report)
        #expect(reread == file)
    }

    @Test(arguments: SharedData.pabulibFiles)
    func statedCountsMatchTheData(name: String) throws {
        let (file, _) = try PabulibFile.read(path: SharedData.pabulibPath(name), limitCheck: .report)
        let metaWarnings = file.consistencyWarnings().filter { $0.field.hasPrefix("num_") }
        #expect(metaWarnings.isEmpty, "\(metaWarnings)")
    }

    /// Published ballots that break their file's own rules exist only where the data sets say
    /// so; everywhere else the rules hold. Counted as published, they make the file an error
    /// only when the rules are enforced.
    @Test func ruleBreakingBallotsOnlyWhereKnown() throws {
        var breaking: [String] = []
        for name in SharedData.pabulibFiles {
            let (_, warnings) = try PabulibFile.read(path: SharedData.pabulibPath(name), limitCheck: .report)
            if warnings.contains(where: { $0.vote != nil }) { breaking.append(name) }
        }
        // Tarchomin: line 135 names project 1557 twice (`1557,1557,1543,1951,1077`), line 385
        // project 1543 (`1543,1543,630,1951,1508`). Mechanical
        // Turk experiments: points are utilities normalised to 100 and rounded, so a few ballots
        // sum to 98 or 99 against min_sum_points 100.
        #expect(breaking == [
            "Poland_Warszawa_2026_Tarchomin.pb",
            "Worldwide_Mechanical_Turk_Utilities_6.pb", "Worldwide_Mechanical_Turk_Utilities_8.pb",
        ])
        #expect(throws: PabulibError.self) {
            try PabulibFile.read(path: SharedData.pabulibPath("Worldwide_Mechanical_Turk_Utilities_6.pb"))
        }
        let (tarchomin, warnings) = try PabulibFile.read(path: SharedData.pabulibPath("Poland_Warszawa_2026_Tarchomin.pb"), limitCheck: .report)
        #expect(warnings.map(\.line) == [135, 385])
        let vote = try #require(warnings.first?.vote)
        #expect(tarchomin.votes[vote].projects.map { tarchomin.projects[$0].id } == ["1557", "1543", "1951", "1077"])
    }

    /// The official `votes`/`score` columns agree with what the ballots give, except for a
    /// project named twice on a ballot: the columns count it twice, the ballots once.
    @Test(arguments: SharedData.pabulibFiles)
    func officialScoresAgreeWithBallots(name: String) throws {
        let (file, warnings) = try PabulibFile.read(path: SharedData.pabulibPath(name), limitCheck: .report)
        let repeated = warnings.compactMap { $0.message.split(separator: "'").dropFirst().first.map(String.init) }
        let scoreWarnings = file.consistencyWarnings().filter { warning in
            !warning.field.hasPrefix("num_") && !repeated.contains { warning.message.hasPrefix("project \($0):") }
        }
        #expect(scoreWarnings.isEmpty, "\(scoreWarnings)")
    }
}
