package com.creditdiligence.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium, driven through its own chromedriver (nothing is downloaded: this network
 * reaches no browser store), speaking Chinese first as a Chinese customer manager's browser does.
 * Every {@link #step} saves a screenshot under {@code target/e2e/<suite>/} and fails on any console
 * error of the page that the step did not expect.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** Set by .ci/run: there a missing browser is a failure, not a reason to skip. */
  static final String REQUIRED = "CREDIT_DILIGENCE_E2E";

  /**
   * Camunda's own login page asks who is signed in before anyone is, and the server's answer is a 404:
   * the webapps' way of saying "nobody", not an error of any page of ours.
   */
  private static final String CAMUNDA_WHO_IS_SIGNED_IN = "/camunda/api/admin/auth/user/default";

  /** Tall enough for the longest form (the investigation's checklist), small enough for a PNG to open. */
  private static final int MAX_SCREENSHOT_HEIGHT = 12_000;

  private final ChromeDriver driver;
  private final String baseUrl;
  private final Path screenshots;
  private final Path downloads;
  private int stepNumber;

  private Browser(ChromeDriver driver, String baseUrl, Path screenshots, Path downloads) {
    this.driver = driver;
    this.baseUrl = baseUrl;
    this.screenshots = screenshots;
    this.downloads = downloads;
  }

  /** The users' zone: they sit in Beijing, and so do their browsers, whatever the machine's zone. */
  static final String USERS_TIME_ZONE = "Asia/Shanghai";

  /**
   * A Chinese user's browser in Beijing. Skips the calling test where no Chromium is installed, unless .ci/run says
   * the suite must run.
   */
  static Browser open(String baseUrl, String suite) {
    return open(baseUrl, suite, "zh-CN");
  }

  /**
   * A browser in Beijing whose first language is the given one ("zh-CN", "en-US"): the language Tasklist, form-js and
   * the date formats of the page (Intl) follow.
   */
  static Browser open(String baseUrl, String suite, String language) {
    return open(baseUrl, suite, language, USERS_TIME_ZONE);
  }

  /**
   * A browser in the given time zone ("Asia/Shanghai"), as the users' browsers are, whatever the server's zone:
   * Tasklist shows times in the browser's zone. Null keeps the machine's zone.
   */
  static Browser open(String baseUrl, String suite, String language, String timeZone) {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed && "required".equals(System.getenv(REQUIRED))) {
      throw new IllegalStateException(
          "The browser suite must run here, but "
              + CHROMIUM
              + " or "
              + CHROMEDRIVER
              + " is missing: apt-get install -y chromium chromium-driver fonts-noto-cjk");
    }
    Assumptions.assumeTrue(
        installed, "Chromium is not installed (apt-get install chromium chromium-driver)");
    try {
      Path output = Path.of("target", "e2e", suite).toAbsolutePath();
      FileSystemUtils.deleteRecursively(output);
      Path screenshots = Files.createDirectories(output.resolve("screenshots"));
      Path downloads = Files.createDirectories(output.resolve("downloads"));
      Path profile = Files.createTempDirectory("credit-diligence-chromium-");

      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      // The flags that work on this closed network: nothing in the background reaches for Google's
      // hosts.
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
          "--user-data-dir=" + profile,
          "--window-size=1440,1100",
          "--lang=" + language);
      options.setExperimentalOption(
          "prefs",
          Map.of(
              "intl.accept_languages",
              language + "," + language.split("-")[0] + ("zh-CN".equals(language) ? ",en" : ""),
              "download.default_directory",
              downloads.toString(),
              "download.prompt_for_download",
              false));
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.BROWSER, Level.ALL);
      options.setCapability("goog:loggingPrefs", logs);

      ChromeDriverService.Builder driverService =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(CHROMEDRIVER.toFile())
              .usingAnyFreePort();
      if (timeZone != null) {
        // Chromium takes its zone from TZ, which it inherits from chromedriver.
        driverService.withEnvironment(Map.of("TZ", timeZone));
      }
      ChromeDriverService service = driverService.build();
      return new Browser(new ChromeDriver(service, options), baseUrl, screenshots, downloads);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void go(String path) {
    driver.get(baseUrl + path);
  }

  ChromeDriver driver() {
    return driver;
  }

  Path downloads() {
    return downloads;
  }

  WebElement waitFor(By locator) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  WebElement waitForClickable(By locator) {
    return waiting().until(ExpectedConditions.elementToBeClickable(locator));
  }

  WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(45));
  }

  Object script(String javascript, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
  }

  /**
   * Ends a step: its screenshot, then the page's console, which must hold no error but those the step
   * expects (each named by a fragment of its text, e.g. the URL of a refused submission).
   */
  Path step(String name, String... expectedErrors) {
    Path file = screenshots.resolve("%02d-%s.png".formatted(++stepNumber, name));
    try {
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> unexpected = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      String message = entry.getMessage();
      boolean expected =
          message.contains(CAMUNDA_WHO_IS_SIGNED_IN)
              || Arrays.stream(expectedErrors).anyMatch(message::contains);
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !expected) {
        unexpected.add(message);
      }
    }
    assertThat(unexpected).as("console errors at step %s (screenshot %s)", name, file).isEmpty();
    return file;
  }

  /**
   * Ends a step like {@link #step}, with the window made as tall as the element's content first, so
   * that the screenshot shows a long form whole (Tasklist scrolls it inside its pane otherwise).
   */
  Path stepShowingAll(String name, String cssSelector, String... expectedErrors) {
    Dimension before = driver.manage().window().getSize();
    Number content =
        (Number)
            script(
                "const e = document.querySelector(arguments[0]);"
                    + " return e ? e.scrollHeight : 0;",
                cssSelector);
    int height =
        Math.min(MAX_SCREENSHOT_HEIGHT, Math.max(before.getHeight(), content.intValue() + 400));
    driver.manage().window().setSize(new Dimension(before.getWidth(), height));
    try {
      return step(name, expectedErrors);
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  /**
   * Whether Chinese text is drawn with real glyphs: a CJK character drawn on a canvas must differ from
   * an unassigned code point, which every font draws as the same empty box (tofu). Without a CJK font
   * (Debian's fonts-noto-cjk) both are that box and screenshots show no Chinese at all.
   */
  boolean drawsChinese() {
    Object differs =
        script(
            """
        function pixels(text) {
          const canvas = document.createElement('canvas');
          canvas.width = 40; canvas.height = 40;
          const context = canvas.getContext('2d');
          context.font = '32px sans-serif';
          context.fillText(text, 2, 32);
          return Array.from(context.getImageData(0, 0, 40, 40).data).join(',');
        }
        return pixels('审') !== pixels('\\u0378');
        """);
    return Boolean.TRUE.equals(differs);
  }

  /**
   * Forgets the signed-in user: the next page starts at a login. The open page is left first, so that
   * its polling (Tasklist refreshes its counts) does not run on without a session and log 401s.
   */
  void forgetSession() {
    driver.get("about:blank");
    driver.manage().deleteAllCookies();
  }

  /** Keeps the last screen too, so that a failed step can be seen, not only read. */
  @Override
  public void close() {
    try {
      Files.write(
          screenshots.resolve("%02d-last.png".formatted(stepNumber + 1)),
          driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException | RuntimeException e) {
      // the browser may be what failed: its screenshot is a help, never a second failure
    } finally {
      driver.quit();
    }
  }
}
