import Foundation
import Testing

@testable import WiecPages

@Suite struct CatalogueTests {
    @Test func bothLanguagesHaveTheSameTexts() throws {
        let catalogue = try Catalogue.bundled()
        let polish = Set(catalogue.table(.pl).keys), english = Set(catalogue.table(.en).keys)
        #expect(polish.subtracting(english).isEmpty)
        #expect(english.subtracting(polish).isEmpty)
        #expect(catalogue.table(.pl).values.allSatisfy { !$0.isEmpty })
    }

    @Test func everyTextATemplateNamesExists() throws {
        let catalogue = try Catalogue.bundled()
        let folder = try #require(PageResources.templates)
        let pattern = try Regex(#"\{\{t\.([a-z0-9_]+)\}\}"#)
        var missing: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for match in text.matches(of: pattern) {
                let key = String(text[match.range].dropFirst(4).dropLast(2))
                if catalogue.table(.pl)[key] == nil { missing.append("\(name): \(key)") }
            }
        }
        #expect(missing == [])
    }

    @Test func countedTextsUseTheirPluralForm() throws {
        let catalogue = try Catalogue.bundled()
        #expect(catalogue.counted("count_proposals", 1, .pl) == "1 projekt")
        #expect(catalogue.counted("count_proposals", 3, .pl) == "3 projekty")
        #expect(catalogue.counted("count_proposals", 5, .pl) == "5 projektów")
        #expect(catalogue.counted("count_proposals", 5, .en) == "5 proposals")
    }
}
