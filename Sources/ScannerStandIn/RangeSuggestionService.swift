import GRPCCore
import Logging
import OracleAPI
import OracleClient
import ServiceLifecycle

/// Asks the Oracle which key range to scan, retrying with backoff until it answers, then logs the answer and returns.
///
/// The stand-in NEVER generates or tests private keys: it exercises the scanner → Oracle gRPC path and logs the
/// suggested range, nothing more.
struct RangeSuggestionService: Service {
    /// The level the real scanner asks with; 3 and above lets the Oracle fill gaps in what was scanned.
    static let aiLevel: UInt32 = 3
    /// The first wait after a failed attempt; it doubles up to ``longestWait``.
    static let firstWait: Duration = .milliseconds(250)
    /// The longest wait between attempts, so a late Oracle is noticed within seconds.
    static let longestWait: Duration = .seconds(5)

    /// `nps.oracle.OracleService` on the shared connection.
    let oracle: Nps_Oracle_OracleService.Client<OracleTransport>
    /// The puzzle whose range is asked for.
    let puzzleNumber: UInt32
    /// Where the suggestion and the retries are logged.
    let logger: Logger

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { try await askUntilAnswered() }
        } catch is CancellationError {
            // Stopped before the Oracle answered: a normal shutdown, not a failure of the group.
        }
    }

    private func askUntilAnswered() async throws {
        var wait = Self.firstWait
        var attempt = 1
        while true {
            do {
                var options = CallOptions.defaults
                options.timeout = .seconds(10)
                let request = Nps_Oracle_RangeRequest.with {
                    $0.puzzleNumber = puzzleNumber
                    $0.aiLevel = Self.aiLevel
                }
                let answer = try await oracle.suggestRange(request, options: options)
                logger.info(
                    "Range suggestion from Oracle",
                    metadata: [
                        "range_start": "\(answer.rangeStart)",
                        "range_end": "\(answer.rangeEnd)",
                        "strategy": "\(answer.strategy)",
                        "confidence": "\(answer.confidence)",
                        "puzzle_number": "\(puzzleNumber)",
                        "attempts": "\(attempt)",
                    ]
                )
                return
            } catch let error as RPCError where error.code == .invalidArgument {
                // Asking again with the same request cannot succeed.
                logger.error("Oracle rejected the range request", metadata: ["error": "\(error.message)"])
                return
            } catch {
                try Task.checkCancellation()
                // Expected while the Oracle starts alongside the scanner, so not a warning.
                logger.info(
                    "Oracle not answering yet; retrying",
                    metadata: ["attempt": "\(attempt)", "retry_in": "\(wait)", "error": "\(error)"]
                )
            }
            try await Task.sleep(for: wait)
            wait = min(wait * 2, Self.longestWait)
            attempt += 1
        }
    }
}
