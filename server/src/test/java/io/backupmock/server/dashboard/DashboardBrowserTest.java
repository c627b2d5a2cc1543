package io.backupmock.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.BackupMockServer;
import io.backupmock.server.state.Settings;
import io.backupmock.server.clock.VirtualClock;
import io.backupmock.server.wire.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: Debian's headless Chromium, driven by Selenium through
 * /usr/bin/chromedriver, against an emulator with a virtual clock and an admin token. In CI
 * (CI=true) a missing browser fails the class; elsewhere it is skipped with a message.
 */
class DashboardBrowserTest {
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final String TOKEN = "dashboard-token";
    static final String RG = "testVaultRG";
    static final String VAULT = "testVault";
    static final String ITEM = "VM;iaasvmcontainerv2;testRG;testVM";
    static final String CONTAINER = "IaasVMContainer;iaasvmcontainerv2;testRG;testVM";
    static final String BACKUP_BODY = "{\"properties\":{\"objectType\":\"IaasVMBackupRequest\"}}";
    static final Duration WAIT = Duration.ofSeconds(15);
    /** Kept, so the level set on it holds: Selenium's notes on CDP versions are noise here. */
    static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static VirtualClock clock;
    static BackupMockServer server;
    static Path profile;
    static WebDriver driver;

    @BeforeAll
    static void start() throws IOException {
        boolean present = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
        if (!present) {
            String message = "the dashboard's browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "); .ci/run installs them";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            System.out.println("DashboardBrowserTest skipped: " + message);
            Assumptions.abort(message);
        }
        SELENIUM_LOG.setLevel(Level.SEVERE);
        clock = new VirtualClock(Instant.parse("2026-11-25T08:00:00Z"));
        server = BackupMockServer.builder().noHttps().httpPort(0).clock(clock)
                .settings(Settings.builder().adminToken(TOKEN).validateResponses(true).build()).start();
        profile = Files.createTempDirectory("backup-mock-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1366,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    // ------------------------------------------------------------------ the tests

    @Test
    void asksForTheAdminTokenAndSendsItAsABearer() {
        String sub = newSubscription();
        assertThat(arm("POST", itemPath(sub) + "/backup", BACKUP_BODY).statusCode()).isEqualTo(202);
        driver.get(page(sub));
        js("sessionStorage.clear()");
        reload(sub);

        WebElement form = waitFor(By.id("token-form"));
        wait(ExpectedConditions.visibilityOf(form));
        assertThat(driver.findElements(By.cssSelector("#jobs-body tr.job"))).as("nothing shown without the token")
                .isEmpty();
        enterToken("not-the-token");
        wait(d -> form.isDisplayed() && text(By.id("token-note")).contains("refused"));

        enterToken(TOKEN);
        wait(ExpectedConditions.invisibilityOf(form));
        WebElement row = waitForJobRow(sub, "Backup");
        assertThat(row.getText()).contains(VAULT, "testVM", "AzureIaaSVMJob", "InProgress");
        assertThat(js("return sessionStorage.getItem('backupmock.adminToken')")).isEqualTo(TOKEN);
        assertThat(js("return document.getElementById('subscription').value")).isEqualTo(sub);
        assertThat(js("const s = document.getElementById('subscription'); return s.options[s.selectedIndex].text"))
                .asString().startsWith(sub).contains("1 vault", "1 job", "1 request");
    }

    @Test
    void aTriggeredJobMovesFromInProgressToCompletedAsTheClockIsAdvancedFromThePage() throws IOException {
        String sub = newSubscription();
        open(sub);
        HttpResponse<String> accepted = arm("POST", itemPath(sub) + "/backup", BACKUP_BODY);
        assertThat(accepted.statusCode()).isEqualTo(202);
        String operationUrl = accepted.headers().firstValue("Azure-AsyncOperation").orElseThrow();
        arm("GET", operationUrl, null);

        WebElement row = waitForJobRow(sub, "Backup");
        assertThat(status(row)).isEqualTo("InProgress");
        String jobId = row.getAttribute("data-job-id");
        Instant before = Instant.parse(driver.findElement(By.id("clock-instant")).getAttribute("datetime"));

        click(By.cssSelector("button[data-advance='PT1M']"));
        wait(d -> status(jobRow(jobId)).equals("Completed"));
        Instant after = Instant.parse(driver.findElement(By.id("clock-instant")).getAttribute("datetime"));
        assertThat(Duration.between(before, after)).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(text(By.id("message"))).isEqualTo("Advanced the clock by PT1M.");
        assertThat(clock.instant()).isEqualTo(after);
        // The operation that started it, done.
        wait(d -> text(By.id("operations-body")).contains("Succeeded"));

        // Its tasks, all done, in the detail row.
        clickWhenThere(() -> jobRow(jobId).findElement(By.cssSelector("button[aria-expanded]")));
        WebElement detail = waitFor(By.cssSelector("#jobs-body tr.detail"));
        assertThat(detail.getText()).contains("Take Snapshot", "Transfer data to vault", "Backup Size", "2332 MB");
        assertThat(detail.findElements(By.cssSelector(".status-Completed"))).hasSize(2);
        assertThat(js("return document.activeElement.getAttribute('aria-expanded') + ' '"
                + " + document.activeElement.dataset.toggle")).as("the toggle keeps the focus")
                .isEqualTo("true job " + jobId);

        // The journal shows the trigger's 202 with its Retry-After, then the poll.
        wait(d -> driver.findElements(By.cssSelector("#journal-body tr.request")).size() >= 2);
        List<WebElement> requests = driver.findElements(By.cssSelector("#journal-body tr.request"));
        String poll = requests.get(0).getText();
        String trigger = requests.get(1).getText();
        assertThat(trigger).contains("POST", "testVault/…/protectedItems/" + ITEM + "/backup", "202", "1 s");
        assertThat(poll).contains("GET", "operationsStatus", "200");

        // A second backup, left running beside the first, for the picture.
        HttpResponse<String> second = arm("POST", itemPath(sub) + "/backup", BACKUP_BODY);
        String secondOperation = second.headers().firstValue("Azure-AsyncOperation").orElseThrow();
        arm("GET", secondOperation, null);
        click(By.cssSelector("button[data-advance='PT10S']"));
        wait(d -> driver.findElements(By.cssSelector("#jobs-body tr.job")).size() == 2);
        arm("GET", secondOperation, null);
        wait(d -> driver.findElements(By.cssSelector("#journal-body tr.request")).size() >= 5);
        wait(d -> text(By.id("jobs-body")).contains("InProgress"));
        screenshot(Path.of("target", "dashboard.png"));

        // Set, and a refusal said in the page's words.
        Instant later = clock.instant().plus(Duration.ofHours(2));
        type(By.id("set"), later.toString());
        click(By.cssSelector("#set-form button[type=submit]"));
        wait(d -> later.toString().equals(d.findElement(By.id("clock-instant")).getAttribute("datetime")));
        assertThat(clock.instant()).isEqualTo(later);
        type(By.id("advance"), "five minutes");
        click(By.cssSelector("#advance-form button[type=submit]"));
        wait(d -> text(By.id("message")).startsWith("InvalidAdminRequest: body.advance"));
        assertThat(driver.findElement(By.id("message")).getAttribute("class")).contains("error");
        assertThat(clock.instant()).isEqualTo(later);
    }

    @Test
    void addsAndClearsAFaultFromThePage() {
        String sub = newSubscription();
        open(sub);
        new Select(driver.findElement(By.id("fault-method"))).selectByVisibleText("GET");
        type(By.id("fault-path"), "/backupJobs");
        type(By.id("fault-status"), "503");
        type(By.id("fault-code"), "ServiceUnavailable");
        type(By.id("fault-message"), "The backup service is down for this test.");
        type(By.id("fault-retry"), "7");
        click(By.cssSelector("#fault-form button[type=submit]"));

        wait(d -> text(By.id("faults-body")).contains("ServiceUnavailable"));
        assertThat(text(By.id("message"))).isEqualTo("Added a fault.");
        String fault = wait(d -> d.findElements(By.cssSelector("#faults-body tr.fault")).stream()
                .map(WebElement::getText).filter(t -> t.contains("ServiceUnavailable")).findFirst().orElse(null));
        assertThat(fault).contains("subscription " + sub.substring(0, 8), "GET", "/backupJobs", "503",
                "Retry-After 7", "The backup service is down for this test.", "0 of 0");

        HttpResponse<String> faulted = arm("GET", vaultPath(sub) + "/backupJobs", null);
        assertThat(faulted.statusCode()).isEqualTo(503);
        assertThat(faulted.body()).contains("ServiceUnavailable", "down for this test");
        assertThat(faulted.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(arm("GET", vaultPath(newSubscription()) + "/backupJobs", null).statusCode())
                .as("only the picked subscription").isEqualTo(200);
        wait(d -> text(By.id("faults-body")).contains("1 of 1"));

        click(By.id("faults-clear"));
        wait(d -> text(By.id("faults-body")).contains("No faults in force."));
        assertThat(text(By.id("message"))).isEqualTo("Cleared every fault.");
        assertThat(admin("GET", "/faults", null).path("faults")).isEmpty();
        assertThat(arm("GET", vaultPath(sub) + "/backupJobs", null).statusCode()).isEqualTo(200);
    }

    @Test
    void markupInNamesPropertyBagsErrorsAndRequestsIsShownAsTextAndNeverRuns() {
        String sub = newSubscription();
        String bagKey = "<img src=x onerror=\"window.__pwned='bag key'\">";
        String bagValue = "<script>window.__pwned='bag value'</script>";
        String errorString = "<img src=x onerror=\"window.__pwned='error string'\">";
        String errorTitle = "<b onmouseover=\"window.__pwned='title'\">bold</b>";
        String recommendation = "<svg onload=\"window.__pwned='recommendation'\"></svg>";
        String faultMessage = "<iframe srcdoc=\"<script>parent.__pwned='fault'</script>\"></iframe>";
        String body = "{\"properties\":{\"objectType\":\"<script>window.__pwned='request body'</script>\"}}";

        JsonNode job = admin("POST", "/vaults/" + sub + "/" + RG + "/" + VAULT + "/jobs",
                "{\"script\":{\"operation\":\"Backup\",\"duration\":\"PT1H\",\"propertyBag\":{"
                        + Json.mapper().valueToTree(bagKey) + ":" + Json.mapper().valueToTree(bagValue) + "}}}");
        String jobId = job.path("name").asText();
        admin("POST", "/vaults/" + sub + "/" + RG + "/" + VAULT + "/jobs/" + jobId + "/fail",
                "{\"errorDetails\":[{\"errorCode\":4242,\"errorTitle\":" + Json.mapper().valueToTree(errorTitle)
                        + ",\"errorString\":" + Json.mapper().valueToTree(errorString) + ",\"recommendations\":["
                        + Json.mapper().valueToTree(recommendation) + "]}]}");
        admin("POST", "/faults", "{\"subscriptionId\":\"" + sub + "\",\"pathContains\":\"/backupJobs\",\"status\":500,"
                + "\"message\":" + Json.mapper().valueToTree(faultMessage) + "}");
        assertThat(arm("POST", itemPath(sub) + "/backup", body).statusCode()).isEqualTo(400);
        try {
            showsMarkupAsText(sub, jobId, bagKey, bagValue, errorString, errorTitle, recommendation, faultMessage);
        } finally {
            admin("DELETE", "/faults", null);
        }
    }

    private void showsMarkupAsText(String sub, String jobId, String bagKey, String bagValue, String errorString,
                                   String errorTitle, String recommendation, String faultMessage) {
        open(sub);
        wait(d -> status(jobRow(jobId)).equals("Failed"));
        assertThat(jobRow(jobId).getText()).contains(errorString);
        clickWhenThere(() -> jobRow(jobId).findElement(By.cssSelector("button[aria-expanded]")));
        WebElement detail = waitFor(By.cssSelector("#jobs-body tr.detail"));
        assertThat(detail.getText()).contains(bagKey, bagValue, errorTitle, errorString, recommendation);
        wait(d -> text(By.id("faults-body")).contains(faultMessage));
        wait(d -> journalRow("400"));
        clickWhenThere(() -> journalRow("400").findElement(By.cssSelector("button.path")));
        WebElement requestDetail = waitFor(By.cssSelector("#journal-body tr.detail"));
        assertThat(requestDetail.getText()).contains("<script>window.__pwned='request body'</script>");

        assertThat(js("return typeof window.__pwned")).as("no injected script ran").isEqualTo("undefined");
        assertThat(js("return document.querySelectorAll('main img, main script, main svg, main b, main iframe')"
                + ".length")).as("no injected element exists").isEqualTo(0L);
        assertThat(js("return document.scripts.length")).as("only the page's own script").isEqualTo(1L);
    }

    // ------------------------------------------------------------------ the browser

    static String page(String subscription) {
        return server.baseUri() + "/backupmock/#subscription=" + subscription;
    }

    /** Loads the page afresh on a subscription, giving the token if it asks. */
    static void open(String subscription) {
        reload(subscription);
        WebElement form = driver.findElement(By.id("token-form"));
        if (form.isDisplayed() || js("return sessionStorage.getItem('backupmock.adminToken')") == null) {
            wait(ExpectedConditions.visibilityOf(form));
            enterToken(TOKEN);
        }
        wait(d -> text(By.id("updated")).startsWith("Live"));
    }

    /** A fresh load: a URL that differs from the current one only by its fragment would not reload. */
    static void reload(String subscription) {
        driver.get("about:blank");
        driver.get(page(subscription));
    }

    static void enterToken(String token) {
        WebElement input = driver.findElement(By.id("token"));
        input.clear();
        input.sendKeys(token);
        driver.findElement(By.cssSelector("#token-form button[type=submit]")).click();
    }

    static WebElement waitForJobRow(String subscription, String operation) {
        return wait(d -> d.findElements(By.cssSelector("#jobs-body tr.job")).stream()
                .filter(r -> r.getText().contains(operation)).findFirst().orElse(null));
    }

    static WebElement jobRow(String jobId) {
        List<WebElement> rows = driver.findElements(By.cssSelector("#jobs-body tr.job[data-job-id='" + jobId + "']"));
        return rows.isEmpty() ? null : rows.get(0);
    }

    static WebElement journalRow(String containing) {
        return driver.findElements(By.cssSelector("#journal-body tr.request")).stream()
                .filter(r -> r.getText().contains(containing)).findFirst().orElse(null);
    }

    /** Clicks what {@code find} finds, finding it again should the page have rebuilt it meanwhile. */
    static void clickWhenThere(java.util.function.Supplier<WebElement> find) {
        wait(d -> {
            find.get().click();
            return true;
        });
    }

    static String status(WebElement jobRow) {
        return jobRow == null ? "" : jobRow.findElement(By.cssSelector(".badge")).getText();
    }

    static WebElement waitFor(By by) {
        return wait(ExpectedConditions.presenceOfElementLocated(by));
    }

    static <T> T wait(java.util.function.Function<WebDriver, T> condition) {
        // Rows are rebuilt on every refresh: an element found a moment ago may be gone; look again.
        try {
            return new WebDriverWait(driver, WAIT)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                screenshot(Path.of("target", "dashboard-failure.png"));
            } catch (IOException | RuntimeException ignored) {
                // the timeout says more than a missing picture
            }
            throw new AssertionError("the page did not get there; it shows:\n"
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    static String text(By by) {
        return driver.findElement(by).getText();
    }

    static void click(By by) {
        driver.findElement(by).click();
    }

    static void type(By by, String value) {
        WebElement input = driver.findElement(by);
        input.clear();
        input.sendKeys(value);
    }

    static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    static void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
        System.out.println("DashboardBrowserTest: screenshot at " + file.toAbsolutePath());
    }

    // ------------------------------------------------------------------ the emulator over HTTP

    static String newSubscription() {
        return UUID.randomUUID().toString();
    }

    static String vaultPath(String subscription) {
        return "/subscriptions/" + subscription + "/resourceGroups/" + RG
                + "/providers/Microsoft.RecoveryServices/vaults/" + VAULT;
    }

    static String itemPath(String subscription) {
        return vaultPath(subscription) + "/backupFabrics/Azure/protectionContainers/" + CONTAINER
                + "/protectedItems/" + ITEM;
    }

    /** An ARM request with any bearer token; api-version is added when absent. */
    static HttpResponse<String> arm(String method, String pathOrUrl, String body) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : server.baseUri() + pathOrUrl;
        if (!url.contains("api-version=")) {
            url += (url.contains("?") ? "&" : "?") + "api-version=2019-05-13";
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer arm-token")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.build());
    }

    /** An admin request with the admin token; its JSON answer (null if none), after checking it succeeded. */
    static JsonNode admin(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + "/backupmock/admin" + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = send(request.build());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
        try {
            return response.body().isEmpty() ? null : Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
