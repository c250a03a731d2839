package com.competencyrecon.support;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class only when a MySQL server is configured; skips it with a visible message otherwise, and
 * fails it in CI ({@code CI=true}), where the server must be there.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MySqlAvailable.class)
public @interface RequiresMySql {
}
