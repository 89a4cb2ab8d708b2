import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import OracleAPI
import ServiceRuntime
import ServiceTesting
import Synchronization
import TestPostgres
import Testing

@testable import OracleService

/// The eight RPCs and the standard health service, called over real HTTP/2 against an in-process Oracle
/// (free ports, the shared test PostgreSQL, no AI key).
@Suite("gRPC end to end, in process")
struct GRPCEndToEndTests {
    typealias OracleClient = Nps_Oracle_OracleService.Client<HTTP2ClientTransport.Posix>
    typealias ServingStatus = Grpc_Health_V1_HealthCheckResponse.ServingStatus

    /// The reference moment of the contract: Friday 2026-02-06 01:15 at +08:00.
    static let referenceMoment = "2026-02-06T01:15:00+08:00"

    /// Runs an Oracle on the shared database and calls `body` with it and a typed client.
    static func withOracle<T: Sendable>(
        _ body: @Sendable (RunningOracle, OracleClient) async throws -> T
    ) async throws -> T {
        let configuration = try RunningOracle.configuration(databaseURL: try await TestDatabase.shared.start())
        return try await RunningOracle.with(configuration) { oracle in
            try await oracle.withOracle { client in try await body(oracle, client) }
        }
    }

    /// The RPCError `call` throws; records a failure when it succeeds or throws something else.
    static func rpcError(
        _ call: () async throws -> Void,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async -> RPCError? {
        await #expect(throws: RPCError.self, sourceLocation: sourceLocation) { try await call() }
    }

    /// Pythagorean reduction: digit sums until one digit, stopping at 11, 22, 33.
    static func reduce(_ number: Int) -> Int {
        var n = number
        while n > 9 && ![11, 22, 33].contains(n) { n = String(n).compactMap(\.wholeNumberValue).reduce(0, +) }
        return n
    }

    /// Hex `0x…` as a canonical digit string (lowercase, no leading zeros) for comparisons.
    static func digits(_ hex: String) -> String {
        let body = hex.lowercased().dropFirst(2).drop(while: { $0 == "0" })
        return body.isEmpty ? "0" : String(body)
    }

    /// Compares two hex numbers of any width.
    static func hexLess(_ a: String, _ b: String) -> Bool {
        let (x, y) = (digits(a), digits(b))
        return x.count != y.count ? x.count < y.count : x < y
    }

    /// 2^n in hex.
    static func powerOfTwo(_ n: Int) -> String { "0x" + ["1", "2", "4", "8"][n % 4] + String(repeating: "0", count: n / 4) }

    /// 2^n − 1 in hex.
    static func powerOfTwoMinusOne(_ n: Int) -> String {
        "0x" + (n % 4 == 0 ? "" : ["", "1", "3", "7"][n % 4]) + String(repeating: "f", count: n / 4)
    }

    /// Whether `start`–`end` lies inside puzzle `n`'s range 2^(n−1) … 2^n − 1.
    static func insidePuzzle(_ n: Int, start: String, end: String) -> Bool {
        !hexLess(start, powerOfTwo(n - 1)) && !hexLess(end, start) && !hexLess(powerOfTwoMinusOne(n), end)
    }

    // MARK: the eight RPCs

    @Test("GetReading of 2026-02-06T01:15:00+08:00 gives the reference FC60, numerology, zodiac and Chinese year")
    func readingOfReferenceMoment() async throws {
        let reading = try await Self.withOracle { _, client in
            try await client.getReading(.with { $0.datetime = Self.referenceMoment })
        }
        #expect(reading.fc60.cycle == 58)
        #expect(reading.fc60.element == "Fire")
        #expect(reading.fc60.polarity == "Yang")
        #expect(reading.fc60.stem == "BI")
        #expect(reading.fc60.branch == "Horse")
        #expect(reading.fc60.yearNumber == 1)
        #expect(reading.fc60.monthNumber == 2)
        #expect(reading.fc60.dayNumber == 6)
        #expect(abs(reading.fc60.energyLevel - 0.8062) < 0.001)
        #expect(reading.fc60.elementBalance.count == 5)
        #expect(reading.fc60.elementBalance.values.sorted() == [0.2, 0.2, 0.2, 0.2, 0.4])
        #expect(reading.numerology.lifePath == 9)
        #expect(reading.numerology.dayVibration == 6)
        #expect(reading.numerology.personalYear == 9)
        #expect(reading.numerology.personalMonth == 3)
        #expect(reading.numerology.personalDay == 9)
        #expect(!reading.numerology.interpretation.isEmpty)
        #expect(reading.zodiac.sign == "Aquarius")
        #expect(reading.chinese.animal == "Horse")
        #expect(reading.chinese.element == "Fire")
        #expect(reading.chinese.yinYang == "Yang")
        #expect(!reading.summary.isEmpty)
        let now = Int64(Date.now.timeIntervalSince1970)
        #expect(abs(reading.generatedAt - now) <= 5)
    }

    @Test("GetReading with an empty datetime reads the current moment")
    func readingOfNow() async throws {
        let reading = try await Self.withOracle { _, client in try await client.getReading(.init()) }
        let now = Date.now
        #expect(abs(reading.generatedAt - Int64(now.timeIntervalSince1970)) <= 5)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        // Around midnight UTC the day may have turned between the call and this line.
        let days = [now, now.addingTimeInterval(-10)].map { calendar.component(.day, from: $0) }
        #expect(days.map { Int32(Self.reduce($0)) }.contains(reading.numerology.dayVibration))
        #expect(days.map { Int32(Self.reduce($0)) }.contains(reading.fc60.dayNumber))
    }

    @Test("GetNameReading of \"Ada Lovelace\" gives destiny 9, soul urge 1, personality 8 and 11 analysed letters")
    func nameReading() async throws {
        let reading = try await Self.withOracle { _, client in try await client.getNameReading(.with { $0.name = "  Ada Lovelace " }) }
        #expect(reading.name == "Ada Lovelace")
        #expect(reading.destinyNumber == 9)
        #expect(reading.soulUrge == 1)
        #expect(reading.personality == 8)
        #expect(reading.letters.count == 11)
        #expect(reading.letters.map(\.letter).joined() == "ADALOVELACE")
        #expect(reading.letters.map(\.value) == [1, 4, 1, 3, 6, 4, 5, 3, 1, 3, 5])
        #expect(reading.letters.first?.element == "Fire")  // A = 1 → (1 − 1) mod 5 = 0
        #expect(reading.letters[3].element == "Metal")  // L = 3 → 2
        #expect(!reading.interpretation.isEmpty)
    }

    @Test("GetQuestionSign of \"Will block 42 be found?\" is sign 6, \"no\", confidence 0.7; the same seed gives the same words")
    func questionSign() async throws {
        let (first, second, other) = try await Self.withOracle { _, client in
            let request = Nps_Oracle_QuestionRequest.with {
                $0.question = "Will block 42 be found?"
                $0.seed = 1234
            }
            return (
                try await client.getQuestionSign(request),
                try await client.getQuestionSign(request),
                try await client.getQuestionSign(
                    .with {
                        $0.question = "Is today lucky?"
                        $0.seed = 1234
                    }
                )
            )
        }
        #expect(first.question == "Will block 42 be found?")
        #expect(first.signNumber == 6)
        #expect(first.answer == "no")
        #expect(first.confidence == 0.7)
        #expect(!first.interpretation.isEmpty)
        #expect(second.interpretation == first.interpretation)
        // No number: reduce(12 letters) = 3, odd → yes, confidence 0.5.
        #expect(other.signNumber == 3)
        #expect(other.answer == "yes")
        #expect(other.confidence == 0.5)
    }

    @Test("GetDailyInsight of 2026-02-06 echoes the date and gives its lucky numbers 9, 3, 6, 58")
    func dailyInsight() async throws {
        let daily = try await Self.withOracle { _, client in try await client.getDailyInsight(.with { $0.date = "2026-02-06" }) }
        #expect(daily.date == "2026-02-06")
        #expect(daily.luckyNumbers == ["9", "3", "6", "58"])
        #expect(daily.fc60.cycle == 58)
        #expect(daily.numerology.lifePath == 9)
        #expect(daily.numerology.personalDay == 9)
        #expect(daily.insight.hasPrefix("Personal day 9"))
        #expect(daily.optimalActivity == "Finish and close open sessions")
    }

    @Test("GetDailyInsight with an empty date answers for today (UTC)")
    func dailyInsightToday() async throws {
        let daily = try await Self.withOracle { _, client in try await client.getDailyInsight(.init()) }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.locale = Locale(identifier: "en_US_POSIX")
        let now = Date.now
        #expect([formatter.string(from: now), formatter.string(from: now.addingTimeInterval(-10))].contains(daily.date))
        #expect(!daily.luckyNumbers.isEmpty)
    }

    @Test("SuggestRange for puzzle 1 is 0x1-0x1")
    func suggestPuzzleOne() async throws {
        let range = try await Self.withOracle { _, client in try await client.suggestRange(.with { $0.puzzleNumber = 1 }) }
        #expect(range.rangeStart == "0x1")
        #expect(range.rangeEnd == "0x1")
        #expect(["random", "cosmic"].contains(range.strategy))
        #expect(range.confidence == (range.strategy == "cosmic" ? 0.8 : 0.5))
        #expect(range.reasoning.contains("Strategy \(range.strategy) for puzzle 1"))
    }

    @Test("SuggestRange for puzzle 160 stays inside 2^159 … 2^160 − 1")
    func suggestPuzzle160() async throws {
        let range = try await Self.withOracle { _, client in try await client.suggestRange(.with { $0.puzzleNumber = 160 }) }
        #expect(Self.powerOfTwo(159) == "0x8" + String(repeating: "0", count: 39))
        #expect(Self.powerOfTwoMinusOne(160) == "0x" + String(repeating: "f", count: 40))
        #expect(Self.insidePuzzle(160, start: range.rangeStart, end: range.rangeEnd), "\(range.rangeStart)-\(range.rangeEnd)")
        #expect(range.rangeStart.hasPrefix("0x") && range.rangeStart == range.rangeStart.lowercased())
        #expect(["random", "cosmic"].contains(range.strategy))
        for word in ["Timing is", "AI level 0", "moon phase", "puzzle 160"] {
            #expect(range.reasoning.contains(word), "\(range.reasoning)")
        }
    }

    @Test(
        "SuggestRange at AI level 3 with the lower half of puzzle 20 scanned returns the upper half (gap_fill), unless timing is excellent (cosmic)"
    )
    func suggestGapFill() async throws {
        let range = try await Self.withOracle { _, client in
            try await client.suggestRange(
                .with {
                    $0.puzzleNumber = 20
                    $0.aiLevel = 3
                    $0.scannedRanges = ["0x80000-0x9ffff", "0xA0000-0xBFFFF"]
                }
            )
        }
        if range.strategy == "cosmic" {
            #expect(range.reasoning.contains("Timing is excellent"), "\(range.reasoning)")
            #expect(range.confidence == 0.8)
            #expect(Self.insidePuzzle(20, start: range.rangeStart, end: range.rangeEnd))
        } else {
            #expect(range.strategy == "gap_fill")
            #expect(range.rangeStart == "0xc0000")
            #expect(range.rangeEnd == "0xfffff")
            #expect(range.confidence == 0.7)
            #expect(range.reasoning.contains("AI level 3"), "\(range.reasoning)")
            #expect(!range.reasoning.contains("Timing is excellent"), "\(range.reasoning)")
        }
    }

    @Test("SuggestRange with puzzle_number 0 means puzzle 66")
    func suggestDefaultPuzzle() async throws {
        let range = try await Self.withOracle { _, client in try await client.suggestRange(.init()) }
        #expect(range.reasoning.contains("puzzle 66"), "\(range.reasoning)")
        #expect(Self.insidePuzzle(66, start: range.rangeStart, end: range.rangeEnd), "\(range.rangeStart)-\(range.rangeEnd)")
        #expect(!Self.insidePuzzle(65, start: range.rangeStart, end: range.rangeEnd))
    }

    @Test("AnalyzeSession returns rule insights, recommendations, adjustments and XP from the counters")
    func analyzeSession() async throws {
        let analysis = try await Self.withOracle { _, client in
            try await client.analyzeSession(
                .with {
                    $0.keysTested = 5_000_000_000
                    $0.seedsTested = 20_000
                    $0.hits = 1
                    $0.speed = 2_000_000
                    $0.elapsed = 2500
                    $0.mode = "random"
                    $0.model = "m1"
                }
            )
        }
        #expect(analysis.insights.count == 3)
        #expect(analysis.insights.first?.hasPrefix("Tested 5000000000 keys and 20000 seeds") == true)
        #expect(analysis.insights.contains { $0.contains("1 hit(s) found") })
        #expect(analysis.recommendations == ["Keep the current settings."])
        #expect(analysis.adjustments == ["batch_size_multiplier": 1.0, "exploration_rate": 0.1, "ai_level": 1.0])
        #expect(analysis.xpEarned == 5000 + 2 + 1000)
    }

    @Test("AnalyzeSession of an empty session still answers with an insight and no XP")
    func analyzeEmptySession() async throws {
        let analysis = try await Self.withOracle { _, client in try await client.analyzeSession(.init()) }
        #expect(analysis.insights == ["No keys or seeds were tested in this session."])
        #expect(!analysis.recommendations.isEmpty)
        #expect(analysis.xpEarned == 0)
    }

    @Test("GetTimingAlignment of the reference moment (Thursday 17:15 UTC) scores 0.8375, excellent, best hours 0, 1, 8, 9, 10")
    func timingAlignment() async throws {
        let timing = try await Self.withOracle { _, client in
            try await client.getTimingAlignment(.with { $0.datetime = Self.referenceMoment })
        }
        #expect(abs(timing.alignmentScore - 0.8375) < 1e-9)
        #expect(timing.quality == "excellent")
        #expect(timing.moonPhase == "Waning Gibbous")
        #expect(timing.factors == ["moon": 0.7, "day": 0.9, "hour": 0.85, "weekday": 0.9])
        #expect(timing.optimalHours.map(\.hour) == [0, 1, 8, 9, 10])
        #expect(timing.optimalHours.allSatisfy { abs($0.score - 0.8375) < 1e-9 && !$0.reason.isEmpty })
    }

    @Test("GetTimingAlignment of now: score in 0…1, a quality word, five optimal hours")
    func timingAlignmentNow() async throws {
        let timing = try await Self.withOracle { _, client in try await client.getTimingAlignment(.init()) }
        #expect((0...1).contains(timing.alignmentScore))
        let expected =
            timing.alignmentScore >= 0.8 ? "excellent" : timing.alignmentScore >= 0.65 ? "good" : timing.alignmentScore >= 0.5 ? "fair" : "poor"
        #expect(timing.quality == expected)
        #expect(timing.optimalHours.count == 5)
        #expect(Set(timing.optimalHours.map(\.hour)).count == 5)
        #expect(timing.optimalHours.allSatisfy { (0...23).contains($0.hour) })
        #expect(!timing.moonPhase.isEmpty)
    }

    @Test("HealthCheck RPC says healthy with database connected, grpc listening, ai fallback")
    func healthCheckRPC() async throws {
        let health = try await Self.withOracle { _, client in
            let last = Mutex(Nps_Oracle_HealthResponse())
            let healthy = try await eventually(within: .seconds(5)) {
                let answer = try await client.healthCheck(.init())
                last.withLock { $0 = answer }
                return answer.status == "healthy"
            }
            let answer = last.withLock { $0 }
            #expect(healthy, "last answer: \(answer)")
            return answer
        }
        #expect(health.status == "healthy")
        #expect(health.checks == ["database": "connected", "grpc": "listening", "ai": "fallback"])
        #expect(health.version == StackVersion.current)
        #expect(!health.version.isEmpty)
        #expect(health.uptimeSeconds >= 0 && health.uptimeSeconds < 60)
    }

    // MARK: bad input

    /// One bad request per field the contract validates.
    enum BadRequest: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case readingDatetime, readingDatetimeMonth, timingDatetime, dailyDate, dailyDateWords, emptyName, blankName,
            blankQuestion, emptyQuestion, puzzle161, puzzleHuge, rangeNotHex, rangeReversed, rangeNoDash, speedNaN,
            speedInfinite, speedNegative, elapsedNaN

        var testDescription: String { rawValue }

        /// The field the message must start with.
        var field: String {
            switch self {
            case .readingDatetime, .readingDatetimeMonth, .timingDatetime: "datetime"
            case .dailyDate, .dailyDateWords: "date"
            case .emptyName, .blankName: "name"
            case .blankQuestion, .emptyQuestion: "question"
            case .puzzle161, .puzzleHuge: "puzzle_number"
            case .rangeNotHex, .rangeReversed, .rangeNoDash: "scanned_ranges[0]"
            case .speedNaN, .speedInfinite, .speedNegative: "speed"
            case .elapsedNaN: "elapsed"
            }
        }

        /// Makes the call.
        func call(_ client: OracleClient) async throws {
            switch self {
            case .readingDatetime: _ = try await client.getReading(.with { $0.datetime = "not-a-date" })
            case .readingDatetimeMonth: _ = try await client.getReading(.with { $0.datetime = "2026-13-01T00:00:00Z" })
            case .timingDatetime: _ = try await client.getTimingAlignment(.with { $0.datetime = "not-a-date" })
            case .dailyDate: _ = try await client.getDailyInsight(.with { $0.date = "2026-13-45" })
            case .dailyDateWords: _ = try await client.getDailyInsight(.with { $0.date = "tomorrow" })
            case .emptyName: _ = try await client.getNameReading(.with { $0.name = "" })
            case .blankName: _ = try await client.getNameReading(.with { $0.name = " \t\n " })
            case .blankQuestion: _ = try await client.getQuestionSign(.with { $0.question = "   \n\t" })
            case .emptyQuestion: _ = try await client.getQuestionSign(.with { $0.seed = 3 })
            case .puzzle161: _ = try await client.suggestRange(.with { $0.puzzleNumber = 161 })
            case .puzzleHuge: _ = try await client.suggestRange(.with { $0.puzzleNumber = .max })
            case .rangeNotHex: _ = try await client.suggestRange(.with { $0.scannedRanges = ["0xZZ-0x10"] })
            case .rangeReversed: _ = try await client.suggestRange(.with { $0.scannedRanges = ["0x10-0x1"] })
            case .rangeNoDash: _ = try await client.suggestRange(.with { $0.scannedRanges = ["0x10"] })
            case .speedNaN: _ = try await client.analyzeSession(.with { $0.speed = .nan })
            case .speedInfinite: _ = try await client.analyzeSession(.with { $0.speed = .infinity })
            case .speedNegative: _ = try await client.analyzeSession(.with { $0.speed = -1 })
            case .elapsedNaN: _ = try await client.analyzeSession(.with { $0.elapsed = .nan })
            }
        }
    }

    @Test("Bad input gets INVALID_ARGUMENT with a message starting with the field's name", arguments: BadRequest.allCases)
    func badInput(request: BadRequest) async throws {
        let error = try await Self.withOracle { _, client in
            await Self.rpcError { try await request.call(client) }
        }
        let rpcError = try #require(error)
        #expect(rpcError.code == .invalidArgument)
        #expect(rpcError.message.hasPrefix("\(request.field): "), "\(rpcError.message)")
    }

    @Test("The invalid-argument messages say what is wrong with the value")
    func badInputMessages() async throws {
        let messages = try await Self.withOracle { _, client in
            [
                await Self.rpcError { _ = try await client.getReading(.with { $0.datetime = "not-a-date" }) }?.message,
                await Self.rpcError { _ = try await client.getDailyInsight(.with { $0.date = "2026-13-45" }) }?.message,
                await Self.rpcError { _ = try await client.suggestRange(.with { $0.puzzleNumber = 161 }) }?.message,
                await Self.rpcError { _ = try await client.suggestRange(.with { $0.scannedRanges = ["0x1-0x2", "0x10-0x1"] }) }?.message,
            ]
        }
        #expect(messages[0]?.contains("'not-a-date'") == true, "\(messages[0] ?? "nil")")
        #expect(messages[1]?.contains("month 13") == true, "\(messages[1] ?? "nil")")
        #expect(messages[2]?.contains("161") == true, "\(messages[2] ?? "nil")")
        #expect(messages[3]?.hasPrefix("scanned_ranges[1]: '0x10-0x1'") == true, "\(messages[3] ?? "nil")")
    }

    @Test("A request over GRPC_MAX_REQUEST_BYTES (1 MiB) gets RESOURCE_EXHAUSTED and the server keeps answering")
    func oversizedRequest() async throws {
        try await Self.withOracle { oracle, client in
            let name = String(repeating: "a", count: 2 << 20)
            let error = await Self.rpcError { _ = try await client.getNameReading(.with { $0.name = name }) }
            #expect(error?.code == .resourceExhausted, "\(String(describing: error))")
            #expect(error?.message.contains("GRPC_MAX_REQUEST_BYTES") == true, "\(String(describing: error))")
            // The same connection and a new one both still work.
            let again = try await client.getNameReading(.with { $0.name = "Ada Lovelace" })
            #expect(again.destinyNumber == 9)
            let fresh = try await oracle.withOracle { try await $0.getNameReading(.with { $0.name = "Ada Lovelace" }) }
            #expect(fresh.destinyNumber == 9)
        }
    }

    @Test("A request just under GRPC_MAX_REQUEST_BYTES is let through to validation (the limit is not stricter than configured)")
    func requestJustUnderLimit() async throws {
        let error = try await Self.withOracle { _, client in
            await Self.rpcError { _ = try await client.getNameReading(.with { $0.name = String(repeating: "c", count: (1 << 20) - 16) }) }
        }
        #expect(error?.code == .invalidArgument, "\(String(describing: error))")
        #expect(error?.message == "name: 1048560 bytes (UTF-8) is over the limit of 256 bytes")
    }

    @Test("A name over 256 bytes is INVALID_ARGUMENT, not a crash")
    func longName() async throws {
        let error = try await Self.withOracle { _, client in
            await Self.rpcError { _ = try await client.getNameReading(.with { $0.name = String(repeating: "b", count: 300) }) }
        }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.hasPrefix("name: ") == true)
    }

    // MARK: instance name

    @Test("Every answer names the Oracle in nps-oracle-instance: the host name, in the initial metadata or with a failed call's status")
    func instanceMetadata() async throws {
        let host = InstanceNameWriter.hostName()
        #expect(!host.isEmpty && host != "unknown")
        try await Self.withOracle { oracle, client in
            let reading = try await client.getNameReading(.with { $0.name = "Ada Lovelace" }) { $0 }
            #expect(Array(reading.metadata[stringValues: "nps-oracle-instance"]) == [host], "\(reading.metadata)")
            #expect(try reading.message.destinyNumber == 9)

            let refused = try await client.getNameReading(.with { $0.name = "" }) { $0 }
            #expect(throws: RPCError.self) { try refused.message }
            #expect(Array(refused.trailingMetadata[stringValues: "nps-oracle-instance"]) == [host], "\(refused.trailingMetadata)")

            let oversized = await Self.rpcError { _ = try await client.getNameReading(.with { $0.name = String(repeating: "a", count: 2 << 20) }) }
            #expect(oversized?.code == .resourceExhausted)
            #expect(oversized.map { Array($0.metadata[stringValues: "nps-oracle-instance"]) } == [host], "\(String(describing: oversized))")

            try await oracle.withClient { grpc in
                let health = try await Grpc_Health_V1_Health.Client(wrapping: grpc).check(.with { $0.service = "" }) { $0 }
                #expect(Array(health.metadata[stringValues: "nps-oracle-instance"]) == [host], "\(health.metadata)")
            }
        }
    }

    // MARK: grpc.health.v1

    @Test("Health Check of \"\" and \"nps.oracle.OracleService\" is SERVING; an unknown service is NOT_FOUND")
    func healthCheck() async throws {
        try await Self.withOracle { oracle, _ in
            try await oracle.withClient { grpc in
                let health = Grpc_Health_V1_Health.Client(wrapping: grpc)
                for service in ["", "nps.oracle.OracleService"] {
                    let response = try await health.check(.with { $0.service = service })
                    #expect(response.status == .serving, "service '\(service)'")
                }
                let error = await Self.rpcError { _ = try await health.check(.with { $0.service = "nps.oracle.Nothing" }) }
                #expect(error?.code == .notFound)
            }
        }
    }

    @Test("Health Watch yields SERVING first; on graceful shutdown it yields NOT_SERVING and the stream ends")
    func healthWatchThroughShutdown() async throws {
        let logs = CapturedLogs()
        let configuration = try RunningOracle.configuration(databaseURL: try await TestDatabase.shared.start())
        defer { try? FileManager.default.removeItem(atPath: configuration.spool.directory) }
        let application = try OracleApplication.buildApplication(configuration: configuration, logger: logs.logger(level: .debug))
        let group = application.makeGroup(cancellationLimit: inProcessCancellationLimit)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            defer { tasks.cancelAll() }
            let bound = try await eventually(within: .seconds(10)) { application.status.grpcPort != nil }
            let port = try #require(application.status.grpcPort, "gRPC not bound: \(logs.fullText) \(bound)")

            let (firstSeen, firstSeenSignal) = AsyncStream.makeStream(of: Void.self)
            let watching = Task {
                try await withGRPCClient(
                    transport: .http2NIOPosix(target: .ipv4(address: "127.0.0.1", port: port), transportSecurity: .plaintext)
                ) { grpc in
                    let health = Grpc_Health_V1_Health.Client(wrapping: grpc)
                    return try await health.watch(.with { $0.service = OracleGRPCService.serviceName }) { response in
                        var seen: [ServingStatus] = []
                        for try await message in response.messages {
                            seen.append(message.status)
                            if seen.count == 1 { firstSeenSignal.yield() }
                        }
                        firstSeenSignal.finish()
                        return seen
                    }
                }
            }
            var iterator = firstSeen.makeAsyncIterator()
            _ = await iterator.next()
            let shutdownStarted = ContinuousClock.now
            await group.triggerGracefulShutdown()
            let seen = try await watching.value
            let watchEnded = ContinuousClock.now - shutdownStarted
            try await tasks.waitForAll()
            let stopped = ContinuousClock.now - shutdownStarted

            #expect(seen == [.serving, .notServing])
            #expect(watchEnded < .seconds(2), "watch ended \(watchEnded) after shutdown began")
            #expect(stopped < .seconds(3), "service group stopped \(stopped) after shutdown began")
            #expect(application.status.grpc == .stopping)
            #expect(application.status.report().status == .unhealthy)
        }
    }
}
