package dev.peering.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * Headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages (.ci/run installs them),
 * driven by Selenium with the driver named explicitly, so nothing is looked up or downloaded. Screenshots go to
 * {@code docs/console/}; {@link #checkAccessibility} runs axe-core (from its Maven jar) in the page.
 */
final class Browser implements AutoCloseable {

    static final String CHROMEDRIVER = System.getProperty("console.chromedriver", "/usr/bin/chromedriver");
    static final String CHROMIUM = System.getProperty("console.chromium", "/usr/bin/chromium");
    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    final ChromeDriver driver;
    private final String base;

    Browser(String base) {
        this.base = base;
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // root in CI: Chromium's sandbox needs a user namespace it may not get
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1280,1000");
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    /**
     * Clicks the element {@code css} names, finding it again if htmx swapped it between the finding and the
     * click (a click that hit a swapped element did nothing, so trying again is safe).
     */
    void click(String css) {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .ignoreException(org.openqa.selenium.StaleElementReferenceException.class)
                .until(() -> {
                    find(css).click();
                    return true;
                });
    }

    void type(String id, String text) {
        WebElement input = byId(id);
        input.clear();
        input.sendKeys(text);
    }

    void select(String id, String value) {
        new Select(byId(id)).selectByValue(value);
    }

    void selectText(String id, String text) {
        new Select(byId(id)).selectByVisibleText(text);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** A mark in the page's JavaScript state: gone after any reload or navigation. */
    void markPage() {
        script("window.__sameDocument = 'yes';");
    }

    boolean sameDocument() {
        return "yes".equals(script("return window.__sameDocument || 'no';"));
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    /** The text of a cell of a row, read in one script call (htmx may swap the row between two calls). */
    String stateOf(String rowCss, String cellCss) {
        return String.valueOf(script(
                "const row = document.querySelector(arguments[0]);"
                        + " const cell = row && row.querySelector(arguments[1]);"
                        + " return cell ? cell.textContent.trim() : '';",
                rowCss,
                cellCss));
    }

    void screenshot(String name) {
        try {
            Path dir = Stack.repositoryRoot().resolve("docs/console");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page as it was when a test failed, under system-tests/target/console-failures/. */
    void keepFailure(String name) {
        try {
            Path dir = Stack.repositoryRoot().resolve("system-tests/target/console-failures");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            System.err.println("could not keep the page of " + name + ": " + e);
        }
    }

    /** axe-core in the page: no serious or critical violation (the rules' ids and the nodes they name, if any). */
    void checkAccessibility(String page) {
        Results results = new AxeBuilder().analyze(driver);
        List<String> blocking = results.getViolations().stream()
                .filter(rule -> BLOCKING.contains(rule.getImpact()))
                .map(Browser::describe)
                .toList();
        assertEquals(List.of(), blocking, "axe-core on " + page);
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): "
                + rule.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget()))
                        .limit(3)
                        .toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
