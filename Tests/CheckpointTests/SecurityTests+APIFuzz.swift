import CheckpointRules
import Foundation
import StackHarness
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension Checkpoints.Security {
    /// Generated requests in flight at once: 1,000 finish in seconds, and the api is not flooded.
    private static let apiFuzzConcurrency = 8
    /// How long one generated request may take.
    private static let apiFuzzTimeout: Duration = .seconds(10)
    /// How long all of them may take; a request not sent by then counts as unanswered.
    private static let apiFuzzBudget: Duration = .seconds(180)

    @Test(
        "SEC.apifuzz: the api answers 1,000 generated bad bodies and queries with 4xx JSON (413 for a body over its limit), never 5xx, never an internal type name",
        arguments: [Requirements.secAPIFuzz]
    )
    func secAPIFuzz(_ requirement: Requirement) async throws {
        let stack = Stack.shared
        try await stack.ensureRunning()
        let api = StackServices.container("api")
        let before = try await stack.docker.inspectContainer(api).value
        let requests = BadAPIRequests.generate(count: Requirements.apiFuzzRequests)
        let base = try stack.apiURL("").absoluteString
        let replies = await Self.send(requests, to: base)
        try await prove(
            Measurement(
                APIFuzzChecks.badRequests(replies),
                subject:
                    "\(requests.count) generated bad requests (seed \(BadAPIRequests.seed)) to the api, \(Self.apiFuzzConcurrency) at a time: statuses, Content-Type and bodies",
                limit: requirement.limit
            )
        )

        let reading = await Self.reading(from: stack)
        let after = try await stack.docker.inspectContainer(api)
        try await prove(
            Measurement(
                APIFuzzChecks.aftermath(restartCounts: (before.restartCount, after.value.restartCount), reading: reading),
                subject: "the api's restart count across the requests, and a reading through it afterwards",
                limit: requirement.limit,
                measuredBy: after.result
            )
        )
    }

    /// Sends `requests` to the api at `base` ("http://127.0.0.1:8000"), `apiFuzzConcurrency` at a time; the replies in
    /// the requests' order.
    private static func send(_ requests: [BadAPIRequest], to base: String) async -> [APIFuzzReply] {
        let deadline = ContinuousClock.now + apiFuzzBudget
        return await withTaskGroup(of: (Int, APIFuzzReply).self) { group in
            var replies: [APIFuzzReply?] = Array(repeating: nil, count: requests.count)
            var pending = requests.enumerated().makeIterator()
            for _ in 0..<apiFuzzConcurrency {
                guard let (index, request) = pending.next() else { break }
                group.addTask { (index, await exchange(request, base: base, deadline: deadline)) }
            }
            while let (index, reply) = await group.next() {
                replies[index] = reply
                if let (index, request) = pending.next() {
                    group.addTask { (index, await exchange(request, base: base, deadline: deadline)) }
                }
            }
            return replies.compactMap { $0 }
        }
    }

    /// One request as generated (method, headers, body bytes), or why it got no answer.
    private static func exchange(_ request: BadAPIRequest, base: String, deadline: ContinuousClock.Instant) async -> APIFuzzReply {
        guard ContinuousClock.now < deadline else {
            return APIFuzzReply(request: request, failure: "not sent: the \(apiFuzzBudget) for all requests had passed")
        }
        guard let url = URL(string: base + request.pathAndQuery) else {
            return APIFuzzReply(request: request, failure: "not sent: \(base + request.pathAndQuery) is not a URL")
        }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        urlRequest.httpBody = request.body
        do {
            return APIFuzzReply(request: request, reply: try await HTTPFetch.exchange(urlRequest, timeout: apiFuzzTimeout))
        } catch {
            return APIFuzzReply(request: request, failure: "\(error)")
        }
    }

    /// The reference reading through the api; a failed exchange is a reply with status 0 saying why, for the rule to judge.
    private static func reading(from stack: Stack) async -> HTTPReply {
        let path = Checkpoints.Checkpoint5.readingPath
        do {
            return try await HTTPFetch.get(try stack.apiURL(path), timeout: .seconds(20))
        } catch {
            return HTTPReply(request: "GET \(path)", status: 0, body: Data("no answer: \(error)".utf8), elapsed: .zero)
        }
    }
}
