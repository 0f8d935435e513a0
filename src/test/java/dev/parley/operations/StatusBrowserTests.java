package dev.parley.operations;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.parley.operations.internal.alerts.MonitoringJob;
import dev.parley.platform.ClusterNodes;
import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import dev.parley.testing.Eventually;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.MailServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Technical support watches the system: he makes the CPU rule tighter in the console and
 * chooses to be told himself; the machine's CPU is made busy; the rule fires after its
 * duration, he gets the e-mail (GreenMail), sees the banner and the figures, and
 * acknowledges the alert. Screenshots in English and Chinese at desktop and phone width
 * with {@code -Dparley.screenshots=DIR}.
 */
class StatusBrowserTests extends IntegrationTest {

	private static MailServer mail;

	@Autowired
	private MonitoringJob job;

	@Autowired
	private ClusterNodes nodes;

	@Autowired
	private JdbcClient jdbc;

	@BeforeAll
	static void startMailServer() {
		mail = MailServer.onFreePorts();
	}

	@AfterAll
	static void stopMailServer() {
		mail.close();
	}

	@Test
	void technicalSupportIsToldWhenTheCpuStaysHighAndAcknowledgesTheAlert() {
		ApiClient admin = admin();
		assertThat(admin.put("/api/v1/mail-account", new HashMap<>(mail.account("parley@acme.test"))).status())
			.isEqualTo(200);
		String username = unique("tom");
		long tom = createUser(username, "support").path("id").asLong();
		JsonNode before = cpuRule(admin);
		// the log files are written at the real time: the fault's window must hold it
		long start = System.currentTimeMillis() / 60_000;
		this.clock.set(Instant.ofEpochSecond(start * 60));
		this.job.run(this.clock.instant());
		try (Browser browser = Browser.open(this.port)) {
			try {
				scenario(browser, username, tom, start);
			}
			catch (RuntimeException | AssertionError ex) {
				browser.screenshot("status-failure");
				System.out.println("PAGE: " + browser.find("body").getText() + " ERRORS " + browser.errors());
				throw ex;
			}
		}
		finally {
			Map<String, Object> restore = new HashMap<>();
			JsonNode now = cpuRule(admin);
			restore.put("comparison", "ABOVE");
			restore.put("threshold", before.path("threshold").decimalValue());
			restore.put("durationMinutes", before.path("durationMinutes").asInt());
			restore.put("severity", before.path("severity").asString());
			restore.put("enabled", true);
			restore.put("notifyEmail", true);
			restore.put("recipients", List.of());
			restore.put("version", now.path("version").asInt());
			assertThat(admin.put("/api/v1/operations/alert-rules/" + now.path("id").asLong(), restore).status())
				.isEqualTo(200);
			this.jdbc.sql("UPDATE ops_alert SET state = 'RESOLVED' WHERE state = 'FIRING'").update();
		}
	}

	private void scenario(Browser browser, String username, long tom, long start) {
		browser.recordErrors();
		signInFirstTime(browser, username);
		browser.click("a[data-nav=\"status\"]");
		browser.waitForText("h1", "Status");
		browser.waitFor("#status-cpu tr[data-metric=\"system.cpu\"]");
		browser.waitFor("#status-disk tr[data-metric=\"disk.used\"][data-dim=\"data\"]");
		browser.screenshotsInBothLanguages("status-figures", "#language-select");

		// the rule: above 40 % for 2 minutes, told by e-mail, himself only
		browser.click("#status-tab-rules");
		browser.click("#rule-edit-system\\.cpu");
		browser.type("#rule-form-system\\.cpu input[name=\"threshold\"]", "40");
		browser.type("#rule-form-system\\.cpu input[name=\"durationMinutes\"]", "2");
		browser.click("#rule-form-system\\.cpu input[type=\"checkbox\"][value=\"" + tom + "\"]");
		browser.screenshotsInBothLanguages("status-rule-editor", "#language-select");
		browser.click("#rule-save");
		browser.waitForText("#rules-notice", "The rule for System CPU is saved.");
		JsonNode rule = cpuRule(admin());
		assertThat(rule.path("threshold").decimalValue()).isEqualByComparingTo("40");
		assertThat(rule.path("recipients").get(0).asLong()).isEqualTo(tom);

		// the CPU made busy for two sampled minutes; the third evaluates them
		AtomicBoolean busy = new AtomicBoolean(true);
		List<Thread> spinners = new ArrayList<>();
		for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
			Thread spinner = new Thread(() -> {
				long x = 0;
				while (busy.get()) {
					x += System.nanoTime() % 7;
				}
				assertThat(x).isNotNegative();
			});
			spinner.setDaemon(true);
			spinner.start();
			spinners.add(spinner);
		}
		try {
			for (int minute = 1; minute <= 2; minute++) {
				long at = start + minute;
				Eventually.until("the CPU above 40 % in minute " + minute, () -> {
					this.clock.set(Instant.ofEpochSecond(at * 60 + 5));
					this.job.run(this.clock.instant());
					return cpuAt(at).compareTo(BigDecimal.valueOf(40)) > 0;
				});
			}
		}
		finally {
			busy.set(false);
		}
		this.clock.set(Instant.ofEpochSecond((start + 3) * 60 + 5));
		this.job.run(this.clock.instant());
		// other rules may fire beside it (conversations other tests left waiting): he is
		// told of each, the CPU among them
		Eventually.until("the CPU alert's e-mail", () -> mail.messagesTo(username + "@example.com")
			.stream()
			.anyMatch((message) -> subject(message).contains("Warning") && subject(message).contains("System CPU")));
		ApiClient admin = admin();
		for (JsonNode other : admin.get("/api/v1/operations/alerts/firing").json()) {
			if (!other.path("metric").asString().equals("system.cpu")) {
				admin.post("/api/v1/operations/alerts/" + other.path("id").asLong() + "/acknowledge", Map.of());
			}
		}

		browser.go("/console/status?tab=alerts");
		browser.waitFor("#alert-banner");
		assertThat(browser.find("#alert-banner").getText()).contains("1 alert is firing", "System CPU");
		browser.waitFor("#alerts-firing li[data-metric=\"system.cpu\"]");
		browser.screenshotsInBothLanguages("status-alerts", "#language-select");
		browser.click("#alerts-firing li[data-metric=\"system.cpu\"] button");
		browser.waitFor("#alerts-firing li[data-metric=\"system.cpu\"] .ack");
		browser.waitUntilGone("#alert-banner");

		// a fault record from the alert: what it says is filled in
		browser.click("#alerts-firing li[data-metric=\"system.cpu\"] [data-open-fault]");
		browser.waitFor("#fault-title");
		assertThat(browser.find("#fault-title").getDomProperty("value")).contains("System CPU");
		assertThat(browser.find("#fault-observed").getDomProperty("value")).contains("threshold of 40 %");
		assertThat(browser.find("#fault-class").getDomProperty("value")).isEqualTo("LOAD");
		browser.click("#fault-function-CHAT");
		browser.click("#fault-report-save");
		browser.waitForText("[data-fault-status]", "Reported");
		browser.waitFor("[data-evidence] [data-phase=\"OPENED\"] [data-kind=\"ALERTS\"] [data-alert]");
		browser.waitFor("[data-evidence] [data-phase=\"OPENED\"] [data-kind=\"METRICS\"] canvas");
		assertThat(browser.find("[data-evidence] [data-phase=\"OPENED\"] [data-kind=\"ALERTS\"]").getText())
			.contains("System CPU");
		String faultPath = browser.path();

		// the logs of the fault's window: the alert's own line among them
		browser.click("#fault-logs");
		browser.waitFor("tr.logs-row");
		browser.waitUntil((driver) -> browser.find("table").getText().contains("Alert fired: system.cpu"));
		browser.screenshotsInBothLanguages("status-fault-logs", "#language-select");

		// fixed, recovered, resolved with its summary, reviewed
		browser.go(faultPath);
		browser.waitForText("[data-fault-status]", "Reported");
		browser.type("#fault-note", "The load test left spinning threads");
		browser.click("[data-move=\"INVESTIGATING\"]");
		browser.waitForText("[data-fault-status]", "Investigating");
		browser.click("[data-move=\"FIXING\"]");
		browser.waitForText("[data-fault-status]", "Fixing");
		browser.type("#fault-fix", "Stopped the spinning threads");
		browser.click("[data-move=\"RECOVERING\"]");
		browser.waitForText("[data-fault-status]", "Recovering");
		browser.type("#fault-verification", "System CPU back under 40 % on the status screen");
		browser.type("#fault-cause", "A runaway load test on the application server");
		browser.type("#fault-impact", "Slower answers for three minutes");
		browser.type("#fault-prevention", "Load tests run on their own machine");
		browser.click("[data-move=\"RESOLVED\"]");
		browser.waitForText("[data-fault-status]", "Resolved");
		browser.waitFor("[data-evidence] [data-phase=\"RESOLVED\"]");
		browser.click("[data-move=\"REVIEWED\"]");
		browser.waitForText("[data-fault-status]", "Reviewed");
		browser.screenshotsInBothLanguages("status-fault-reviewed", "#language-select");
		assertThat(browser.errors()).isEmpty();
	}

	private void signInFirstTime(Browser browser, String username) {
		ApiClient client = client();
		client.login(username, INITIAL_PASSWORD);
		assertThat(client
			.post("/api/v1/session/password", Map.of("currentPassword", INITIAL_PASSWORD, "newPassword", OWN_PASSWORD))
			.status()).isEqualTo(204);
		browser.signIn(username, OWN_PASSWORD);
	}

	private BigDecimal cpuAt(long minute) {
		return this.jdbc
			.sql("SELECT val FROM ops_sample WHERE metric = 'system.cpu' AND node = ? AND at_minute = ? AND dim = ''")
			.params(this.nodes.thisNode().id(), minute)
			.query(BigDecimal.class)
			.optional()
			.orElse(BigDecimal.ZERO);
	}

	private static JsonNode cpuRule(ApiClient admin) {
		for (JsonNode rule : admin.get("/api/v1/operations/alert-rules").json()) {
			if (rule.path("metric").asString().equals("system.cpu")) {
				return rule;
			}
		}
		throw new AssertionError("no CPU rule");
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new AssertionError(ex);
		}
	}

}
