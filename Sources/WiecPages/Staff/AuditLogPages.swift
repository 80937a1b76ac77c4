import Crypto
import Foundation
import Hummingbird
import WiecCore
import WiecGateway
import WiecLedger

/// What anyone (auditors first) reads to check an edition without a terminal of ours: the
/// latest checkpoint, the public key and its fingerprint, the bundle, the exact commands that
/// verify it offline and the independent tools that can check the same bytes; and the log
/// browser, entries by sequence number with their type, actor role and body, each linked to its
/// inclusion proof. The log holds no personal data, so neither do these pages.
struct AuditLogPages: Sendable {
    let site: StaffSite

    /// Entries per page of the log browser.
    static let pageSize: Int64 = 50

    private var renderer: PageRenderer { site.renderer }

    func add(to routes: RouteCollection<WiecRequestContext>) {
        site.residents.get(routes, "/audyt/edycje/{edition}") { page, _, context in
            let state = try site.residents.edition(context)
            let model = try audit(state, page)
            return renderer.response("staff_page", model, chrome: site.residents.chrome(model.heading, page, edition: state), request: page)
        }
        site.residents.get(routes, "/audyt/dziennik") { page, request, _ in
            let size = try site.gateway.store.head().size
            let asked = request.uri.queryParameters["od"].flatMap { Int64(String($0)) } ?? 1
            let from = size == 0 ? 1 : min(max(asked, 1), size)
            let model = try log(from: from, size: size, page)
            return renderer.response("staff_page", model, chrome: site.residents.chrome(model.heading, page), request: page)
        }
    }

    private func audit(_ state: EditionState, _ page: PageRequest) throws -> StaffPage {
        let t = { (key: String) in renderer.text(key, page) }
        let key = site.residents.verifier.verifierKeyText
        let fingerprint = Hex.encode(SHA256.hash(data: Array(key.utf8)))
        var checkpoint = StaffPage.Section(title: t("staff_checkpoint"), paragraphs: [t("staff_no_checkpoint")])
        if let note = try site.gateway.checkpoints().last {
            let shown = CheckpointNote(note)
            checkpoint = StaffPage.Section(
                title: t("staff_checkpoint"),
                facts: [
                    Fact(term: t("staff_checkpoint_size"), value: shown.size), Fact(term: t("staff_checkpoint_root"), value: shown.root),
                    Fact(term: t("staff_checkpoint_time"), value: shown.time), Fact(term: t("staff_checkpoint_signature"), value: shown.signature),
                ],
                links: [Link(href: "/api/v1/audit/checkpoint", label: t("audit_note_download"))])
        }
        let commands = """
            tar -xf \(state.id)-bundle.tar -C bundle
            wiec verify bundle --key key.vkey
            curl -o receipt.json https://SERVER/api/v1/audit/proof/SEQ
            wiec verify-receipt receipt.json --key key.vkey
            """
        return StaffPage(
            heading: renderer.text("audit_edition_title", page, ["edition": state.name ?? state.id]), lead: t("audit_edition_lead"),
            sections: [
                checkpoint,
                StaffPage.Section(
                    title: t("audit_key_title"), paragraphs: [t("audit_key_lead")],
                    facts: [Fact(term: t("audit_key"), value: key), Fact(term: t("audit_fingerprint"), value: fingerprint)],
                    links: [Link(href: "/api/v1/audit/public-key", label: t("audit_key_download"))]),
                StaffPage.Section(
                    title: t("audit_bundle_title"), paragraphs: [t("audit_bundle_lead")],
                    links: [Link(href: "/api/v1/editions/\(state.id)/bundle", label: t("download_bundle"))]),
                StaffPage.Section(title: t("audit_commands_title"), paragraphs: [t("audit_commands_lead")], preformatted: commands),
                StaffPage.Section(title: t("audit_tools_title"), paragraphs: [t("audit_tools_lead"), t("audit_tools_jcs"), t("audit_tools_merkle")]),
                StaffPage.Section(title: t("audit_log_title"), links: [Link(href: "/audyt/dziennik", label: t("audit_log_open"))]),
            ])
    }

    private func log(from: Int64, size: Int64, _ page: PageRequest) throws -> StaffPage {
        let t = { (key: String) in renderer.text(key, page) }
        let through = min(size, from + Self.pageSize - 1)
        let lines = size == 0 ? [] : try site.gateway.store.entryLines(from: from, through: through)
        let rows = lines.compactMap { line -> StaffPage.Row? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let entry = object["entry"] as? [String: Any], let sequence = entry["seq"] as? Int
            else { return nil }
            let actor = (entry["actor"] as? [String: Any])?["role"] as? String ?? ""
            let body = (try? JSONSerialization.data(withJSONObject: entry["body"] ?? [:], options: [.sortedKeys, .withoutEscapingSlashes]))
                .map { String(decoding: $0, as: UTF8.self) } ?? ""
            return StaffPage.Row(cells: [
                StaffPage.Cell(text: String(sequence), href: "/api/v1/audit/proof/\(sequence)", numeric: true),
                StaffPage.Cell(text: entry["time"] as? String ?? ""),
                StaffPage.Cell(text: entry["type"] as? String ?? ""),
                StaffPage.Cell(text: actor),
                StaffPage.Cell(text: entry["edition"] as? String ?? ""),
                StaffPage.Cell(text: body.count > 400 ? String(body.prefix(400)) + "…" : body),
            ])
        }
        var links: [Link] = []
        if from > 1 { links.append(Link(href: "/audyt/dziennik?od=\(max(1, from - Self.pageSize))", label: t("audit_log_earlier"))) }
        if through < size { links.append(Link(href: "/audyt/dziennik?od=\(through + 1)", label: t("audit_log_later"))) }
        return StaffPage(
            heading: t("audit_log_title"),
            lead: renderer.text("audit_log_lead", page, ["from": String(from), "through": String(through), "size": String(size)]),
            sections: [
                StaffPage.Section(
                    title: nil,
                    table: StaffPage.Table(
                        caption: t("audit_log_title"),
                        headers: [t("audit_log_seq"), t("audit_log_time"), t("audit_log_type"), t("audit_log_actor"), t("staff_edition"), t("audit_log_body")],
                        rows: rows, empty: t("audit_log_empty")),
                    links: links)
            ])
    }
}
