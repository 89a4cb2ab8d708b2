import GRPCCore
import Logging
import OracleAPI
import OracleEngines
import SwiftProtobuf

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `nps.oracle.OracleService`: validates each request, asks the engines, lets the AI refine the words,
/// and queues what must be stored.
struct OracleGRPCService: Nps_Oracle_OracleService.SimpleServiceProtocol {
    /// The fully qualified service name, as health checks name it.
    static let serviceName = Nps_Oracle_OracleService.descriptor.fullyQualifiedService

    /// Live state, for the HealthCheck RPC.
    let status: OracleStatus
    /// Writes interpretations, by AI or by rules.
    let interpreter: Interpreter
    /// Keeps suggestions and insights durably until they are stored; a call is answered once they are in it.
    let spool: RecordSpool
    /// Encrypts insight content before it is stored.
    let cipher: InsightCipher
    /// Where request problems are logged.
    let logger: Logger

    func getReading(request: Nps_Oracle_ReadingRequest, context: ServerContext) async throws -> Nps_Oracle_ReadingResponse {
        logRequest("GetReading", request)
        let moment = try RequestField.moment(request.datetime, field: "datetime")
        let reading = MomentReading(moment: moment)
        let summary = await interpreter.interpret(topic: "Numerology reading for \(moment.iso8601)", ruleText: reading.summary)
        return .with {
            $0.fc60 = .init(reading.fc60)
            $0.numerology = .init(reading.numerology)
            $0.zodiac = .init(reading.zodiac)
            $0.chinese = .init(reading.chinese)
            $0.summary = summary.text
            $0.generatedAt = Int64(Date().timeIntervalSince1970)
        }
    }

    func getNameReading(request: Nps_Oracle_NameRequest, context: ServerContext) async throws -> Nps_Oracle_NameResponse {
        logRequest("GetNameReading", request)
        let name = try RequestField.text(request.name, field: "name", maximumBytes: RequestField.Limit.name)
        let reading = NameReading(name: name)
        return .with {
            $0.name = reading.name
            $0.destinyNumber = Int32(reading.destiny)
            $0.soulUrge = Int32(reading.soulUrge)
            $0.personality = Int32(reading.personality)
            $0.letters = reading.letters.map(Nps_Oracle_LetterAnalysis.init)
            $0.interpretation = reading.interpretation
        }
    }

    func getQuestionSign(request: Nps_Oracle_QuestionRequest, context: ServerContext) async throws -> Nps_Oracle_QuestionResponse {
        logRequest("GetQuestionSign", request)
        let question = try RequestField.text(request.question, field: "question", maximumBytes: RequestField.Limit.question)
        let sign = QuestionSign(question: question, seed: request.seed)
        let interpretation = await interpreter.interpret(topic: "Answer to the question: \(question)", ruleText: sign.interpretation)
        return .with {
            $0.question = sign.question
            $0.answer = sign.answer.rawValue
            $0.signNumber = Int32(sign.signNumber)
            $0.interpretation = interpretation.text
            $0.confidence = sign.confidence
        }
    }

    func getDailyInsight(request: Nps_Oracle_DateRequest, context: ServerContext) async throws -> Nps_Oracle_DailyResponse {
        logRequest("GetDailyInsight", request)
        let date = try RequestField.date(request.date, field: "date")
        let daily = DailyInsight(date: date)
        return .with {
            $0.date = daily.date
            $0.insight = daily.insight
            $0.fc60 = .init(daily.reading.fc60)
            $0.numerology = .init(daily.reading.numerology)
            $0.luckyNumbers = daily.luckyNumbers
            $0.optimalActivity = daily.optimalActivity
        }
    }

    func suggestRange(request: Nps_Oracle_RangeRequest, context: ServerContext) async throws -> Nps_Oracle_RangeResponse {
        logRequest("SuggestRange", request)
        let scanned = try RequestField.keyRanges(request.scannedRanges, field: "scanned_ranges")
        let timing = TimingAlignment(moment: Moment.now())
        var generator = SystemRandomNumberGenerator()
        let suggestion: RangeSuggestion
        do {
            suggestion = try RangeSuggestion(
                puzzleNumber: Int(request.puzzleNumber),
                scannedRanges: scanned,
                aiLevel: Int(request.aiLevel),
                timing: timing,
                using: &generator
            )
        } catch .puzzleNumberOutOfRange {
            throw RPCError(code: .invalidArgument, message: "puzzle_number: \(request.puzzleNumber) is out of range; expected 1-160 (0 means 66)")
        } catch {
            throw RPCError(code: .failedPrecondition, message: "scanned_ranges: \(error)")
        }
        let response = Nps_Oracle_RangeResponse.with {
            $0.rangeStart = suggestion.range.start.hex
            $0.rangeEnd = suggestion.range.end.hex
            $0.strategy = suggestion.strategy.rawValue
            $0.confidence = suggestion.confidence
            $0.reasoning = suggestion.reasoning
        }
        let record = SuggestionRecord(suggestion, aiLevel: Int(request.aiLevel), scannedRangeCount: scanned.count)
        try await keep([SpooledRecord(key: IdempotencyKey.forCall(), record: .suggestion(type: "range", json: try record.json(), sessionID: nil))])
        return response
    }

    func analyzeSession(request: Nps_Oracle_SessionData, context: ServerContext) async throws -> Nps_Oracle_AnalysisResponse {
        logRequest("AnalyzeSession", request)
        guard request.speed.isFinite, request.speed >= 0 else {
            throw RPCError(code: .invalidArgument, message: "speed: must be a finite number ≥ 0")
        }
        guard request.elapsed.isFinite, request.elapsed >= 0 else {
            throw RPCError(code: .invalidArgument, message: "elapsed: must be a finite number ≥ 0")
        }
        let sessionID = try RequestField.optionalText(request.sessionID, field: "session_id", maximumBytes: RequestField.Limit.sessionID)
        let mode = try RequestField.bounded(request.mode, field: "mode", maximumBytes: RequestField.Limit.sessionLabel)
        let model = try RequestField.bounded(request.model, field: "model", maximumBytes: RequestField.Limit.sessionLabel)
        try RequestField.extra(request.extra, field: "extra")
        let analysis = SessionAnalysis(
            keysTested: request.keysTested,
            seedsTested: request.seedsTested,
            hits: request.hits,
            speed: request.speed,
            elapsed: request.elapsed,
            mode: mode,
            model: model
        )
        let refined = await interpreter.interpret(
            topic: "Insights on a key-scanning session",
            ruleText: analysis.insights.joined(separator: "\n")
        )
        let insights = refined.source == .ai ? [refined.text] : analysis.insights
        let key = IdempotencyKey.forCall()
        var records: [SpooledRecord] = []
        for (index, insight) in insights.enumerated() {
            let sealed: String
            do {
                sealed = try cipher.seal(insight)
            } catch {
                // Not answered OK: an acknowledged call must have its rows.
                throw RPCError(code: .internalError, message: "insights: encryption failed (\(error))")
            }
            let record = DatabaseRecord.insight(type: "session", sealedContent: sealed, source: refined.source.rawValue, sessionID: sessionID)
            records.append(SpooledRecord(key: "\(key)/\(index + 1)", record: record))
        }
        try await keep(records)
        return .with {
            $0.insights = insights
            $0.recommendations = analysis.recommendations
            $0.adjustments = analysis.adjustments
            $0.xpEarned = Int32(clamping: analysis.xpEarned)
        }
    }

    func getTimingAlignment(request: Nps_Oracle_TimingRequest, context: ServerContext) async throws -> Nps_Oracle_TimingResponse {
        logRequest("GetTimingAlignment", request)
        let timing = TimingAlignment(moment: try RequestField.moment(request.datetime, field: "datetime"))
        return .with {
            $0.alignmentScore = timing.score
            $0.quality = timing.quality.rawValue
            $0.optimalHours = timing.optimalHours.map(Nps_Oracle_OptimalHour.init)
            $0.moonPhase = timing.moonPhase.name
            $0.factors = timing.factors
        }
    }

    func healthCheck(request: Nps_Oracle_Empty, context: ServerContext) async throws -> Nps_Oracle_HealthResponse {
        logRequest("HealthCheck", request)
        let report = status.report()
        return .with {
            $0.status = report.status.rawValue
            $0.version = report.version
            $0.uptimeSeconds = report.uptimeSeconds
            $0.checks = report.checks
            $0.pending = Int64(report.pending)
            $0.setAside = Int64(report.setAside)
        }
    }

    /// Hands `records` to the spool; the call is answered OK only once they are on the disk. A full spool, or one
    /// that cannot be written, makes the call UNAVAILABLE with the reason: never OK and then lost.
    private func keep(_ records: [SpooledRecord]) async throws {
        do {
            try await spool.append(records)
        } catch {
            throw RPCError(code: .unavailable, message: "writes: \(error)")
        }
    }

    /// At debug level, one line per call with the request as protobuf text (bounded), for tracing a client.
    private func logRequest(_ method: String, _ request: some SwiftProtobuf.Message) {
        guard logger.logLevel <= .debug else { return }
        logger.debug("RPC \(method)", metadata: ["rpc": "\(method)", "request": "\(request.textFormatString().prefix(4096))"])
    }
}
