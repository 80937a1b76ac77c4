import ArgumentParser

struct TallyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tally", abstract: "Count a pool.")
    func run() async throws {}
}
