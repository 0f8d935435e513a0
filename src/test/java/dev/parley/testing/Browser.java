package dev.parley.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A headless system Chromium driven by the system chromedriver (never a downloaded one).
 * Absent browser: skipped locally, a failure under {@code CI=true}.
 */
public final class Browser implements AutoCloseable {

	private static final String CHROMIUM = "/usr/bin/chromium";

	private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WebDriver driver;

	private final WebDriverWait wait;

	private final String base;

	private Browser(WebDriver driver, String base) {
		this.driver = driver;
		this.base = base;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
	}

	public static Browser open(int port) {
		return open(port, "127.0.0.1");
	}

	/**
	 * A browser that reaches Parley as {@code http://localhost:port}: a secure context
	 * without TLS, and a host name, as WebAuthn needs (a relying-party id is never an IP
	 * address).
	 */
	public static Browser openOnLocalhost(int port) {
		return open(port, "localhost");
	}

	private static Browser open(int port, String host) {
		if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
			ExternalServices.unavailable("Chromium", CHROMIUM + " or " + CHROMEDRIVER + " is not installed");
		}
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,900", "--lang=en-US");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.build();
		return new Browser(new ChromeDriver(service, options), "http://" + host + ":" + port);
	}

	public void go(String path) {
		this.driver.get(this.base + path);
	}

	public String path() {
		return java.net.URI.create(this.driver.getCurrentUrl()).getPath();
	}

	public void waitForPath(String path) {
		this.wait.until((d) -> path().equals(path));
	}

	public WebElement find(String css) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	public List<WebElement> findAll(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	public void type(String css, String text) {
		WebElement field = find(css);
		field.clear();
		field.sendKeys(text);
	}

	public void click(String css) {
		this.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
	}

	public void select(String css, String value) {
		new Select(find(css)).selectByValue(value);
	}

	public void selectByText(String css, String text) {
		new Select(find(css)).selectByVisibleText(text);
	}

	public void waitForText(String css, String text) {
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
	}

	/**
	 * Waits for an element matching the selector whose text contains {@code text} (not
	 * necessarily the first such element: lists may hold others) and clicks it.
	 */
	public void clickOneWithText(String css, String text) {
		this.wait
			.until((driver) -> driver.findElements(By.cssSelector(css))
				.stream()
				.filter((element) -> element.getText().contains(text))
				.findFirst()
				.orElse(null))
			.click();
	}

	public void waitUntilGone(String css) {
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(css)));
	}

	/** Continues inside the iframe matched by the selector. */
	public void enterFrame(String css) {
		this.wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector(css)));
	}

	/** Back to the top-level page. */
	public void leaveFrame() {
		this.driver.switchTo().defaultContent();
	}

	/** Chooses a file in a (possibly hidden) file input. */
	public void attach(String css, java.nio.file.Path file) {
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)))
			.sendKeys(file.toAbsolutePath().toString());
	}

	/** Types keys (e.g. text and {@code Keys.ENTER}) into a field without clearing it. */
	public void keys(String css, CharSequence... keys) {
		find(css).sendKeys(keys);
	}

	/** Signs in to the console and waits for it. */
	public void signIn(String username, String password) {
		go("/console/login");
		type("#login-username", username);
		type("#login-password", password);
		click("#login-submit");
		waitFor("#current-user");
	}

	/** Waits until an element matching the selector is visible. */
	public void waitFor(String css) {
		find(css);
	}

	/** Waits (boundedly) until the condition holds in this browser. */
	public <T> T waitUntil(Function<WebDriver, T> condition) {
		return this.wait.until(condition);
	}

	/** Runs a script in the current page (or frame) and returns its result. */
	public Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/** Presses keys (e.g. {@code Keys.TAB}) wherever the focus is. */
	public void press(CharSequence... keys) {
		focused().sendKeys(keys);
	}

	/** The element that has the keyboard focus. */
	public WebElement focused() {
		return this.driver.switchTo().activeElement();
	}

	/**
	 * From the next page on, records the page's WebSockets and lets the test stand in for
	 * the server: refuse a frame with an error code, drop frames on their way in, inject
	 * a frame, close a connection with a code
	 * ({@code src/test/resources/browser/socket-recorder.js}, reached through
	 * {@code window.__parleySockets}). The page's own code runs unchanged.
	 */
	public void recordSockets() {
		try (InputStream in = Browser.class.getResourceAsStream("/browser/socket-recorder.js")) {
			String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			((ChromeDriver) this.driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
					Map.of("source", source));
		}
		catch (IOException ex) {
			throw new IllegalStateException("socket-recorder.js is missing", ex);
		}
	}

	/**
	 * The frames of a type this page has sent over its sockets so far (after
	 * recordSockets).
	 */
	public List<JsonNode> sentFrames(String type) {
		String sent = (String) script(
				"return JSON.stringify(window.__parleySockets.sent.filter((f) => f.type === arguments[0]))", type);
		return JSON.readTree(sent).valueStream().toList();
	}

	/** The server seems to send this frame (JSON) on every open socket of the page. */
	public void injectFrame(String frameJson) {
		script("window.__parleySockets.inject(JSON.parse(arguments[0]))", frameJson);
	}

	/**
	 * From the next page on, keeps the page's uncaught errors, unhandled rejections and
	 * console errors ({@link #errors()}) and counts its fetches under way
	 * ({@link #waitForFetches()}); {@code src/test/resources/browser/error-recorder.js}.
	 */
	public void recordErrors() {
		addScriptToEveryPage("/browser/error-recorder.js");
	}

	/** The errors this page has reported so far (after recordErrors). */
	@SuppressWarnings("unchecked")
	public List<String> errors() {
		return (List<String>) script("return window.__parleyErrors ? [...window.__parleyErrors] : []");
	}

	/**
	 * Waits until the page has loaded and has no fetch under way (after recordErrors).
	 */
	public void waitForFetches() {
		this.wait.until((d) -> Boolean.TRUE
			.equals(script("return document.readyState === 'complete' && window.__parleyFetches === 0")));
	}

	private void addScriptToEveryPage(String resource) {
		try (InputStream in = Browser.class.getResourceAsStream(resource)) {
			String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			((ChromeDriver) this.driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
					Map.of("source", source));
		}
		catch (IOException ex) {
			throw new IllegalStateException(resource + " is missing", ex);
		}
	}

	/** Saves what the window shows as target/screenshots/{name}.png. */
	public void screenshot(String name) {
		try {
			java.nio.file.Path directory = java.nio.file.Path.of("target", "screenshots");
			java.nio.file.Files.createDirectories(directory);
			byte[] png = ((ChromeDriver) this.driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
			java.nio.file.Files.write(directory.resolve(name + ".png"), png);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * When {@code -Dparley.screenshots=DIR} is given: the page in English and Simplified
	 * Chinese (chosen in the page's own language select), each at 1366 x 900 and 390 x
	 * 844, saved as {@code DIR/{name}-{language}-desktop.png} and {@code -phone.png};
	 * English is chosen again afterwards.
	 */
	public void screenshotsInBothLanguages(String name, String languageSelect) {
		String directory = System.getProperty("parley.screenshots");
		if (directory == null) {
			return;
		}
		ChromeDriver chrome = (ChromeDriver) this.driver;
		for (String language : List.of("en", "zh-CN")) {
			chooseLanguage(languageSelect, language);
			chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", 1366, "height", 900, "deviceScaleFactor", 1, "mobile", false));
			waitUntil((driver) -> ((Number) script("return window.innerWidth")).intValue() == 1366);
			capture(chrome, java.nio.file.Path.of(directory, name + "-" + language + "-desktop.png"));
			chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
			waitUntil((driver) -> ((Number) script("return window.innerWidth")).intValue() == 390);
			capture(chrome, java.nio.file.Path.of(directory, name + "-" + language + "-phone.png"));
			chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
			waitUntil((driver) -> ((Number) script("return window.innerWidth")).intValue() > 1000);
		}
		chooseLanguage(languageSelect, "en");
	}

	private void chooseLanguage(String languageSelect, String language) {
		select(languageSelect, language);
		waitUntil((driver) -> language.equals(script("return document.documentElement.lang")));
	}

	private static void capture(ChromeDriver chrome, java.nio.file.Path target) {
		try {
			java.nio.file.Files.createDirectories(target.getParent());
			Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot",
					Map.of("format", "png", "captureBeyondViewport", false));
			java.nio.file.Files.write(target, java.util.Base64.getDecoder().decode((String) shot.get("data")));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * Gives the browser Chromium's virtual authenticator, a platform passkey device that
	 * verifies its user at once (CTAP2, internal, resident keys, user verification).
	 * @return its id
	 */
	public VirtualAuthenticator virtualAuthenticator() {
		return ((HasVirtualAuthenticator) this.driver).addVirtualAuthenticator(
				new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
					.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
					.setHasResidentKey(true)
					.setHasUserVerification(true)
					.setIsUserVerified(true)
					.setIsUserConsenting(true));
	}

	public WebDriver driver() {
		return this.driver;
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
