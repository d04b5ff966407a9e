/// A command that cannot do what it was asked for a reason in its input (not its command line):
/// printed as `error: <message>`, exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
