package cn.imtp.ops.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium, Debian's, driven through Debian's chromium-driver: both named explicitly so
 * that Selenium never looks for (or downloads) a browser or a driver. Each browser gets a fresh profile
 * and download folder; screenshots go to {@code ops/target/screenshots/} for review.
 */
final class Browser implements AutoCloseable {

    static final File CHROMIUM = new File(System.getProperty("lms.it.chromium", "/usr/bin/chromium"));
    static final File DRIVER = new File(System.getProperty("lms.it.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = RunningPlatform.home().resolve("ops/target/screenshots");

    final ChromeDriver driver;
    final Path downloads;
    private final Path profile;

    /** A browser window of the given size (a phone is 390 × 844). */
    Browser(int width, int height) throws IOException {
        this(width, height, null);
    }

    /**
     * The same with a camera: the video file (Y4M or MJPEG, looped) is what the page's camera sees, and the page may use it
     * without asking.
     */
    Browser(int width, int height, Path camera) throws IOException {
        if (!CHROMIUM.canExecute() || !DRIVER.canExecute()) {
            throw new IllegalStateException(
                    "The browser tests need Debian's Chromium and its driver at " + CHROMIUM + " and " + DRIVER
                            + ": apt-get install chromium chromium-driver fonts-noto-cjk (or set -Dlms.it.chromium / -Dlms.it.chromedriver).");
        }
        profile = Files.createTempDirectory("it-chromium-");
        downloads = Files.createDirectories(profile.resolve("downloads"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--autoplay-policy=no-user-gesture-required",
                "--user-data-dir=" + profile.resolve("profile"),
                "--window-size=" + width + "," + height,
                "--lang=zh-CN");
        if (camera != null) {
            options.addArguments(
                    "--use-fake-device-for-media-stream",
                    "--use-fake-ui-for-media-stream",
                    "--use-file-for-fake-video-capture=" + camera);
        }
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory",
                        downloads.toString(),
                        "download.prompt_for_download",
                        false,
                        "intl.accept_languages",
                        "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER)
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    Browser() throws IOException {
        this(1280, 900);
    }

    void open(String path) {
        driver.get(RunningPlatform.uri(path).toString());
    }

    /** Signs in through the sign-in page and waits for the role's home page. */
    void signIn(String username, String password, String home) {
        open("/");
        WebElement user = waitFor(By.id("username"));
        user.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("signin-submit")).click();
        until(d -> d.getCurrentUrl().contains(home), Duration.ofSeconds(15));
    }

    WebElement waitFor(By by) {
        return waitFor(by, Duration.ofSeconds(20));
    }

    WebElement waitFor(By by, Duration timeout) {
        return new WebDriverWait(driver, patient(timeout)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Waits for the condition, at least {@link #PATIENCE}; on a timeout says what the page was showing (its alert and
     * notice) and saves a screenshot.
     */
    <T> T until(Function<WebDriver, T> condition, Duration timeout) {
        try {
            // A page that re-renders replaces the element being read: ask again rather than fail.
            return new WebDriverWait(driver, patient(timeout), Duration.ofMillis(250))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            String shot;
            try {
                shot = screenshot("timeout-" + System.currentTimeMillis()).toString();
            } catch (IOException | RuntimeException io) {
                shot = "no screenshot: " + io;
            }
            throw new AssertionError(
                    "waited " + patient(timeout) + " on " + driver.getCurrentUrl() + "; the page said: "
                            + js(
                                    "return ['problem', 'notice'].map(i => i + '=' + (document.getElementById(i)?.textContent || '')).join(' | ');")
                            + "; screenshot " + shot,
                    e);
        }
    }

    /**
     * The shortest wait for a page: the tests share two cores with ffmpeg, MariaDB and Chrome, and a request a page
     * makes can wait seconds behind a transcode (CI saw a catalogue table take over 10 s). A wait that runs out must
     * mean the page is broken, never that the machine was busy; waits that succeed end as soon as they can.
     */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private static Duration patient(Duration timeout) {
        return timeout.compareTo(PATIENCE) < 0 ? PATIENCE : timeout;
    }

    /**
     * Runs the page as a browser in {@code zone} would (an IANA name such as {@code America/Los_Angeles}): its clock,
     * {@code Date} and {@code datetime-local} fields, for this window and the pages opened in it after.
     */
    void timeZone(String zone) {
        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Whether the page is wider than the window (a phone would have to scroll sideways). */
    boolean overflowsHorizontally() {
        return (Boolean) js("return document.documentElement.scrollWidth > window.innerWidth + 1;");
    }

    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            RunningPlatform.deleteRecursively(profile);
        }
    }
}
