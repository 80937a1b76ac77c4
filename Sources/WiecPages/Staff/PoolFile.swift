import Pabulib
import WiecCore
import WiecTally

/// A pool read from an uploaded pabulib `.pb` file: its budget, ballot type and limits, rule
/// and threshold, as ``WiecExchange/PabulibImport`` reads a file's pool; the file's projects and
/// votes are not imported (proposals come through submission). A defect is named with the
/// file, line and field.
enum PoolFile {
    /// The pool a file describes, under the id and (when given) the name the official chose.
    ///
    /// - Throws: ``PabulibError`` naming the line and field at fault.
    static func config(_ file: MultipartForm.File, id: PoolID, name: String?) throws(PabulibError) -> PoolConfig {
        let parsed = try PabulibFile.parse(file.bytes, fileName: file.fileName)
        let election = try parsed.election()
        let rule = (try? parsed.ruleSpec())?.description ?? parsed.rule ?? "greedy"
        return PoolConfig(
            id: id, name: name ?? parsed[meta: "description"] ?? id, budget: election.budget, voteType: election.voteType, limits: election.limits,
            rule: rule, tieBreaking: TieBreaking.fileOrder.name, minProjectScoreThreshold: election.minProjectScoreThreshold,
            currency: parsed[meta: "currency"] ?? "PLN")
    }
}
