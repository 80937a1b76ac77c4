import Pabulib
import Testing
import WiecTally

/// The corners of the format: BOM, CRLF, quoting, section titles in any case, decimal money.
struct FormatDetailsTests {
    static let text = #"""
        meta
        key;value
        budget;1000,50
        vote_type;cumulative
        rule;greedy
        description;"Pula; z ""cudzysłowem"""
        Projects
        project_id;cost;name;selected
        A;1234.5;"Park
        w dwóch liniach";1
        B;1234,50;Ławki;0
        C;0.05;Kosz;0
        VOTES
        voter_id;vote;points
        1;A,B;3,2
        2;C;1
        3;;

        """#

    @Test(arguments: [false, true], [false, true])
    func readsBOMAndCRLF(bom: Bool, crlf: Bool) throws {
        var text = Self.text
        if crlf { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        var bytes = Array(text.utf8)
        if bom { bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0) }
        let file = try PabulibFile.parse(bytes, fileName: "t.pb")
        #expect(file[meta: "budget"] == "1000,50")
        #expect(file[meta: "description"] == "Pula; z \"cudzysłowem\"")
        #expect(file.projects.map(\.cost) == [Money(minorUnits: 123_450), Money(minorUnits: 123_450), Money(minorUnits: 5)])
        let name = file.value("name", of: file.projects[0])
        #expect(name == (crlf ? "Park\r\nw dwóch liniach" : "Park\nw dwóch liniach"))
        #expect(file.votes.map(\.points) == [[3, 2], [1], []])
        #expect(file.votes[2].projects.isEmpty)
        #expect(file.selectedProjectIDs == ["A"])
        let election = try file.election()
        #expect(election.budget == Money(minorUnits: 100_050))
        #expect(election.voteType == .cumulative)
        #expect(election.scores() == [3, 2, 1])
    }

    /// Spaces, tabs and no-break spaces around META values and section titles are not part of them.
    @Test func spacesAroundMetaValuesAndSectionTitles() throws {
        let text = "META\nkey;value\nbudget;\t 1000\u{00A0}\nvote_type; approval\t\n  PROJECTS\t\nproject_id;cost\nA;600\nB;500\n VOTES \nvoter_id;vote\n1;A\n2;A,B\n"
        let election = try PabulibFile.parse(Array(text.utf8), fileName: "spaces.pb").election()
        #expect(election.budget == Money(units: 1000))
        #expect(election.voteType == .approval)
        #expect(election.ballots.map(\.projects) == [[0], [0, 1]])
    }

    /// Extra vote columns read the same whether quoted or not, side by side or around the
    /// structural columns, and votes with the same values share them.
    @Test func extraVoteColumnsQuotedOrNot() throws {
        let text = "META\nkey;value\nbudget;1000\nvote_type;approval\nPROJECTS\nproject_id;cost\nA;600\nB;500\n"
            + "VOTES\nage;voter_id;vote;sex;district\n"
            + "34;1;A;F;Stare Miasto\n\"34\";2;A;\"F\";\"Stare Miasto\"\n34;3;A,B;F;\"Stare \"\"Miasto\"\"\"\n"
            + "34;4;A;F;Stare Miasto\n35;5;B;F;Stare Miasto\n"
        let file = try PabulibFile.parse(Array(text.utf8), fileName: "quoted.pb")
        #expect(file.voteColumns == ["age", "sex", "district"])
        #expect(file.votes.map(\.values) == [
            ["34", "F", "Stare Miasto"], ["34", "F", "Stare Miasto"], ["34", "F", "Stare \"Miasto\""],
            ["34", "F", "Stare Miasto"], ["35", "F", "Stare Miasto"],
        ])
        #expect(file.votes.map(\.projects) == [[0], [0], [0, 1], [0], [1]])
        let counted = try PabulibElection.parse(Array(text.utf8), fileName: "quoted.pb")
        #expect(counted.election == (try file.election()))
        let reread = try PabulibFile.parse(Array(file.written().utf8), fileName: "quoted.pb")
        #expect(reread == file)
    }

    /// Numbered projects are looked up by number, but a vote must still write the id exactly:
    /// `07`, `+7` or `7 ` name no project, and neither does a number past every id. The same
    /// votes against ids that are not all numbers (looked up by their bytes) agree.
    @Test(arguments: [
        ("7,10", [0, 1], [0, 1]), ("1000,7", [2, 0], nil), ("07", nil, nil), ("+7", nil, nil), ("7 ", nil, nil),
        ("0", nil, nil), ("99999999999999999999999", nil, nil), ("8", nil, nil),
    ] as [(String, [Int]?, [Int]?)])
    func numberedProjectsFoundOnlyByTheirExactID(vote: String, numbered: [Int]?, mixed: [Int]?) {
        for (thirdID, expected) in [("1000", numbered), ("X", mixed)] {
            let text = "META\nkey;value\nbudget;1000\nvote_type;approval\nPROJECTS\nproject_id;cost\n7;600\n10;500\n"
                + "\(thirdID);100\nVOTES\nvoter_id;vote\nv1;\(vote)\n"
            let bytes = Array(text.utf8)
            do {
                let file = try PabulibFile.parse(bytes, fileName: "numbers.pb")
                #expect(file.votes.map(\.projects) == expected.map { [$0] })
                #expect(try PabulibElection.parse(bytes, fileName: "numbers.pb").election == file.election())
            } catch {
                #expect(expected == nil, "\(error)")
                #expect(error.line == 12 && error.field == "vote" && error.message.hasPrefix("unknown project"), "\(error)")
            }
        }
    }

    @Test func writesBackWhatItRead() throws {
        let file = try PabulibFile.parse(Array(Self.text.utf8), fileName: "t.pb")
        let written = file.written()
        #expect(written.contains("description;\"Pula; z \"\"cudzysłowem\"\"\"\n"))
        #expect(written.contains("A;1234.50;"))
        let reread = try PabulibFile.parse(Array(written.utf8), fileName: "t.pb")
        #expect(reread == file)
    }

    @Test func withdrawnProjectsAreMarked() throws {
        let text = Self.text.replacingOccurrences(of: "C;0.05;Kosz;0", with: "C;999999999;Kosz;0")
        let election = try PabulibFile.parse(Array(text.utf8), fileName: "t.pb").election()
        #expect(election.projects.map(\.isWithdrawn) == [false, false, true])
    }
}
