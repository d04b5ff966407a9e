/// A `Duration` as a number of seconds, for messages, logs, reports and APIs that take seconds. Shared
/// by the package's modules, not part of the SDK's public API.
extension Duration {
    package var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
