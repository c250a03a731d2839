package com.competencyrecon.console;

import com.competencyrecon.reports.PublishedFolder;
import com.competencyrecon.support.Databases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser (headless Chromium): an operator starts the first sample night, watches it
 * complete, opens its summary and downloads a report, then starts a backfill of the other two nights and sees
 * both complete; an analyst then finds nothing that changes anything, and a backfill posted anyway is refused.
 * Each page is photographed under {@code target/console-screenshots/}. Without Chromium the test is skipped
 * with a message, except on CI ({@code CI=true}), where a missing browser is a failure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:console-browser;MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY;DB_CLOSE_DELAY=-1",
        "recon.roots=/", "recon.report-dir=target/console-browser/reports",
        "recon.api.users[0].name=olivia", "recon.api.users[0].password=operator-secret", "recon.api.users[0].role=OPERATOR",
        "recon.api.users[1].name=adam", "recon.api.users[1].password=analyst-secret", "recon.api.users[1].role=ANALYST"})
class ConsoleBrowserTests {

    static final String NIGHT = "2026-11-23";
    static final String SECOND_NIGHT = "2026-11-24";
    static final String THIRD_NIGHT = "2026-11-25";
    static final Path WORK = Path.of("target/console-browser").toAbsolutePath();
    static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    static final Duration PATIENCE = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    WebDriver browser;

    @BeforeEach
    void openTheBrowser() throws IOException {
        Optional<Path> chromium = executable("chromium", "chromium-browser", "google-chrome");
        Optional<Path> driver = executable("chromedriver");
        if (chromium.isEmpty() || driver.isEmpty()) {
            String missing = "no " + (chromium.isEmpty() ? "chromium" : "chromedriver") + " on the PATH";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(missing + ": CI must run the console's browser tests"
                        + " (apt-get install chromium chromium-driver)");
            }
            System.err.println("ConsoleBrowserTests skipped: " + missing
                    + " (install Debian's chromium and chromium-driver to run them)");
            Assumptions.abort(missing + "; the console's browser tests are skipped");
        }
        Databases.reset(jdbc);
        PublishedFolder.deleteTree(WORK);
        Files.createDirectories(WORK.resolve("downloads"));
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions().setBinary(chromium.get().toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1280,1000", "--lang=en-GB")
                .setExperimentalOption("prefs", Map.of("download.default_directory", WORK.resolve("downloads")
                        .toString(), "download.prompt_for_download", false));
        // The driver is named, so Selenium never tries to fetch one from the network.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        // A click that posts a form can return before the next page is there: look for elements a while.
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorRunsANightAndAnAnalystOnlyReads() throws Exception {
        open("/console/nights");
        assertThat(browser.getCurrentUrl()).endsWith("/console/login");
        shoot("login");
        signIn("olivia", "operator-secret");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Nights");

        startAndWatch(NIGHT, "run-started");
        assertThat(cell("ingestOrganizations", "read")).isEqualTo("20");
        assertThat(cell("writeReports", "status")).isEqualTo("COMPLETED");
        shoot("run");

        browser.findElement(By.linkText(NIGHT)).click();
        assertThat(browser.findElement(By.id("rejects")).getText()).contains("LINK_COOL_OFF", "ev-00178");
        shoot("night");
        String night = browser.getCurrentUrl();
        browser.findElement(By.id("summary-link")).click();
        assertThat(browser.getPageSource()).contains(NIGHT);
        shoot("summary");
        browser.navigate().to(night);
        browser.findElement(By.linkText("Download rejects.csv")).click();
        Path downloaded = WORK.resolve("downloads").resolve(NIGHT + "-rejects.csv");
        until(() -> downloaded.toFile().length() > 0 ? downloaded : null);
        assertThat(downloaded).hasSameBinaryContentAs(WORK.resolve("reports").resolve(NIGHT).resolve("rejects.csv"));

        backfillAndWatch(SECOND_NIGHT, THIRD_NIGHT);
        open("/console/orgs");
        fill(browser.findElement(By.id("q")), "Kestrel");
        browser.findElement(By.cssSelector("form[role=search] button")).click();
        shoot("orgs");
        browser.findElement(By.linkText("ORG-001")).click();
        assertThat(browser.findElement(By.id("current")).getText()).contains("CLOUD_PLATFORM", "GOLD");
        assertThat(browser.findElements(By.cssSelector("svg.chart polyline"))).isNotEmpty();
        shoot("org");
        open("/console/schedules");
        assertThat(browser.findElement(By.id("schedules")).getText()).contains("nightly-reconciliation");
        shoot("schedules");
        open("/console/nights");
        shoot("nights");

        browser.findElement(By.cssSelector("header form button")).click();
        signIn("adam", "analyst-secret");
        String runPage = browser.findElement(By.cssSelector("#nights a[href^='/console/runs/']")).getAttribute("href");
        for (String page : new String[]{"/console/nights", runPage.replaceFirst("^https?://[^/]+", ""),
                "/console/nights/" + NIGHT, "/console/orgs/ORG-001", "/console/schedules"}) {
            open(page);
            assertThat(changingForms()).as("forms that change something on %s", page).isEmpty();
        }
        open("/console/nights");
        shoot("analyst-nights");
        Object refused = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = document.querySelector('header form input[name=_csrf]').value;
                fetch('/console/nights', {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                      body: '_csrf=' + encodeURIComponent(token) + '&businessDate=2026-11-24&inputDir=x&confirm=true'})
                  .then(r => done(r.status));""");
        assertThat(refused).isEqualTo(403L);
        Object backfillRefused = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = document.querySelector('header form input[name=_csrf]').value;
                fetch('/console/backfills', {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                      body: '_csrf=' + encodeURIComponent(token) + '&from=2026-11-26&to=2026-11-27&inputRoot=x&confirm=true'})
                  .then(r => done(r.status));""");
        assertThat(backfillRefused).isEqualTo(403L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class)).isEqualTo(3);
    }

    /**
     * Starts a backfill of two nights with the form (and its confirmation) and waits on the nights page, reloaded,
     * until both have COMPLETED.
     */
    private void backfillAndWatch(String from, String to) throws IOException {
        open("/console/nights");
        WebElement form = browser.findElement(By.id("start-backfill"));
        fill(form.findElement(By.id("backfillFrom")), from);
        fill(form.findElement(By.id("backfillTo")), to);
        fill(form.findElement(By.id("inputRoot")), Path.of("sample-data/nights").toAbsolutePath().toString());
        fill(form.findElement(By.id("backfillReportDir")), WORK.resolve("reports").toString());
        shoot("backfill-form");
        // Without the ticked confirmation the browser does not send the form (and the server would refuse it).
        assertThat(((JavascriptExecutor) browser).executeScript("return arguments[0].checkValidity()", form))
                .isEqualTo(false);
        form.findElement(By.id("confirm-backfill")).click();
        assertThat(((JavascriptExecutor) browser).executeScript("return arguments[0].checkValidity()", form))
                .isEqualTo(true);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement notice = until(() -> browser.findElement(By.cssSelector(".notice")));
        assertThat(notice.getText())
                .contains("The backfill " + from + " to " + to + " has started: it runs " + from + ", " + to);
        shoot("backfill-started");
        until(() -> {
            open("/console/nights?from=" + from + "&to=" + to);
            List<String> statuses = browser.findElements(By.cssSelector("#nights .status")).stream()
                    .map(WebElement::getText).toList();
            return statuses.equals(List.of("COMPLETED", "COMPLETED")) ? statuses : null;
        });
        assertThat(browser.findElement(By.id("nights")).getText()).contains(from, to);
        shoot("backfill-completed");
    }

    /** Starts a night with the form, opens its run from the list and waits on that page until it completes. */
    private void startAndWatch(String date, String shot) throws IOException {
        open("/console/nights");
        WebElement form = browser.findElement(By.id("start-night"));
        fill(form.findElement(By.id("businessDate")), date);
        fill(form.findElement(By.id("inputDir")), Path.of("sample-data/nights", date).toAbsolutePath().toString());
        fill(form.findElement(By.id("reportDir")), WORK.resolve("reports").toString());
        form.findElement(By.id("confirm-start")).click();
        form.findElement(By.cssSelector("button[type=submit]")).click();
        // The notice is on the page the post redirects to: wait for it rather than read the page being left.
        assertThat(until(() -> browser.findElement(By.cssSelector(".notice"))).getText())
                .contains("The night " + date + " has started");

        WebElement runLink = until(() -> {
            open("/console/nights?from=" + date + "&to=" + date);
            List<WebElement> links = browser.findElements(By.cssSelector("#nights a[href^='/console/runs/']"));
            return links.isEmpty() ? null : links.get(0);
        });
        runLink.click();
        shoot(shot);
        // The page follows the run by itself (polling, then a reload when it ends): no refresh here.
        until(() -> {
            String status = browser.findElement(By.id("run-status")).getText();
            if (!status.equals("COMPLETED")) {
                assertThat(status).isIn("STARTING", "STARTED");
                return null;
            }
            return browser.findElements(By.id("live")).isEmpty() ? status : null;
        });
    }

    private void open(String path) {
        browser.navigate().to("http://localhost:" + port + path);
    }

    private void signIn(String name, String password) {
        fill(browser.findElement(By.id("username")), name);
        fill(browser.findElement(By.id("password")), password);
        WebElement submit = browser.findElement(By.cssSelector("button[type=submit]"));
        submit.click();
        // The login page's own elements go once the next page is there; reading before that finds them stale.
        new WebDriverWait(browser, PATIENCE, Duration.ofMillis(100))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(submit));
    }

    private static void fill(WebElement input, String value) {
        if ("date".equals(input.getAttribute("type"))) {
            // A date field's keyboard format follows the browser's locale; its value is always ISO.
            ((JavascriptExecutor) ((org.openqa.selenium.WrapsDriver) input).getWrappedDriver())
                    .executeScript("arguments[0].value = arguments[1]", input, value);
            return;
        }
        input.clear();
        input.sendKeys(value);
    }

    private String cell(String step, String field) {
        return browser.findElement(By.cssSelector("tr[data-step='" + step + "'] [data-field='" + field + "']"))
                .getText();
    }

    /** The page's forms other than signing out: every one of them would change something. */
    private List<WebElement> changingForms() {
        return browser.findElements(By.cssSelector("form[method=post]")).stream()
                .filter(f -> !f.getAttribute("action").endsWith("/console/logout")).toList();
    }

    private <T> T until(java.util.function.Supplier<T> condition) {
        return new WebDriverWait(browser, PATIENCE, Duration.ofMillis(500)).until(b -> {
            try {
                return condition.get();
            } catch (RuntimeException e) {
                return null;
            }
        });
    }

    private void shoot(String page) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(page + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static Optional<Path> executable(String... names) throws IOException {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
