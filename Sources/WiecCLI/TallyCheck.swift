import Foundation
import Pabulib
import WiecTally

/// Compares computed selections with the official ones (`selected` column) over many files.
struct TallyCheck {
    /// The verdict on one file.
    enum Verdict: Equatable {
        /// The computed selection is the official one; `reserve` projects (`selected` 3) are the
        /// next ones in ranking order.
        case matched(reserve: [String])
        case differs(onlyOfficial: [String], onlyComputed: [String])
        /// The selections agree, but the projects funded from reserve funds (`selected` 3) are
        /// not the next ones in ranking order.
        case reserveDiffers(stated: [String], next: [String])
        case skipped(String)
        case unreadable(String)
    }

    /// One checked file: its verdict and the consistency warnings found on the way.
    struct Line {
        var path: String
        var verdict: Verdict
        var warnings: [String]

        var rendered: String {
            let name = (path as NSString).lastPathComponent
            var text: String
            switch verdict {
            case .matched(let reserve):
                text = "OK    \(name)"
                if !reserve.isEmpty { text += " (from reserve funds, the next in ranking order: \(reserve.joined(separator: ", ")))" }
            case .differs(let official, let computed):
                text = "DIFF  \(name): only official [\(official.joined(separator: ", "))], only computed [\(computed.joined(separator: ", "))]"
            case .reserveDiffers(let stated, let next):
                text = "DIFF  \(name): funded from reserve funds [\(stated.joined(separator: ", "))], next in ranking order [\(next.joined(separator: ", "))]"
            case .skipped(let why):
                text = "SKIP  \(name): \(why)"
            case .unreadable(let why):
                text = "ERROR \(name): \(why)"
            }
            for warning in warnings { text += "\n      warning: \(warning)" }
            return text
        }
    }

    var tieBreaking: TieBreaking?
    /// Whether published ballots that break the file's rules are counted (each a warning) or
    /// make the file an error.
    var limitCheck: LimitCheck = .report

    /// The `.pb` files under the given files and folders, recursively, sorted by path.
    static func files(in paths: [String]) -> [String] {
        var found: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                found.append(path)
                continue
            }
            guard isFolder.boolValue else {
                found.append(path)
                continue
            }
            let items = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
            found += items.filter { $0.hasSuffix(".pb") }.map { (path as NSString).appendingPathComponent($0) }.sorted()
        }
        return found
    }

    /// Checks one file.
    func check(path: String) -> Line {
        let file: PabulibFile
        let limitWarnings: [PabulibWarning]
        do {
            (file, limitWarnings) = try PabulibFile.read(path: path, limitCheck: limitCheck)
        } catch {
            return Line(path: path, verdict: .unreadable(error.description), warnings: [])
        }
        let warnings = (limitWarnings + file.consistencyWarnings()).map(\.description)
            + [PublishedBallotWarnings.summary(limitWarnings)].compactMap { $0 }
        guard var official = file.selectedProjectIDs else {
            return Line(path: path, verdict: .skipped("no selected column"), warnings: warnings)
        }
        let result: TallyResult
        do {
            let election = try file.election()
            let options = TallyOptions(tieBreaking: tieBreaking ?? .fileOrder, officialScores: file.officialScores)
            let spec = try file.ruleSpec()
            result = try Tally.run(election, spec: spec, options: options)
            // A 2 is a project funded under a local rule: by the count when its rule has a top-up,
            // else outside it (a turnout award…), which the count does not decide.
            if spec.topUp != nil { official.formUnion(file.projectIDs(selected: 2) ?? []) }
        } catch let error as TallyError {
            return Line(path: path, verdict: .skipped(error.description), warnings: warnings)
        } catch {
            return Line(path: path, verdict: .unreadable("\(error)"), warnings: warnings)
        }
        let computed = Set(result.selected.map { file.projects[$0].id })
        let order = file.projects.map(\.id)
        let onlyOfficial = order.filter { official.contains($0) && !computed.contains($0) }
        let onlyComputed = order.filter { computed.contains($0) && !official.contains($0) }
        guard onlyOfficial.isEmpty, onlyComputed.isEmpty else {
            return Line(path: path, verdict: .differs(onlyOfficial: onlyOfficial, onlyComputed: onlyComputed), warnings: warnings)
        }
        let reserve = file.projectIDs(selected: 3) ?? []
        let next = Self.nextInRanking(result, count: reserve.count).map { file.projects[$0].id }
        let verdict: Verdict = Set(next) == reserve
            ? .matched(reserve: next)
            : .reserveDiffers(stated: order.filter(reserve.contains), next: next)
        return Line(path: path, verdict: verdict, warnings: warnings)
    }

    /// The first `count` projects in ranking order (score, then the tie-breaking the count used)
    /// that the count did not fund but could have: neither withdrawn, nor under the threshold,
    /// nor excluded by their group. Reserve funds fund these, in this order.
    static func nextInRanking(_ result: TallyResult, count: Int) -> [Int] {
        guard count > 0 else { return [] }
        let open: Set<ProjectStatus> = [.skipped, .notReached, .notSelected]
        // Greedy counts explain every project in ranking order; the scores give that order otherwise.
        let explained = result.steps.compactMap(\.project)
        let ranked = explained.count == result.scores.count
            ? explained
            : result.scores.indices.sorted { result.scores[$0] != result.scores[$1] ? result.scores[$0] > result.scores[$1] : $0 < $1 }
        return Array(ranked.filter { open.contains(result.statuses[$0]) }.prefix(count))
    }
}
