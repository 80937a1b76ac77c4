import Foundation
import Pabulib
import WiecTally

/// Compares computed selections with the official ones (`selected` column) over many files.
struct TallyCheck {
    /// The verdict on one file.
    enum Verdict: Equatable {
        case matched
        case differs(onlyOfficial: [String], onlyComputed: [String])
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
            case .matched:
                text = "OK    \(name)"
            case .differs(let official, let computed):
                text = "DIFF  \(name): only official [\(official.joined(separator: ", "))], only computed [\(computed.joined(separator: ", "))]"
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
            (file, limitWarnings) = try PabulibFile.read(path: path, limitCheck: .report)
        } catch {
            return Line(path: path, verdict: .unreadable(error.description), warnings: [])
        }
        let warnings = (limitWarnings + file.consistencyWarnings()).map(\.description)
        guard let official = file.selectedProjectIDs else {
            return Line(path: path, verdict: .skipped("no selected column"), warnings: warnings)
        }
        let result: TallyResult
        do {
            let election = try file.election()
            let rule = try Rule(pabulibName: file.rule ?? "unknown")
            let options = TallyOptions(tieBreaking: tieBreaking ?? .fileOrder, officialScores: file.officialScores)
            result = try Tally.run(election, rule: rule, options: options)
        } catch let error as TallyError {
            return Line(path: path, verdict: .skipped(error.description), warnings: warnings)
        } catch {
            return Line(path: path, verdict: .unreadable("\(error)"), warnings: warnings)
        }
        let computed = Set(result.selected.map { file.projects[$0].id })
        let order = file.projects.map(\.id)
        let onlyOfficial = order.filter { official.contains($0) && !computed.contains($0) }
        let onlyComputed = order.filter { computed.contains($0) && !official.contains($0) }
        let verdict: Verdict = onlyOfficial.isEmpty && onlyComputed.isEmpty ? .matched : .differs(onlyOfficial: onlyOfficial, onlyComputed: onlyComputed)
        return Line(path: path, verdict: verdict, warnings: warnings)
    }
}
