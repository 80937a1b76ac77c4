import Foundation
import Hummingbird
import WiecCore
import WiecGateway
import WiecLedger
import WiecExchange

/// What an auditor reads: checkpoints, entries, inclusion and consistency proofs, the public
/// key, and an edition's audit bundle (the folder `wiec export` writes, as a tar archive, for
/// `wiec verify`). All public, no token needed.
struct AuditController: Sendable {
    let gateway: CommandGateway
    let verifier: CheckpointVerifier

    /// The most entries one `entries` request returns.
    static let maxEntries: Int64 = 10_000

    var endpoints: RouteCollection<WiecRequestContext> {
        let routes = RouteCollection(context: WiecRequestContext.self)
        routes.get("audit/checkpoint", use: checkpoint)
        routes.get("audit/entries", use: entries)
        routes.get("audit/proof/{seq}", use: proof)
        routes.get("audit/consistency", use: consistency)
        routes.get("audit/public-key", use: publicKey)
        routes.get("editions/{edition}/bundle", use: bundle)
        return routes
    }

    struct Consistency: Codable {
        var from: Int64
        var to: Int64
        var proof: [String]
    }

    @Sendable func checkpoint(_ request: Request, context: WiecRequestContext) async throws -> Response {
        guard let note = try gateway.store.checkpoints().last else { throw Problem.noCheckpoint() }
        return Reply.text(note, type: "text/plain; charset=utf-8")
    }

    @Sendable func entries(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let size = try gateway.store.head().size
        let from = try Self.number(request, "from") ?? 1
        // Both are at least 1, so neither the default end nor the span can overflow.
        let to = try Self.number(request, "to") ?? (size - from < Self.maxEntries ? size : from + (Self.maxEntries - 1))
        guard to < from || to - from < Self.maxEntries else {
            throw Problem(Refusal(.invalidValue, "at most \(Self.maxEntries) entries per request"))
        }
        let lines = size == 0 ? [] : try gateway.store.entryLines(from: from, through: to)
        return Reply.text(lines.map { $0 + "\n" }.joined(), type: "application/jsonl")
    }

    @Sendable func proof(_ request: Request, context: WiecRequestContext) async throws -> Response {
        guard let sequence = Int64(try context.parameters.require("seq")) else { throw Problem.unknownEntry("entries are numbered from 1") }
        return try Reply.json(try gateway.store.inclusionReceipt(for: sequence, at: Date()))
    }

    @Sendable func consistency(_ request: Request, context: WiecRequestContext) async throws -> Response {
        guard let from = try Self.number(request, "from"), let to = try Self.number(request, "to") else {
            throw Problem(Refusal(.invalidValue, "from and to are required"))
        }
        let proof = try gateway.store.consistencyProof(from: from, to: to)
        return try Reply.json(Consistency(from: from, to: to, proof: proof.map(Hex.encode)))
    }

    @Sendable func publicKey(_ request: Request, context: WiecRequestContext) async throws -> Response {
        Reply.text(verifier.verifierKeyText + "\n", type: "text/plain; charset=utf-8")
    }

    @Sendable func bundle(_ request: Request, context: WiecRequestContext) async throws -> Response {
        let edition = try context.parameters.require("edition")
        _ = try gateway.existing(edition)
        // Cover every entry by a checkpoint, so the bundle verifies to its last entry.
        _ = try gateway.store.checkpoint(at: Date())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wiec-bundle-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try AuditBundle.export(from: gateway.store, edition: edition, verifier: verifier, to: folder.path)
        let archive = try TarArchive.archive(folder: folder)
        return Response(
            status: .ok,
            headers: [.contentType: "application/x-tar", .contentDisposition: "attachment; filename=\"\(edition)-bundle.tar\""],
            body: .init(byteBuffer: ByteBuffer(bytes: archive)))
    }

    /// A positive integer query parameter, if present.
    private static func number(_ request: Request, _ name: String) throws -> Int64? {
        guard let text = request.uri.queryParameters[name[...]] else { return nil }
        guard let value = Int64(text), value >= 1 else { throw Problem(Refusal(.invalidValue, "\(name) must be a positive integer")) }
        return value
    }
}
