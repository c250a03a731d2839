package com.competencyrecon.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database's default URL lets a second process (an operator command) open the file while another
 * (the scheduling service) holds it: the test holds a connection and a separate JVM reads the same file.
 */
class EmbeddedDatabaseSharingTests {

    @TempDir
    Path folder;

    @Test
    void aSecondProcessReadsTheFileWhileTheFirstHoldsIt() throws Exception {
        String url = defaultUrl().replace("./data/recon", folder.resolve("recon").toString());
        try (Connection held = DriverManager.getConnection(url, "sa", ""); Statement s = held.createStatement()) {
            s.execute("CREATE TABLE shared_probe (id INT PRIMARY KEY)");
            s.execute("INSERT INTO shared_probe VALUES (41), (42)");

            Result other = otherProcess(url, "SELECT COUNT(*) AS probes FROM shared_probe");

            assertThat(other.exit()).as(other.output()).isZero();
            assertThat(other.output()).contains("2");
        }
    }

    @Test
    void withoutAutoServerTheSecondProcessIsRefused() throws Exception {
        String url = defaultUrl().replace("./data/recon", folder.resolve("recon").toString())
                .replace("AUTO_SERVER=TRUE", "AUTO_SERVER=FALSE");
        try (Connection held = DriverManager.getConnection(url, "sa", "")) {
            Result other = otherProcess(url, "SELECT 1");

            assertThat(other.output()).contains("already in use");
        }
    }

    /** The embedded database's URL as the product ships it. */
    @SuppressWarnings("unchecked")
    private static String defaultUrl() throws IOException {
        try (InputStream in = EmbeddedDatabaseSharingTests.class.getResourceAsStream("/application.yml")) {
            Map<String, Object> yaml = new Yaml().load(in);
            Map<String, Object> spring = (Map<String, Object>) yaml.get("spring");
            String url = (String) ((Map<String, Object>) spring.get("datasource")).get("url");
            assertThat(url).startsWith("jdbc:h2:file:./data/recon;").contains("MODE=MySQL");
            return url;
        }
    }

    private record Result(int exit, String output) {
    }

    /** Runs one statement in another JVM through H2's own shell, on the H2 jar the product ships. */
    private static Result otherProcess(String url, String sql) throws Exception {
        String h2 = Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-cp", h2, "org.h2.tools.Shell", "-url", url, "-user", "sa",
                "-password", "", "-sql", sql)).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the second process did not end within a minute");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }
}
