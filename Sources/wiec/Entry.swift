import WiecCLI

/// Enters the `wiec` command line.
@main
struct Entry {
    static func main() async {
        await WiecCommand.main()
    }
}
