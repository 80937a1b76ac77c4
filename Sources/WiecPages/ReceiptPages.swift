import Foundation
import Hummingbird
import WiecCore
import WiecGateway
import WiecLedger

/// Receipts: the page shown after casting (printable, with the file to download) and the page
/// where anyone checks a receipt against the log's key and its latest checkpoint.
struct ReceiptPages: Sendable {
    let site: ResidentSite

    private var renderer: PageRenderer { site.renderer }

    /// The largest receipt accepted for checking.
    static let maxReceiptBytes = 200_000

    func add(to routes: RouteCollection<WiecRequestContext>) {
        site.get(routes, "/edycje/{edition}/pokwitowanie/{seq}") { page, _, context in
            let (state, receipt, head) = try receipt(context)
            let model = ReceiptPage(receipt, head: head, catalogue: renderer.catalogue, language: page.language)
            let signedIn = try site.resident(page, edition: state.id) != nil
            return renderer.response(
                "receipt", model, chrome: site.chrome(renderer.text("receipt_title", page), page, edition: state, section: "vote", signedIn: signedIn),
                request: page)
        }
        site.get(routes, "/edycje/{edition}/pokwitowanie/{seq}/plik") { _, _, context in
            let (state, receipt, _) = try receipt(context)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            headers[.contentDisposition] = "attachment; filename=\"pokwitowanie-\(state.id)-\(receipt.sequence).json\""
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(receipt))))
        }
        site.get(routes, "/sprawdz-pokwitowanie") { page, _, _ in
            show(ReceiptCheckPage(text: ""), page: page)
        }
        site.post(routes, "/sprawdz-pokwitowanie") { page, form, _, _ in
            let file = form.raw("plik") ?? ""
            return show(check(file.isEmpty ? form.raw("pokwitowanie") ?? "" : file, page: page), page: page)
        }
    }

    private func show(_ model: ReceiptCheckPage, page: PageRequest) -> Response {
        renderer.response(
            "receipt_check", model, chrome: site.chrome(renderer.text("check_title", page), page), request: page,
            status: model.errors.isEmpty ? .ok : .unprocessableContent)
    }

    /// The receipt of an entry of the edition a path names.
    private func receipt(_ context: WiecRequestContext) throws -> (EditionState, InclusionReceipt, ReceiptPage.EntryHead) {
        let state = try site.edition(context)
        guard let sequence = Int64(try context.parameters.require("seq")), sequence > 0 else { throw PageError.notFound }
        let receipt = try site.gateway.inclusionReceipt(for: sequence)
        guard let head = ReceiptPage.head(receipt), head.edition == state.id else { throw PageError.notFound }
        return (state, receipt, head)
    }

    /// Checks a pasted receipt: as `wiec verify-receipt` does, then against the latest checkpoint.
    func check(_ text: String, page: PageRequest) -> ReceiptCheckPage {
        var model = ReceiptCheckPage(text: text)
        let t = { (key: String, arguments: [String: String]) in renderer.text(key, page, arguments) }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            model.errors.add("pokwitowanie", t("check_empty", [:]))
            return model
        }
        guard text.utf8.count <= Self.maxReceiptBytes,
            let receipt = try? JSONDecoder().decode(InclusionReceipt.self, from: Data(text.utf8))
        else {
            model.errors.add("pokwitowanie", t("check_unreadable", [:]))
            return model
        }
        model.checked = true
        model.proof = receipt.proof
        model.steps = [
            Fact(term: t("check_step_entry", [:]), value: String(receipt.sequence)),
            Fact(term: t("check_step_leaf", [:]), value: ReceiptPage.hex(Merkle.leafHash(Array(receipt.entry.utf8)))),
            Fact(term: t("check_step_size", [:]), value: PolishFormat.number(receipt.treeSize, page.language)),
        ]
        do {
            let head = try receipt.verify(with: site.verifier)
            model.steps.append(Fact(term: t("check_step_root", [:]), value: ReceiptPage.hex(head.root)))
            model.ok = true
            model.verdict = t("check_ok", ["seq": String(receipt.sequence), "size": PolishFormat.number(head.size, page.language), "origin": head.origin])
            // The same entry, under the latest checkpoint of the log this server keeps.
            if let fresh = try? site.gateway.inclusionReceipt(for: receipt.sequence) {
                model.latest = fresh.entry == receipt.entry
                    ? t("check_latest_ok", ["size": PolishFormat.number(fresh.treeSize, page.language)])
                    : t("check_latest_differs", [:])
                if fresh.entry != receipt.entry { model.ok = false }
            } else {
                model.latest = t("check_latest_missing", [:])
                model.ok = false
            }
        } catch {
            model.ok = false
            model.verdict = t("check_failed", ["reason": "\(error)"])
        }
        return model
    }
}
