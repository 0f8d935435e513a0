package dev.parley.customers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From the inbox to the customer page: the visitor panel shows the customer, "open
 * customer" opens his page, the contacts are masked until revealed, a note lands on the
 * timeline, and his conversation opens as a transcript.
 */
class CustomerBrowserTests extends IntegrationTest {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAgentOpensTheCustomerFromTheInboxAndWorksOnHisRecord() {
		CustomerFixtures f = new CustomerFixtures(admin(), this::client, this.jdbc);
		CustomerFixtures.Visitor v = f.started(f.channel(unique("Site")),
				Map.of("question", "我的订单还没到", "name", "王芳", "email", "wang.fang@example.com"));
		try (Browser browser = Browser.open(this.port)) {
			browser.signIn(ADMIN, ADMIN_PASSWORD);
			browser.go("/console/inbox?view=waiting&conversation=" + v.conversationId());
			browser.waitFor("#visitor-customer[data-customer-id=\"" + v.customerId() + "\"]");
			browser.waitForText("#visitor-customer", "王芳");
			browser.waitForText("[data-field=email]", "wang.fang@example.com");
			save(browser, "inbox-panel");
			browser.click("#open-customer");
			browser.waitForPath("/console/customers/" + v.customerId());
			browser.waitForText("#customer-name", "王芳");
			browser.waitForText("#customer-contacts", "w***@example.com");
			browser.click("#customer-reveal");
			browser.waitForText("#customer-contacts", "wang.fang@example.com");

			browser.type("#customer-note", "Called about order 1024");
			browser.click("#customer-note-add");
			browser.waitForText("#customer-notes", "Called about order 1024");
			browser.type("#customer-tags", "vip, 上海");
			browser.click("#customer-save");
			browser.waitFor("#customer-saved");
			browser.waitFor("#customer-timeline [data-kind=NOTE_ADDED]");
			browser.waitFor("#customer-timeline [data-kind=CONVERSATION_STARTED]");
			save(browser, "customer-page");
			browser.script("document.getElementById('customer-timeline').scrollIntoView()");
			save(browser, "customer-page-timeline");

			browser.click("#customer-conversations [data-conversation-id=\"" + v.conversationId() + "\"] button");
			browser.waitForText("#customer-transcript", "我的订单还没到");
			save(browser, "customer-transcript");
			browser.press(org.openqa.selenium.Keys.ESCAPE);
			browser.waitUntilGone("#customer-transcript");

			((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
			browser.waitUntil((driver) -> ((Number) browser.script("return window.innerWidth")).intValue() == 390);
			save(browser, "customer-page-phone");
			browser.select("#language-select", "zh-CN");
			browser.waitUntil((driver) -> "zh-CN".equals(browser.script("return document.documentElement.lang")));
			save(browser, "customer-page-phone-zh-CN");
			browser.go("/console/customer-settings");
			browser.waitFor("#level-form");
			save(browser, "customer-settings-phone-zh-CN");
			browser.select("#language-select", "en");
		}
		assertThat(admin().get("/api/v1/customers/" + v.customerId()).json().path("tags").toString()).contains("vip")
			.contains("上海");
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'customer.pii.revealed' AND target = ?")
					.param("customer " + v.customerId())
					.query(Integer.class)
					.single())
			.isEqualTo(1);
	}

	@Test
	void aBlockedCustomersWidgetSaysSoPolitelyAndOffersNoComposer() {
		CustomerFixtures f = new CustomerFixtures(admin(), this::client, this.jdbc);
		CustomerFixtures.Visitor v = f.started(f.channel(unique("Site")), Map.of("question", "spam spam"));
		assertThat(
				admin().post("/api/v1/customers/" + v.customerId() + "/block", Map.of("reason", "Spam links")).status())
			.isEqualTo(200);
		try (Browser visitor = Browser.open(this.port)) {
			// a page of the same origin that starts no widget (the frame would register a
			// visitor of its own and could store his token after ours)
			visitor.go("/api/v1/widget/channels/" + v.channelKey());
			visitor.script("localStorage.setItem(arguments[0], arguments[1])", "parley.visitor." + v.channelKey(),
					v.token());
			visitor.go("/widget/frame?channel=" + v.channelKey());
			visitor.waitFor("#blocked");
			assertThat(visitor.findAll("textarea")).as("no composer").isEmpty();
			assertThat(visitor.find("#blocked").getText()).doesNotContain("Spam links");
			save(visitor, "widget-blocked");
		}
	}

	@Test
	void aNumberAttributeIsSavedFromTheCustomerPageAndARefusalNamesItsLabel() {
		CustomerFixtures f = new CustomerFixtures(admin(), this::client, this.jdbc);
		CustomerFixtures.Visitor v = f.started(f.channel(unique("Site")), Map.of("question", "订单数量"));
		String key = unique("orders").replace('-', '_');
		long attributeId = admin()
			.post("/api/v1/customer-attributes",
					Map.of("key", key, "label", "订单数 Orders", "type", "NUMBER", "min", 0, "max", 10))
			.json()
			.path("id")
			.asLong();
		try (Browser browser = Browser.open(this.port)) {
			browser.signIn(ADMIN, ADMIN_PASSWORD);
			browser.go("/console/customers/" + v.customerId());
			browser.type("#attr-" + key, "12");
			browser.click("#customer-save");
			browser.waitForText(".customer-page .problem", "订单数 Orders");
			browser.type("#attr-" + key, "7");
			browser.click("#customer-save");
			browser.waitFor("#customer-saved");
			assertThat(admin().get("/api/v1/customers/" + v.customerId()).json().path("attributes").toString())
				.contains("\"value\":7");
		}
		finally {
			admin().delete("/api/v1/customer-attributes/" + attributeId);
		}
	}

	private static void save(Browser browser, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			byte[] png = ((ChromeDriver) browser.driver()).getScreenshotAs(OutputType.BYTES);
			Files.write(SCREENSHOTS.resolve("customers-" + name + ".png"), png);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
