import CheckpointRules
import Foundation
import ProcessRunning
import StackHarness
import Testing

extension Checkpoints {
    /// Integrity: nothing acknowledged is lost. Each test disturbs the stack and waits it back to healthy before it ends.
    @Suite("Integrity")
    struct Integrity {}
}
