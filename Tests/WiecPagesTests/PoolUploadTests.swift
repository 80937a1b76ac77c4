import Foundation
import Testing
import WiecTestSupport

/// A pool added from an uploaded `.pb` file: its budget, ballot type and limits read from the
/// file's META section; a broken file refused beside the file field with its line; an upload
/// without its CSRF token changing nothing.
@Suite struct PoolUploadTests {
    @Test func aPoolFromAPabulibFile() async throws {
        let server = try PageServer()
        let staff = try StaffPagesTests.accounts(server)
        let sample = Array(try Data(contentsOf: SharedData.repositoryRoot.appendingPathComponent("ballots/dzielnica_srodmiescie_2027.pb")))
        try await server.run { client in
            var admin = client
            try await StaffPagesTests.signIn(&admin, staff.admin)
            let form = try await admin.get("/panel/nowa-edycja")
            let created = try await admin.post("/panel/nowa-edycja", [("id", "d"), ("nazwa", "BO Plikowo 2028")], from: form)
            let edition = try await admin.follow(created)
            #expect(edition.html.contains("enctype=\"multipart/form-data\"") && edition.html.contains("type=\"file\""))

            let forged = try await admin.postFile("/panel/edycje/d/pule/plik", [("plik_id", "srodmiescie")], file: ("plik", "a.pb", sample), from: edition, csrf: false)
            #expect(forged.status == .forbidden)
            let broken = Array(String(decoding: sample, as: UTF8.self).replacingOccurrences(of: "budget;1000000", with: "budget;dużo").utf8)
            let refused = try await admin.postFile("/panel/edycje/d/pule/plik", [("plik_id", "srodmiescie")], file: ("plik", "zly.pb", broken), from: edition)
            #expect(refused.status == .unprocessableContent && refused.html.contains("id=\"pole-plik-blad\""))
            #expect(refused.html.contains("zly.pb:") && refused.html.contains("budget"), "the file, line and field are named")
            let noFile = try await admin.postFile("/panel/edycje/d/pule/plik", [("plik_id", "srodmiescie")], file: nil, from: refused)
            #expect(noFile.status == .unprocessableContent && noFile.html.contains("Wybierz plik .pb."))

            let added = try await admin.postFile("/panel/edycje/d/pule/plik", [("plik_id", "srodmiescie")], file: ("plik", "dzielnica.pb", sample), from: noFile)
            #expect(added.status == .seeOther, "\(added.html)")
            let shown = try await admin.follow(added)
            #expect(shown.html.contains("Budżet obywatelski Przykładowo 2027, dzielnica Śródmieście") && shown.html.contains("1\u{00A0}000\u{00A0}000\u{00A0}zł"))
            let again = try await admin.postFile("/panel/edycje/d/pule/plik", [("plik_id", "srodmiescie")], file: ("plik", "dzielnica.pb", sample), from: shown)
            #expect(again.status == .unprocessableContent && again.html.contains("id=\"pole-plik_id-blad\""), "a pool id taken is refused beside its field")
        }
    }
}
