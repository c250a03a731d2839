package com.competencyrecon.scenario;

import com.competencyrecon.night.NightRunner;
import com.competencyrecon.support.Databases;
import com.competencyrecon.support.ExpectedOutcomes;
import com.competencyrecon.support.NightHarness;
import com.competencyrecon.support.Reports;
import com.competencyrecon.reports.CsvReport;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled sample programme, three nights in order, checked against the outcomes its generator
 * computed ({@code sample-data/EXPECTED.md}) and against the committed reports byte for byte, so that every
 * database gives the same files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SampleProgrammeScenario {

    static final List<String> NIGHTS = List.of("2026-11-23", "2026-11-24", "2026-11-25");
    static final List<String> CSV_REPORTS = List.of("competency-status.csv", "alerts.csv", "membership-expiry.csv",
            "marketing-profile.csv", "rejects.csv");
    static final Path SAMPLE = Path.of("sample-data/nights");
    static final Path GOLDEN = Path.of("src/test/resources/sample-programme");

    @Autowired
    NightRunner runner;

    @Autowired
    JdbcTemplate jdbc;

    NightHarness nights;
    Path root;
    ExpectedOutcomes expected;

    @BeforeAll
    void runTheNights() throws IOException {
        Databases.reset(jdbc);
        root = Files.createTempDirectory("sample-programme");
        nights = new NightHarness(runner, root);
        expected = ExpectedOutcomes.read(Path.of("sample-data/EXPECTED.md"));
        for (String night : NIGHTS) {
            NightRunner.Outcome outcome = nights.run(night, SAMPLE.resolve(night));
            assertThat(outcome.refusal()).as(night).isNull();
            assertThat(outcome.execution().getStatus()).as(night).isEqualTo(BatchStatus.COMPLETED);
        }
    }

    static Stream<String> nights() {
        return NIGHTS.stream();
    }

    @ParameterizedTest
    @MethodSource("nights")
    @Order(1)
    void competencyStatusIsAsDesigned(String night) {
        expected.assertMatches(night, "competency-status", nights.report(night, "competency-status.csv"));
    }

    @ParameterizedTest
    @MethodSource("nights")
    @Order(2)
    void marketingProfileIsAsDesigned(String night) {
        expected.assertMatches(night, "marketing-profile", nights.report(night, "marketing-profile.csv"));
    }

    @ParameterizedTest
    @MethodSource("nights")
    @Order(3)
    void membershipExpiryIsAsDesigned(String night) {
        expected.assertMatches(night, "membership-expiry", nights.report(night, "membership-expiry.csv"));
    }

    @ParameterizedTest
    @MethodSource("nights")
    @Order(4)
    void rejectsAreAsDesigned(String night) {
        expected.assertMatches(night, "rejects", nights.report(night, "rejects.csv"));
    }

    @ParameterizedTest
    @MethodSource("nights")
    @Order(5)
    void alertsAreAsDesigned(String night) {
        expected.assertMatches(night, "alerts", nights.report(night, "alerts.csv"));
    }

    @Test
    @Order(6)
    void theMoveDropsTheOldOrganisationBelowItsDisplayedLevelAndNamesTheCause() {
        assertThat(nights.report("2026-11-24", "competency-status.csv"))
                .contains("ORG-008,Rheinwerk IT-Beratung GmbH,DATACENTER,NONE,,SILVER,SILVER,AT_RISK,1,2026-11-24,NONE,");
        assertThat(nights.report("2026-11-24", "alerts.csv"))
                .anyMatch(l -> l.contains(",ORG-008,RENEWAL_AT_RISK,DATACENTER,SILVER,NEW,2026-11-24,MSA_MOVED:msa-0085,"));
    }

    @Test
    @Order(7)
    void theDepartureAndTheExpiryNameTheirCauses() {
        assertThat(nights.report("2026-11-25", "alerts.csv"))
                .anyMatch(l -> l.contains(",ORG-011,RENEWAL_AT_RISK,APPLICATION_DEVELOPMENT,SILVER,NEW,2026-11-25,USER_DELETED:u-0111,"))
                .anyMatch(l -> l.contains(",ORG-012,RENEWAL_AT_RISK,DATA_ANALYTICS,GOLD,NEW,2026-11-25,CREDENTIAL_EXPIRED:msa-0120/ASMT-BI,"));
    }

    @Test
    @Order(7)
    void theStatusNamesTheProjectionToTheAnniversaryAndTheOverrideInForce() {
        List<Map<String, String>> rows = Reports.rows(nights.report("2026-11-23", "competency-status.csv"));
        // ORG-012's Gold rests on an assessment that expires before its anniversary: the projection says Silver,
        // as the PROJECTED_AT_RISK alert of the same night does.
        assertThat(row(rows, "ORG-012", "DATA_ANALYTICS")).containsEntry("attained_level", "GOLD")
                .containsEntry("projected_level", "SILVER").containsEntry("override_id", "");
        assertThat(row(rows, "ORG-001", "CLOUD_PLATFORM")).containsEntry("projected_level", "GOLD");
        // No membership, so no anniversary to project to; the override in force is named.
        assertThat(row(rows, "ORG-014", "WINDOWS_DEVICES")).containsEntry("attained_path", "OVERRIDE")
                .containsEntry("projected_level", "").containsEntry("override_id", "ovr-0001");
        assertThat(row(rows, "ORG-003", "CLOUD_PLATFORM")).containsEntry("projected_level", "");
    }

    private static Map<String, String> row(List<Map<String, String>> rows, String org, String competency) {
        return rows.stream().filter(r -> r.get("org_id").equals(org) && r.get("competency").equals(competency))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + org + " " + competency));
    }

    @Test
    @Order(8)
    void everyNightPublishesItsReportsTheWorkbookAndTheOrganisationPages() {
        for (String night : NIGHTS) {
            assertThat(nights.reportDir().resolve(night).toFile().list()).as(night).containsExactlyInAnyOrder(
                    "competency-status.csv", "alerts.csv", "membership-expiry.csv", "marketing-profile.csv",
                    "rejects.csv", "summary.html", night + ".xlsx", "organisations");
        }
        assertThat(nights.reportDir().toFile().list()).containsExactlyInAnyOrderElementsOf(NIGHTS);
    }

    @Test
    @Order(9)
    void theSummaryPageIsSelfContained() throws IOException {
        String html = Files.readString(nights.reportDir().resolve("2026-11-24/summary.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<h1>Competency reconciliation for 2026-11-24</h1>")
                .contains("msa-links.csv").contains("RENEWAL_AT_RISK").contains("DATACENTER")
                .doesNotContain("src=\"http").doesNotContain("href=\"http").doesNotContain("<script");
    }

    @ParameterizedTest
    @MethodSource("nights")
    @Order(9)
    void theWorkbookHoldsEveryReportAsATypedSheet(String night) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(
                nights.reportDir().resolve(night).resolve(night + ".xlsx")))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(CSV_REPORTS.size());
            for (String report : CSV_REPORTS) {
                String name = report.replace(".csv", "");
                XSSFSheet sheet = workbook.getSheet(name);
                assertThat(sheet).as(name).isNotNull();
                List<String> csv = nights.report(night, report);
                assertThat(sheet.getLastRowNum()).as(name + " rows").isEqualTo(csv.size() - 1);
                assertThat(sheet.getPaneInformation().isFreezePane()).as(name + " frozen header").isTrue();
                assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).as(name + " filter")
                        .isEqualTo("A1:" + CellReference.convertNumToColString(
                                sheet.getRow(0).getLastCellNum() - 1) + csv.size());
                List<Map<String, String>> rows = Reports.rows(csv);
                List<String> header = new ArrayList<>(rows.isEmpty() ? List.of() : rows.get(0).keySet());
                for (int i = 0; i < rows.size(); i++) {
                    for (int c = 0; c < header.size(); c++) {
                        Cell cell = sheet.getRow(i + 1).getCell(c);
                        // The CSV prefixes formula-looking text with ', not numbers (a negative day count stays -5).
                        boolean number = cell != null && cell.getCellType() == CellType.NUMERIC;
                        assertThat(number ? text(cell) : CsvReport.neutralise(text(cell)))
                                .as(name + " row " + (i + 1) + " " + header.get(c))
                                .isEqualTo(rows.get(i).get(header.get(c)));
                    }
                }
            }
            Cell asOf = workbook.getSheet("competency-status").getRow(1).getCell(9);
            assertThat(DateUtil.isCellDateFormatted(asOf)).isTrue();
            assertThat(asOf.getLocalDateTimeCellValue().toLocalDate()).hasToString(night);
            assertThat(workbook.getSheet("competency-status").getRow(1).getCell(8).getCellType())
                    .isEqualTo(CellType.NUMERIC);
        }
    }

    /** A cell as the CSV writes its value: dates as YYYY-MM-DD, whole numbers without a point. */
    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : String.valueOf((long) cell.getNumericCellValue());
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case STRING -> cell.getStringCellValue();
            default -> throw new AssertionError("unexpected cell type " + cell.getCellType() + " at " + cell.getAddress());
        };
    }

    @Test
    @Order(9)
    void anOrganisationsPageSaysWhoCountedAndWhatIsMissing() throws IOException {
        Path folder = nights.reportDir().resolve("2026-11-24");
        String page = Files.readString(folder.resolve("organisations/ORG-008.html"));
        // The move of msa-0085 left one of the two people Datacenter Silver needs.
        assertThat(page).contains("<h1><bdi>Rheinwerk IT-Beratung GmbH</bdi>")
                .contains("Silver member, anniversary 2027-04-02.")
                .contains("status AT_RISK")
                .contains("when last met, it was through DATACENTER_SOLUTIONS by <bdi>msa-0084</bdi>, <bdi>msa-0085</bdi>")
                .contains("<td>1: <bdi>msa-0084</bdi> (user <bdi>u-0084</bdi>): 70-413, 70-741, 70-743</td><td class=\"missing\">1 more</td>")
                .contains("O365_NEW_CUSTOMERS at least 25 over 2025-12 to 2026-11 (DELEGATED_ADMIN, DPOR, TRANSACTING)</td><td>5</td><td class=\"missing\">20 more</td>")
                .doesNotContain("msa-0085 (user");
        String index = Files.readString(folder.resolve("organisations/index.html"));
        assertThat(folder.resolve("organisations").toFile().list()).hasSize(21);
        assertThat(index).contains("<a href=\"ORG-008.html\"><bdi>Rheinwerk IT-Beratung GmbH</bdi></a>")
                .contains("<bdi>Nairobi Cloud Hub &quot;NCH&quot; Ltd</bdi>");
        String summary = Files.readString(folder.resolve("summary.html"));
        assertThat(summary).contains("<a href=\"competency-status.csv\">").contains("<a href=\"2026-11-24.xlsx\">")
                .contains("<a href=\"organisations/ORG-008.html\"><bdi>Rheinwerk IT-Beratung GmbH</bdi></a>")
                .doesNotContain("running").doesNotContain("<td>writeReports</td>");
    }

    @ParameterizedTest
    @MethodSource("nights")
    @Order(10)
    void reportsAreByteIdenticalToTheCommittedOnes(String night) throws IOException {
        for (String report : CSV_REPORTS) {
            Path golden = GOLDEN.resolve(night).resolve(report);
            byte[] actual = nights.reportBytes(night, report);
            if (Boolean.getBoolean("recon.golden.update")) {
                Files.createDirectories(golden.getParent());
                Files.write(golden, actual);
            }
            assertThat(new String(actual, java.nio.charset.StandardCharsets.UTF_8)).as(night + "/" + report)
                    .isEqualTo(Files.readString(golden));
        }
    }
}
