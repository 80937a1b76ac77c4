import WiecCore
import WiecGateway

extension StaffSite {
    /// Where a staff form shows a refusal of the core: the field it is about and, where the page
    /// knows the figures (a deadline, an excess), its own precise message instead of the catalogue's.
    typealias Placement = [RefusalReason: (field: String?, message: String?)]

    /// Executes a staff form's command through the gateway under the form's one-time key (or
    /// `key`); a refusal about the form's content comes back as its errors, placed beside the
    /// field it is about.
    ///
    /// - Returns: No errors once the command is stored.
    /// - Throws: a refusal of role or scope (shown as the 403 page), or anything else the gateway throws.
    func execute(
        _ command: Command, on state: EditionState, by actor: Actor, _ form: FormData, _ page: PageRequest, key: String? = nil, placing fields: Placement
    ) async throws -> FormErrors {
        var errors = FormErrors()
        do {
            _ = try await gateway.execute(command, on: state.id, by: actor, ledgerKey: key ?? ResidentSite.ledgerKey(form, actor: actor))
        } catch let refusal as Refusal where refusal.reason != .notAllowed && refusal.reason != .notInScope {
            let placed = fields[refusal.reason]
            errors.add(placed?.field, placed?.message ?? renderer.messages.message(for: refusal, page.language))
        }
        return errors
    }
}
