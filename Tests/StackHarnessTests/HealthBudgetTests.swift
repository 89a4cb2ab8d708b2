import StackHarness
import Testing

@Suite("health budgets")
struct HealthBudgetTests {
    @Test("start period + retries × interval + timeout")
    func oracle() {
        let oracle = HealthcheckSettings(test: ["CMD", "true"], interval: .seconds(10), timeout: .seconds(5), startPeriod: .seconds(30), retries: 3)
        #expect(oracle.healthyBudget == .seconds(65))
    }

    @Test("unset values take the engine's defaults (30 s interval and timeout, 3 retries, no start period)")
    func defaults() {
        #expect(HealthcheckSettings(test: ["CMD", "true"]).healthyBudget == .seconds(120))
    }

    @Test("the compose file's checks give the stack's budgets")
    func fromCompose() throws {
        let config = try ComposeConfig(data: EngineSample.data("compose-config.json"))
        let budgets = config.services.mapValues { $0.healthcheck?.healthyBudget }
        #expect(budgets["postgres"] == .seconds(53))
        #expect(budgets["oracle"] == .seconds(65))
        #expect(budgets["web-ui"] == .seconds(28))
    }

    @Test("NONE switches the check off")
    func disabled() {
        #expect(HealthcheckSettings(test: ["NONE"]).isDisabled)
        #expect(HealthcheckSettings(compose: .object(["disable": .bool(true)])).isDisabled)
    }

    @Test("failures name the container and why")
    func failureDescriptions() {
        #expect(HealthWaitFailure.exited(container: "nps-oracle", exitCode: 1, oomKilled: false).description == "nps-oracle exited with code 1")
        #expect(
            HealthWaitFailure.unhealthy(container: "nps-oracle", lastOutput: "connection refused\n").description
                == "nps-oracle unhealthy: connection refused"
        )
        #expect(HealthWaitFailure.noHealthcheck(container: "nps-oracle").description == "nps-oracle has no healthcheck")
        #expect(
            HealthWaitFailure.notHealthyInTime(container: "nps-oracle", budget: .seconds(65), lastStatus: "starting").description
                == "nps-oracle not healthy within 65 s (last health status: starting)"
        )
    }
}
