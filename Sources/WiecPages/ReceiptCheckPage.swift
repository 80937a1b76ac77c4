import Foundation
import WiecLedger

/// The receipt check: a form to paste (or upload) a receipt, and after a check the verdict
/// in words with the proof's steps for those who want them. The verdict is the computation
/// `wiec verify-receipt` makes (``InclusionReceipt/verify(with:)``), then the same entry
/// looked up under the latest signed checkpoint.
struct ReceiptCheckPage: ViewModel {
    var text: String
    var checked: Bool = false
    var ok: Bool = false
    var verdict: String?
    var latest: String?
    var steps: [Fact] = []
    var proof: [String] = []
    var errors: FormErrors = FormErrors()

    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "checked": checked
        case "ok": ok
        case "verdict": verdict
        case "latest": latest
        case "steps": steps
        case "proof": proof
        case "hasProof": !proof.isEmpty
        case "hasErrors": !errors.isEmpty
        case "errors": errors.summary
        case "fieldError": errors.message(for: "pokwitowanie")
        default: nil
        }
    }
}
