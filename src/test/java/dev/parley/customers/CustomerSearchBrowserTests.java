package dev.parley.customers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent finds a customer on the customer list by a tag, and from the top bar's search
 * box by a fragment of his Chinese name, and opens him. Screenshots of the list and the
 * search box (English, Simplified and Traditional Chinese; desktop and phone width) go to
 * {@code target/screenshots}.
 */
class CustomerSearchBrowserTests extends IntegrationTest {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@Autowired
	JdbcClient jdbc;

	TestCustomers customers;

	@Autowired
	void customers(ApplicationEventPublisher events, PlatformTransactionManager manager) {
		this.customers = new TestCustomers(this.jdbc, events, manager, this.clock);
	}

	@Test
	void anAgentFindsACustomerByTagAndByAChineseNameFragmentAndOpensHim() {
		String tag = unique("vip");
		long wang = this.customers.customer("王小明", "上海星辰贸易有限公司", tag, "shanghai");
		long other = this.customers.customer("Li Lei", "Acme", "shanghai");
		this.customers.customer("陳大文", "香港貿易公司", "hongkong");
		String username = unique("agent");
		createUser(username, "agent");
		ApiClient api = client();
		assertThat(api.login(username, INITIAL_PASSWORD).status()).isEqualTo(200);
		assertThat(api
			.post("/api/v1/session/password", Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD))
			.status()).isEqualTo(204);

		try (Browser browser = Browser.open(this.port)) {
			browser.recordErrors();
			browser.signIn(username, OWN_PASSWORD);
			browser.click("a[data-nav=\"customers\"]");
			browser.waitForText("h1", "Customers");
			browser.type("#customer-tags", tag);
			browser.click("#customer-search");
			browser.waitUntil((driver) -> browser.findAll("[data-customer]").size() == 1);
			assertThat(browser.find("[data-customer=\"" + wang + "\"]").getText()).contains("王小明", tag);
			assertThat(browser.findAll("[data-customer=\"" + other + "\"]")).isEmpty();
			screenshots(browser, "customers-list");

			browser.type("#global-search", "小明");
			browser.waitFor("[data-search-customer=\"" + wang + "\"]");
			assertThat(browser.find("#global-search").getDomAttribute("aria-expanded")).isEqualTo("true");
			screenshots(browser, "customers-search-box");
			browser.keys("#global-search", Keys.ARROW_DOWN);
			assertThat(browser.find("#global-search").getDomAttribute("aria-activedescendant"))
				.isEqualTo("global-search-option-0");
			browser.keys("#global-search", Keys.ENTER);
			browser.waitForPath("/console/customers/" + wang);

			browser.go("/console/customers?tag=" + tag);
			browser.waitFor("[data-customer=\"" + wang + "\"] a");
			browser.click("[data-customer=\"" + wang + "\"] a");
			browser.waitForPath("/console/customers/" + wang);
			assertThat(browser.errors()).isEmpty();
		}
	}

	/** The page in the three languages, on a desktop and on a phone 390 pixels wide. */
	private static void screenshots(Browser browser, String name) {
		ChromeDriver chrome = (ChromeDriver) browser.driver();
		for (String language : List.of("en", "zh-CN", "zh-TW")) {
			browser.select("#language-select", language);
			browser.waitUntil((driver) -> language.equals(browser.script("return document.documentElement.lang")));
			save(chrome, name + "-" + language + "-desktop");
			chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
			browser.waitUntil((driver) -> ((Number) browser.script("return window.innerWidth")).intValue() == 390);
			save(chrome, name + "-" + language + "-phone");
			chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
			browser.waitUntil((driver) -> ((Number) browser.script("return window.innerWidth")).intValue() > 1000);
		}
		browser.select("#language-select", "en");
		browser.waitUntil((driver) -> "en".equals(browser.script("return document.documentElement.lang")));
	}

	private static void save(ChromeDriver chrome, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
			Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
