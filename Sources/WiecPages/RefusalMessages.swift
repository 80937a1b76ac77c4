import WiecCore
import WiecGateway

/// A refusal in words a resident understands: the pages' own plain text for the reason when
/// the catalogue has one (`refusal.CODE`), else the title the API's problem catalogue gives it,
/// in the same language. The raw code never shows.
struct RefusalMessages: Sendable {
    let catalogue: Catalogue

    /// The message for a refusal.
    func message(for refusal: Refusal, _ language: Language) -> String {
        let key = "refusal_" + refusal.reason.rawValue
        if catalogue.tables[language]?[key] != nil { return catalogue.text(key, language) }
        let problem = Problem.refusal(refusal)
        return language == .pl ? problem.titlePL : problem.title
    }

    /// The message for any error a page meets: a refusal as above, a problem by its title,
    /// anything else as the catalogue's "something went wrong".
    func message(for error: any Error, _ language: Language) -> String {
        if let refusal = error as? Refusal { return message(for: refusal, language) }
        let problem = Problem(error)
        if problem.status == .internalServerError { return catalogue.text("error_internal", language) }
        return language == .pl ? problem.titlePL : problem.title
    }
}
