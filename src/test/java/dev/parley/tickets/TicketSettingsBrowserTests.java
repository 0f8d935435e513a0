package dev.parley.tickets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's ticket settings: an administrator creates an SLA policy (and moves it
 * up), a category with a subcategory and a CHOICE field through the screen, and finds
 * them over the API; a category in use is refused with a translated message, as is a
 * policy without a target; an agent has no menu entry and is refused the screen.
 * Screenshots of the SLA tab (desktop and phone, English and Chinese) go to
 * target/screenshots/ticket-settings-*.png.
 */
class TicketSettingsBrowserTests extends IntegrationTest {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdministratorKeepsPoliciesCategoriesAndFieldsAndAnAgentCannot() {
		TicketFixtures fixtures = new TicketFixtures(this.jdbc, admin());
		String suffix = unique("s");
		long group = fixtures.group("Escalations " + suffix, List.of());
		String first = "Catch-up " + suffix;
		String policy = "VIP complaints " + suffix;
		String top = "Billing " + suffix;
		String key = "reason_" + suffix.replaceAll("[^a-z0-9]", "").toLowerCase();
		List<String> cleanup = new ArrayList<>();
		ApiClient.Response existing = admin().post("/api/v1/ticket-sla-policies",
				Map.of("name", first, "groupId", group, "priority", "LOW", "firstResponseMinutes", 60));
		assertThat(existing.status()).as(existing.toString()).isEqualTo(201);
		cleanup.add("/api/v1/ticket-sla-policies/" + existing.json().path("id").asLong());
		try {
			administratorUsesTheScreen(fixtures, group, suffix, first, policy, top, key, cleanup);
			assertCreated(group, policy, key);
		}
		finally {
			for (JsonNode field : admin().get("/api/v1/ticket-fields").json()) {
				if (field.path("key").asString().equals(key)) {
					cleanup.add("/api/v1/ticket-fields/" + field.path("id").asLong());
				}
			}
			JsonNode created = findPolicy(policy);
			if (created != null) {
				cleanup.add("/api/v1/ticket-sla-policies/" + created.path("id").asLong());
			}
			for (String path : cleanup) {
				admin().delete(path);
			}
		}
	}

	private void administratorUsesTheScreen(TicketFixtures fixtures, long group, String suffix, String first,
			String policy, String top, String key, List<String> cleanup) {
		try (Browser browser = Browser.open(this.port)) {
			browser.recordErrors();
			browser.signIn(ADMIN, ADMIN_PASSWORD);
			browser.waitFor("a[data-nav=ticket-settings]");
			browser.click("a[data-nav=ticket-settings]");
			browser.waitForPath("/console/ticket-settings");

			// an SLA policy through the dialog, then moved above the one before it
			browser.waitFor("#sla-add");
			browser.click("#sla-add");
			browser.waitFor("#sla-dialog");
			browser.type("#sla-name", policy);
			browser.select("#sla-priority", "HIGH");
			browser.select("#sla-type", "COMPLAINT");
			browser.select("#sla-group", String.valueOf(group));
			browser.type("#sla-first-hours", "2");
			browser.type("#sla-first-minutes", "30");
			browser.type("#sla-resolution-hours", "24");
			browser.type("#sla-warn-minutes", "15");
			browser.click("#sla-calendar-always");
			browser.click("#sla-raise");
			browser.select("#sla-escalate-group", String.valueOf(group));
			browser.click("#sla-save");
			browser.waitUntilGone("#sla-dialog");
			String row = "#sla-policy-list [data-policy=\"" + policy + "\"]";
			browser.waitForText(row + " [data-target=FIRST_RESPONSE]", "2 h 30 min");
			int before = policyNames().indexOf(policy);
			assertThat(before).isGreaterThan(policyNames().indexOf(first));
			browser.click(row + " [data-move=up]");
			browser.waitUntil((d) -> policyNames().indexOf(policy) == before - 1);
			browser.waitForText(row + " .sla-position", String.valueOf(policyNames().indexOf(policy) + 1));
			save(browser, "sla");

			// a refusal from the server is shown translated, in the dialog
			browser.click(row + " [data-edit]");
			browser.waitFor("#sla-dialog");
			browser.keys("#sla-name", Keys.chord(Keys.CONTROL, "a"), " ");
			browser.click("#sla-save");
			browser.waitFor("#sla-dialog .problem");
			assertThat(findPolicy(policy)).as("nothing changed").isNotNull();
			browser.click("#sla-dialog [data-dialog-close]");
			browser.waitUntilGone("#sla-dialog");

			phone(browser);
			save(browser, "sla-phone");
			browser.click(row + " [data-edit]");
			browser.waitFor("#sla-dialog");
			save(browser, "sla-dialog-phone");
			browser.press(Keys.ESCAPE);
			browser.waitUntilGone("#sla-dialog");
			browser.select("#language-select", "zh-CN");
			browser.waitUntil((d) -> "zh-CN".equals(browser.script("return document.documentElement.lang")));
			browser.waitForText("#ticket-settings-tab-sla", "SLA 策略");
			save(browser, "sla-phone-zh-CN");
			desktop(browser);
			save(browser, "sla-zh-CN");
			browser.click(row + " [data-edit]");
			browser.waitFor("#sla-dialog");
			save(browser, "sla-dialog-zh-CN");
			browser.press(Keys.ESCAPE);
			browser.waitUntilGone("#sla-dialog");
			browser.select("#language-select", "en");
			browser.waitForText("#ticket-settings-tab-sla", "SLA policies");
			browser.click(row + " [data-edit]");
			browser.waitFor("#sla-dialog");
			save(browser, "sla-dialog");
			browser.press(Keys.ESCAPE);
			browser.waitUntilGone("#sla-dialog");

			// a category and a subcategory; one in use cannot be deleted
			browser.click("#ticket-settings-tab-categories");
			browser.waitFor("#category-form");
			browser.type("#category-name", top);
			browser.click("#category-add");
			browser.waitFor("#category-list [data-category=\"" + top + "\"]");
			browser.type("#category-name", "Refunds " + suffix);
			browser.selectByText("#category-parent", top);
			browser.click("#category-add");
			browser.waitFor("#category-list li.sub[data-category=\"Refunds " + suffix + "\"]");
			JsonNode billing = category(top);
			JsonNode refunds = category("Refunds " + suffix);
			cleanup.add(0, "/api/v1/ticket-categories/" + billing.path("id").asLong());
			cleanup.add(0, "/api/v1/ticket-categories/" + refunds.path("id").asLong());
			assertThat(refunds.path("parentId").asLong()).isEqualTo(billing.path("id").asLong());
			JsonNode ticket = fixtures.ticket(admin(), fixtures.customer("Settings " + suffix),
					Map.of("categoryId", refunds.path("id").asLong()));
			browser.click("#category-list [data-category=\"Refunds " + suffix + "\"] [data-delete]");
			browser.waitFor("#ticket-settings-confirm");
			browser.click("#ticket-settings-confirm-delete");
			browser.waitForText("#ticket-categories .problem", "Tickets are in this category");
			save(browser, "categories");
			browser.click("#category-list [data-category=\"" + top + "\"] [data-rename]");
			browser.type("#category-list [data-rename-input]", top + " & invoices");
			browser.click("#category-list [data-rename-save]");
			browser.waitFor("#category-list [data-category=\"" + top + " & invoices\"]");
			assertThat(category(top + " & invoices").path("id").asLong()).isEqualTo(billing.path("id").asLong());
			jdbc.sql("UPDATE ticket SET category_id = NULL WHERE id = ?").param(ticket.path("id").asLong()).update();

			// a CHOICE field
			browser.click("#ticket-settings-tab-fields");
			browser.waitFor("#field-form");
			browser.type("#field-key", key);
			browser.type("#field-label", "Reason");
			browser.select("#field-type", "CHOICE");
			browser.type("#field-choices", "Damaged\nLate\nWrong item");
			browser.click("#field-required");
			browser.click("#field-save");
			browser.waitForText("#field-table [data-field=" + key + "] [data-choices]", "Damaged, Late, Wrong item");
			save(browser, "fields");
			// edited: label, a choice more, no longer required, another position
			browser.click("#field-table [data-field=" + key + "] [data-edit]");
			browser.waitFor("#field-key[disabled]");
			browser.type("#field-label", "Return reason");
			browser.keys("#field-choices", Keys.END, "\nOther");
			browser.click("#field-required");
			browser.type("#field-position", "7");
			browser.click("#field-save");
			browser.waitForText("#field-table [data-field=" + key + "]", "Return reason");
			browser.waitForText("#field-table [data-field=" + key + "] [data-choices]", "Wrong item, Other");
			assertThat(browser.errors()).isEmpty();
		}
	}

	private void assertCreated(long group, String policy, String key) {
		JsonNode created = findPolicy(policy);
		assertThat(created).as("the policy over the API").isNotNull();
		assertThat(created.path("matchPriority").asString()).isEqualTo("HIGH");
		assertThat(created.path("matchType").asString()).isEqualTo("COMPLAINT");
		assertThat(created.path("matchGroupId").asLong()).isEqualTo(group);
		assertThat(created.path("firstResponseMinutes").asInt()).isEqualTo(150);
		assertThat(created.path("nextResponseMinutes").isNull()).isTrue();
		assertThat(created.path("resolutionMinutes").asInt()).isEqualTo(1440);
		assertThat(created.path("warnBeforeMinutes").asInt()).isEqualTo(15);
		assertThat(created.path("calendar").asString()).isEqualTo("ALWAYS");
		assertThat(created.path("escalateRaisePriority").asBoolean()).isTrue();
		assertThat(created.path("escalateGroupId").asLong()).isEqualTo(group);
		JsonNode field = null;
		for (JsonNode stored : admin().get("/api/v1/ticket-fields").json()) {
			if (stored.path("key").asString().equals(key)) {
				field = stored;
			}
		}
		assertThat(field).as("the field over the API").isNotNull();
		assertThat(field.path("type").asString()).isEqualTo("CHOICE");
		assertThat(field.path("label").asString()).isEqualTo("Return reason");
		assertThat(field.path("required").asBoolean()).isFalse();
		assertThat(field.path("position").asInt()).isEqualTo(7);
		assertThat(field.path("choices").toString()).isEqualTo("[\"Damaged\",\"Late\",\"Wrong item\",\"Other\"]");
	}

	@Test
	void anAgentHasNoMenuEntryAndIsRefusedTheScreen() {
		String agent = unique("agent");
		createUser(agent, "agent");
		ApiClient api = client();
		api.login(agent, INITIAL_PASSWORD);
		api.post("/api/v1/session/password", Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD));
		try (Browser browser = Browser.open(this.port)) {
			browser.recordErrors();
			browser.signIn(agent, OWN_PASSWORD);
			browser.waitFor("#current-user");
			browser.waitForFetches();
			assertThat(browser.findAll("a[data-nav=ticket-settings]")).isEmpty();
			browser.go("/console/ticket-settings");
			browser.waitFor("[data-forbidden]");
		}
	}

	private List<String> policyNames() {
		List<String> names = new ArrayList<>();
		admin().get("/api/v1/ticket-sla-policies").json().forEach((p) -> names.add(p.path("name").asString()));
		return names;
	}

	private JsonNode findPolicy(String name) {
		for (JsonNode stored : admin().get("/api/v1/ticket-sla-policies").json()) {
			if (stored.path("name").asString().equals(name)) {
				return stored;
			}
		}
		return null;
	}

	private JsonNode category(String name) {
		for (JsonNode stored : admin().get("/api/v1/ticket-categories").json()) {
			if (stored.path("name").asString().equals(name)) {
				return stored;
			}
		}
		throw new AssertionError("no category " + name);
	}

	private static void phone(Browser browser) {
		((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
		browser.waitUntil((d) -> ((Number) browser.script("return window.innerWidth")).intValue() == 390);
	}

	private static void desktop(Browser browser) {
		((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		browser.waitUntil((d) -> ((Number) browser.script("return window.innerWidth")).intValue() > 1000);
	}

	private static void save(Browser browser, String name) {
		browser.script("window.scrollTo(0, 0)");
		try {
			Files.createDirectories(SCREENSHOTS);
			byte[] png = ((ChromeDriver) browser.driver()).getScreenshotAs(OutputType.BYTES);
			Files.write(SCREENSHOTS.resolve("ticket-settings-" + name + ".png"), png);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
