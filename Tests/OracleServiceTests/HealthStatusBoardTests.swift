import GRPCHealth
import OracleAPI
import Testing

@testable import OracleService

/// The statuses behind grpc.health.v1 Check and Watch.
@Suite("Health status board")
struct HealthStatusBoardTests {
    typealias ServingStatus = Grpc_Health_V1_HealthCheckResponse.ServingStatus

    static func board() -> HealthStatusBoard { HealthStatusBoard(services: ["", "nps.oracle.OracleService"]) }

    @Test("Known services start NOT_SERVING; an unknown one has no status (Check answers NOT_FOUND)")
    func initialStatuses() {
        let board = Self.board()
        #expect(board.status(of: "") == .notServing)
        #expect(board.status(of: "nps.oracle.OracleService") == .notServing)
        #expect(board.status(of: "nps.oracle.Other") == nil)
    }

    @Test("setAll changes every known service and adds none")
    func setAll() {
        let board = Self.board()
        board.setAll(.serving)
        #expect(board.status(of: "") == .serving)
        #expect(board.status(of: "nps.oracle.OracleService") == .serving)
        #expect(board.status(of: "x") == nil)
        board.setAll(.notServing)
        #expect(board.status(of: "") == .notServing)
    }

    @Test("A watch yields the current status first, then each change, and ends when watches are closed")
    func watchFollowsChanges() async {
        let board = Self.board()
        board.setAll(.serving)
        let stream = board.watch("")
        var iterator = stream.makeAsyncIterator()
        #expect(await iterator.next() == .serving)
        board.setAll(.notServing)
        #expect(await iterator.next() == .notServing)
        board.closeWatches()
        #expect(await iterator.next() == nil)
    }

    @Test("The last status set before closing is still delivered to a watcher that lagged behind")
    func lastStatusBeforeCloseIsDelivered() async {
        let board = Self.board()
        board.setAll(.serving)
        let stream = board.watch("nps.oracle.OracleService")
        var iterator = stream.makeAsyncIterator()
        #expect(await iterator.next() == .serving)
        board.setAll(.notServing)
        board.closeWatches()
        #expect(await iterator.next() == .notServing)
        #expect(await iterator.next() == nil)
    }

    @Test("A watch of an unknown service yields SERVICE_UNKNOWN")
    func watchUnknown() async {
        let board = Self.board()
        board.setAll(.serving)
        var iterator = board.watch("nope").makeAsyncIterator()
        #expect(await iterator.next() == .serviceUnknown)
    }

    @Test("A watch started after closing yields the current status once and ends")
    func watchAfterClose() async {
        let board = Self.board()
        board.setAll(.notServing)
        board.closeWatches()
        var iterator = board.watch("").makeAsyncIterator()
        #expect(await iterator.next() == .notServing)
        #expect(await iterator.next() == nil)
    }
}
