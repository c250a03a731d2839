package com.competencyrecon.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of the code: pure feature cores, no package cycle, one owner per table, short files. Checked on the
 * compiled main classes (ArchUnit) and on the main sources (tables, lengths).
 */
class ArchitectureTests {

    static final String ROOT = "com.competencyrecon";
    static final Path SOURCES = Path.of("src/main/java");

    /** The feature cores: plain Java over records, unit-tested without Spring or a database. */
    static final String[] CORES = {ROOT + ".catalog", ROOT + ".ownership", ROOT + ".evaluation", ROOT + ".membership",
            ROOT + ".alerts", ROOT + ".ingest", ROOT + ".ingest.feeds", ROOT + ".ingest.csv", ROOT + ".reports",
            ROOT + ".plan"};

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Nested
    class Cores {

        @Test
        void useNeitherSpringNorJdbc() {
            ArchRule rule = noClasses().that().resideInAnyPackage(CORES)
                    .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                            "javax.sql..")
                    .because("a feature's core is plain Java; its adapters live in its internal package");
            rule.check(classes);
        }
    }

    @Nested
    class Cycles {

        @Test
        void noPackageDependsOnItselfThroughOthers() {
            slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
        }

        @Test
        void noFeatureDependsOnItselfThroughOthers() {
            slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
        }
    }

    @Nested
    class Tables {

        /** Each product table and the one class that maps its rows (the only main source naming it in SQL). */
        static final Map<String, String> OWNERS = Map.ofEntries(
                Map.entry("organization", "ingest/internal/JdbcOrganizations.java"),
                Map.entry("user_account", "ingest/internal/JdbcUserAccounts.java"),
                Map.entry("user_account_load", "ingest/internal/JdbcUserAccounts.java"),
                Map.entry("msa_link_event", "ingest/internal/JdbcLinkEvents.java"),
                Map.entry("achievement", "ingest/internal/JdbcAchievements.java"),
                Map.entry("achievement_load", "ingest/internal/JdbcAchievements.java"),
                Map.entry("metric_value", "ingest/internal/JdbcMetricValues.java"),
                Map.entry("metric_value_load", "ingest/internal/JdbcMetricValues.java"),
                Map.entry("membership_order", "ingest/internal/JdbcMembershipOrders.java"),
                Map.entry("override_grant", "ingest/internal/JdbcOverrideGrants.java"),
                Map.entry("feed_reject", "ingest/internal/JdbcFeedLog.java"),
                Map.entry("feed_count", "ingest/internal/JdbcFeedLog.java"),
                Map.entry("effective_link", "ownership/internal/JdbcEffectiveLinks.java"),
                Map.entry("competency_result", "evaluation/internal/JdbcResults.java"),
                Map.entry("held_level", "evaluation/internal/JdbcResults.java"),
                Map.entry("level_met", "evaluation/internal/JdbcResults.java"),
                Map.entry("level_met_contribution", "evaluation/internal/JdbcResults.java"),
                Map.entry("alert", "alerts/internal/JdbcAlerts.java"),
                Map.entry("night_plan", "plan/internal/JdbcNightPlans.java"),
                Map.entry("night_msa", "plan/internal/JdbcNightPlans.java"),
                Map.entry("night_org", "plan/internal/JdbcNightPlans.java"),
                Map.entry("schedule_firing", "schedule/FiringLedger.java"));

        @Test
        void eachIsNamedInSqlByItsOwnerAlone() throws IOException {
            Map<String, List<String>> namedBy = new TreeMap<>();
            for (Path file : mainSources()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Matcher m = Pattern.compile("(?i)\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+([a-z_]+)\\b").matcher(text);
                while (m.find()) {
                    String table = m.group(1).toLowerCase();
                    if (OWNERS.containsKey(table)) {
                        String name = relative(file);
                        List<String> files = namedBy.computeIfAbsent(table, k -> new ArrayList<>());
                        if (!files.contains(name)) {
                            files.add(name);
                        }
                    }
                }
            }
            OWNERS.forEach((table, owner) -> assertThat(namedBy.getOrDefault(table, List.of()))
                    .as("the main sources that name table %s in SQL", table).containsExactly(owner));
        }
    }

    @Nested
    class Files_ {

        static final Pattern TYPE_DECLARATION =
                Pattern.compile("^(public |final |abstract |sealed )*(class|interface|record|enum) ");

        /** A longer file says why at its top (before its type), in a comment starting {@code Long because}. */
        @Test
        void ofMainCodeStayShortOrSayWhy() throws IOException {
            List<String> tooLong = new ArrayList<>();
            for (Path file : mainSources()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                boolean explained = lines.stream().takeWhile(l -> !TYPE_DECLARATION.matcher(l).find())
                        .anyMatch(l -> l.contains("Long because"));
                if (lines.size() > 250 && !explained) {
                    tooLong.add(relative(file) + " (" + lines.size() + " lines)");
                }
            }
            assertThat(tooLong).as("main files over 250 lines with no reason at their top").isEmpty();
        }
    }

    static List<Path> mainSources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    static String relative(Path file) {
        return SOURCES.resolve(ROOT.replace('.', '/')).relativize(file).toString().replace('\\', '/');
    }
}
