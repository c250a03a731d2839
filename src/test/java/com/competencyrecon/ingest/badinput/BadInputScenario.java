package com.competencyrecon.ingest.badinput;

import com.competencyrecon.night.NightRunner;
import com.competencyrecon.reports.PublishedFolder;
import com.competencyrecon.support.Databases;
import com.competencyrecon.support.NightHarness;
import com.competencyrecon.support.Reports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every case of the bad-input corpus ({@code src/test/resources/bad-input/}): a base night of good data,
 * then the case's night, and checks exactly the outcome its {@code expected.properties} names. Either the night
 * completes with exactly the listed rejects (feed, line, key, code) and the rest applied, or it fails or is
 * refused with a clear message and changes nothing: no report published, no product row changed.
 */
@SpringBatchTest
public abstract class BadInputScenario {

    static final String BASE = "2026-11-23";
    static final String D = "2026-11-24";

    /** Feeds and reports may only be read and written under {@code <work>/inside}; {@code <work>/outside} is out. */
    static final Path WORK = createWork();

    private static final List<String> PRODUCT_TABLES = List.of("organization", "user_account", "msa_link_event",
            "achievement", "metric_value", "membership_order", "override_grant", "feed_reject", "feed_count",
            "effective_link", "competency_result", "held_level", "level_met", "level_met_contribution", "alert");

    /** Report columns that are numbers and so are not prefixed (FORMATS.md). */
    private static final Set<String> NUMERIC_COLUMNS = Set.of("line", "qualifying_people", "days_to_anniversary");

    @Autowired
    NightRunner runner;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void roots(DynamicPropertyRegistry registry) {
        registry.add("recon.roots", () -> WORK.resolve("inside").toString());
    }

    @AfterAll
    static void removeWork() throws IOException {
        try (Stream<Path> all = Files.walk(WORK)) {
            all.forEach(p -> p.toFile().setReadable(true));
        }
        PublishedFolder.deleteTree(WORK);
    }

    private static Path createWork() {
        try {
            Path work = Files.createTempDirectory("bad-input-").toRealPath();
            Files.createDirectories(work.resolve("inside"));
            return work;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> cases() {
        return BadInputCase.names();
    }

    @BeforeEach
    void emptyDatabase() {
        Databases.reset(jdbc);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theNightHasExactlyTheExpectedOutcome(String name) throws IOException {
        BadInputCase c = BadInputCase.load(name);
        Path root = WORK.resolve("inside").resolve(name + "-" + System.nanoTime());
        NightHarness nights = new NightHarness(runner, root);
        copy(BadInputCase.corpus().resolve(BadInputCase.BASE_NIGHT), nights.inputDir(BASE));
        NightRunner.Outcome base = nights.run(BASE);
        assertThat(base.completed()).as("the base night completes").isTrue();
        Map<String, List<String>> before = snapshot();

        Path input = deliver(c, nights, D);
        if (Boolean.parseBoolean(c.optional("needs-unreadable"))) {
            Assumptions.assumeFalse(Files.isReadable(input.resolve("users.csv")),
                    "this user reads every file (root), so a file cannot be made unreadable here");
        }

        NightRunner.Outcome night = nights.run(D, input);

        switch (c.outcome()) {
            case REJECTS -> completedWithExactlyTheRejects(c, nights, night);
            case FAILURE -> {
                assertThat(night.refusal()).as("refusal").isNull();
                assertThat(night.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
                assertThat(night.execution().getAllFailureExceptions()).map(NightRunner::rootMessage)
                        .anySatisfy(m -> assertThat(m).contains(c.required("message"))
                                .contains(c.optional("message.hint") == null ? "" : c.optional("message.hint")));
                changedNothing(nights, before);
            }
            case REFUSED -> {
                assertThat(night.refusal()).as("refusal").isNotNull();
                assertThat(night.refusal().message()).contains(c.required("message"))
                        .contains(c.optional("message.hint") == null ? "" : c.optional("message.hint"));
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE", Integer.class))
                        .as("no run recorded for the refused night").isEqualTo(1);
                changedNothing(nights, before);
            }
        }
    }

    /**
     * DOMAIN/OPERATIONS: no e-mail address in the logs at any level. Every logger at DEBUG while nights read
     * addresses in good records, in hostile ones and in malformed ones; no line, argument or exception names one.
     */
    @Test
    void noEmailAddressReachesTheLogEvenAtDebug() throws IOException {
        NightHarness nights = new NightHarness(runner, WORK.resolve("inside").resolve("log-" + System.nanoTime()));
        copy(BadInputCase.corpus().resolve(BadInputCase.BASE_NIGHT), nights.inputDir(BASE));
        Path hostile = deliver(BadInputCase.load("hostile-strings"), nights, D);
        Path truncated = deliver(BadInputCase.load("truncated-last-line"), nights, "2026-11-25");
        Path nul = deliver(BadInputCase.load("nul-bytes"), nights, "2026-11-26");
        List<String> lines;
        try (DebugLog log = DebugLog.everything()) {
            assertThat(nights.run(BASE).completed()).isTrue();
            assertThat(nights.run(D, hostile).completed()).isTrue();
            assertThat(nights.run("2026-11-25", truncated).completed()).isTrue();
            assertThat(nights.run("2026-11-26", nul).completed()).isTrue();
            lines = log.lines();
        }
        assertThat(lines).as("lines logged at DEBUG").hasSizeGreaterThan(100)
                .anyMatch(l -> l.contains("ingestUsers"))
                .anyMatch(l -> l.startsWith("org.springframework.jdbc.core.JdbcTemplate "));
        assertThat(lines).filteredOn(l -> DebugLog.EMAIL.matcher(l).find()).isEmpty();
    }

    /** Copies a case's files into a night's input folder and makes those it generates. */
    private static Path deliver(BadInputCase c, NightHarness nights, String date) throws IOException {
        Path input = nights.inputDir(date);
        for (Path file : c.files()) {
            Files.copy(file, input.resolve(file.getFileName().toString()));
        }
        String generate = c.optional("generate");
        if (generate != null) {
            BadInputFiles.generate(generate.strip(), input, WORK.resolve("outside").resolve(c.name() + "-" + date));
        }
        return input;
    }

    private void completedWithExactlyTheRejects(BadInputCase c, NightHarness nights, NightRunner.Outcome night) {
        assertThat(night.refusal()).as("refusal").isNull();
        assertThat(night.execution().getStatus()).as("the night completes").isEqualTo(BatchStatus.COMPLETED);
        List<Map<String, String>> rejects = Reports.rows(nights.report(D, "rejects.csv"));
        List<String> expected = c.numbered("reject").stream().map(String::strip).toList();
        assertThat(rejects).map(r -> String.join(",", r.get("feed"), r.get("line"), r.get("record_key"),
                r.get("reason"))).as("rejects.csv").containsExactlyElementsOf(expected);
        for (int i = 0; i < expected.size(); i++) {
            String detail = c.optional("reject." + (i + 1) + ".detail");
            if (detail != null) {
                assertThat(rejects.get(i).get("detail")).as("detail of reject " + (i + 1)).contains(detail);
            }
        }
        c.named("applied").forEach((feed, count) -> assertThat(jdbc.queryForObject(
                "SELECT applied_count FROM feed_count WHERE business_date = ? AND feed = ?", Long.class,
                java.sql.Date.valueOf(D), feed)).as("records of " + feed + " applied").isEqualTo(Long.parseLong(count.strip())));
        c.numbered("check").forEach(check -> {
            String[] sqlAndValue = check.split("\\s*=>\\s*", 2);
            assertThat(jdbc.queryForList(sqlAndValue[0]).stream().map(row -> row.values().stream()
                            .map(BadInputScenario::text).collect(Collectors.joining("/"))).collect(Collectors.joining(";")))
                    .as(sqlAndValue[0]).isEqualTo(sqlAndValue[1]);
        });
        c.named("report").forEach((key, line) -> {
            String file = key.replaceFirst("\\.\\d+$", "");
            assertThat(nights.report(D, file)).as(file).contains(line);
        });
        String summary = String.join("\n", nights.report(D, "summary.html"));
        c.numbered("summary").forEach(fragment -> assertThat(summary).as("summary.html").contains(fragment));
        everyReportIsNeutralisedAndEscaped(nights);
    }

    /** FORMATS.md: no report cell a spreadsheet would run; the summary page carries no markup from the feeds. */
    private static void everyReportIsNeutralisedAndEscaped(NightHarness nights) {
        for (String report : List.of("competency-status.csv", "alerts.csv", "membership-expiry.csv",
                "marketing-profile.csv", "rejects.csv")) {
            for (Map<String, String> row : Reports.rows(nights.report(D, report))) {
                row.forEach((column, cell) -> {
                    if (!NUMERIC_COLUMNS.contains(column) && !cell.isEmpty()) {
                        assertThat("=+-@\t\r".indexOf(cell.charAt(0))).as(report + " " + column + " '" + cell + "'")
                                .isNegative();
                    }
                });
            }
        }
        String summary = String.join("\n", nights.report(D, "summary.html"));
        assertThat(summary).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img");
        // Escaped, a name may still read "onerror=" as text; inside a tag it would be an attribute.
        assertThat(java.util.regex.Pattern.compile("<[^>]*onerror=", java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(summary).find()).as("an event handler inside a tag of summary.html").isFalse();
    }

    private void changedNothing(NightHarness nights, Map<String, List<String>> before) {
        assertThat(Files.exists(nights.reportDir().resolve(D))).as("a report published for " + D).isFalse();
        assertThat(snapshot()).as("the product's rows").isEqualTo(before);
    }

    /** Every product table's rows, as sorted text. */
    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : PRODUCT_TABLES) {
            tables.put(table, jdbc.queryForList("SELECT * FROM " + table).stream()
                    .map(row -> row.values().stream().map(BadInputScenario::text).collect(Collectors.joining("/")))
                    .sorted().toList());
        }
        return tables;
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : new ArrayList<>(files.toList())) {
                Files.copy(file, to.resolve(file.getFileName().toString()));
            }
        }
    }
}
