package com.competencyrecon.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The condition behind {@link RequiresMySql}. */
public class MySqlAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (MySqlTestDatabase.configured()) {
            return ConditionEvaluationResult.enabled("MySQL server configured");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but RECON_TEST_MYSQL_URL is not set: the MySQL tests must run in CI");
        }
        String message = "MySQL tests SKIPPED: set RECON_TEST_MYSQL_URL (e.g. jdbc:mysql://127.0.0.1:3306/), "
                + "RECON_TEST_MYSQL_USER and RECON_TEST_MYSQL_PASSWORD to run them";
        System.err.println("*** " + message + " ***");
        return ConditionEvaluationResult.disabled(message);
    }
}
