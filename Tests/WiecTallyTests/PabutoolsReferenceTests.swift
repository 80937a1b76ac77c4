import Foundation
import Pabulib
import Testing
import WiecTally

/// Wiec against pabutools 1.2.3 on the real elections in ../shared/pabulib, and the official
/// Equal Shares results published in the files.
struct PabutoolsReferenceTests {
    static let testsFolder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    static let pabulibFolder = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/pabulib")
    static let pabulibAvailable = FileManager.default.fileExists(atPath: pabulibFolder.appendingPathComponent("Poland_Wieliczka_2023_Green_Budget.pb").path)
    static let missing = "../shared/pabulib is absent: comparisons with pabutools on real elections skipped"

    /// The fixture written by scripts/pabutools-reference.py: file → rule → pabutools' selection.
    static let reference: [String: [String: [String]?]] = {
        let url = testsFolder.appendingPathComponent("Fixtures/pabutools-reference.json")
        guard let data = try? Data(contentsOf: url),
              let document = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let files = document["files"] as? [String: [String: Any]] else { return [:] }
        return files.mapValues { rules in
            rules.compactMapValues { value -> [String]?? in
                if value is NSNull { return .some(nil) }
                return (value as? [String]).map { .some($0) }
            }
        }
    }()

    static let files = reference.keys.sorted()

    /// Wiec's rule and options for each rule name of the fixture.
    static func configuration(_ name: String) -> (Rule, TallyOptions)? {
        switch name {
        case "equalshares-cost": (.equalShares, TallyOptions(tieBreaking: .lexicographic, utility: .cost))
        case "equalshares-approval": (.equalShares, TallyOptions(tieBreaking: .lexicographic, utility: .approval))
        case "equalshares-add1": (.equalSharesAdd1, TallyOptions(tieBreaking: .lexicographic, utility: .cost, increment: .pabutools))
        case "phragmen": (.phragmen, TallyOptions(tieBreaking: .lexicographic))
        default: nil
        }
    }

    static func load(_ name: String) throws -> (PabulibFile, Election) {
        let file = try PabulibFile.read(path: pabulibFolder.appendingPathComponent(name).path, limitCheck: .report).file
        return (file, try file.election())
    }

    @Test(.enabled(if: pabulibAvailable, Comment(rawValue: missing)))
    func fixtureCoversTheApprovalElections() throws {
        #expect(Self.files.count >= 40)
        let rules = Set(Self.reference.values.flatMap { $0.keys }).subtracting(["seconds"])
        #expect(rules == ["equalshares-cost", "equalshares-approval", "equalshares-add1", "phragmen"])
    }

    @Test(.enabled(if: pabulibAvailable, Comment(rawValue: missing)), arguments: files)
    func sameSelectionsAsPabutools(file name: String) throws {
        var (_, election) = try Self.load(name)
        // pabutools' rules take no score threshold; Wiec applies a file's under every rule, so
        // the rules are compared on the ballots alone (Warszawa states thresholds).
        election.minProjectScoreThreshold = nil
        for (ruleName, expected) in Self.reference[name] ?? [:] {
            guard let expected, let (rule, options) = Self.configuration(ruleName) else { continue }
            let result = try Tally.run(election, rule: rule, options: options)
            let ids = result.selected.map { election.projects[$0].id }
            if rule == .phragmen {
                // pabutools sorts Phragmén's outcome; the selection order is Wiec's own.
                #expect(ids.sorted() == expected.sorted(), "\(name) \(ruleName)")
            } else {
                #expect(ids == expected, "\(name) \(ruleName)")
            }
        }
    }

    /// Every shared file decided by Equal Shares, counted by its own rule, gives the published
    /// `selected` column; Wieliczka 2023 (`equalshares/add1-comparison`) among them.
    @Test(.enabled(if: pabulibAvailable, Comment(rawValue: missing)))
    func officialEqualSharesResultsReproduced() throws {
        var checked: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.pabulibFolder.path).sorted() where name.hasSuffix(".pb") {
            let (file, election) = try Self.load(name)
            guard let ruleName = file.rule, ruleName.hasPrefix("equalshares"), let official = file.selectedProjectIDs else { continue }
            let result = try Tally.run(election, rule: try Rule(pabulibName: ruleName))
            #expect(Set(result.selected.map { election.projects[$0].id }) == official, "\(name)")
            #expect(result.spent <= election.budget)
            checked.append(name)
        }
        #expect(checked.contains("Poland_Wieliczka_2023_Green_Budget.pb"))
    }

    @Test(.enabled(if: pabulibAvailable, Comment(rawValue: missing)))
    func wieliczkaExplanationTellsTheComparisonAndTheRounds() throws {
        let (_, election) = try Self.load("Poland_Wieliczka_2023_Green_Budget.pb")
        let result = try Tally.run(election, rule: .equalSharesAdd1Comparison)
        let rounds = result.steps.compactMap { step -> EqualSharesRound? in
            if case .equalSharesRound(let round) = step { round } else { nil }
        }
        #expect(rounds.count == result.selected.count)
        for (earlier, later) in zip(rounds, rounds.dropFirst()) { #expect(earlier.rho <= later.rho) }
        let comparison = result.steps.contains { if case .comparison(_, _, false) = $0 { true } else { false } }
        #expect(comparison)
    }
}
