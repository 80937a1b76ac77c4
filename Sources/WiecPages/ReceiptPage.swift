import Foundation
import WiecLedger

/// A receipt for an entry of the log (a cast ballot): the entry's sequence number, its leaf
/// hash, the signed checkpoint it is checked against, the downloadable file and plain steps to
/// check it later.
struct ReceiptPage: ViewModel {
    var sequence: String
    var leafHash: String
    var treeSize: String
    var checkpoint: String
    var time: String
    var download: String
    var fileName: String

    /// The fields of an entry a receipt page reads.
    struct EntryHead: Decodable {
        var edition: String
        var seq: Int64
        var time: String
        var type: String
    }

    /// The edition, number, time and type an entry's canonical JSON states.
    static func head(_ receipt: InclusionReceipt) -> EntryHead? {
        try? JSONDecoder().decode(EntryHead.self, from: Data(receipt.entry.utf8))
    }

    init(_ receipt: InclusionReceipt, head: EntryHead, catalogue: Catalogue, language: Language) {
        sequence = String(receipt.sequence)
        leafHash = ReceiptPage.hex(Merkle.leafHash(Array(receipt.entry.utf8)))
        treeSize = PolishFormat.number(receipt.treeSize, language)
        checkpoint = receipt.checkpoint
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        time = (parser.date(from: head.time) ?? ISO8601DateFormatter().date(from: head.time)).map { PolishFormat.moment($0, language) } ?? head.time
        download = "/edycje/\(head.edition)/pokwitowanie/\(receipt.sequence)/plik"
        fileName = "pokwitowanie-\(head.edition)-\(receipt.sequence).json"
    }

    static func hex(_ bytes: [UInt8]) -> String { Hex.encode(bytes) }

    func child(named name: String) -> Any? {
        switch name {
        case "sequence": sequence
        case "leafHash": leafHash
        case "treeSize": treeSize
        case "checkpoint": checkpoint
        case "time": time
        case "download": download
        case "fileName": fileName
        default: nil
        }
    }
}
