package dev.parley.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator plans the backups in the console (a schedule with its next runs, a
 * refused retention shown beside its field, the directory), takes a backup now, verifies
 * it, and restores it after a user was added: the dialog asks for the installation's
 * name, shows the integrity report, and the user is gone afterwards. The home page then
 * names the last good backup. Screenshots in English and Chinese, desktop and phone
 * width, go to {@code target/screenshots}.
 */
class BackupBrowserTests extends IntegrationTest {

	private static final String STRATEGY = "/api/v1/operations/backup-strategy";

	@TempDir
	Path directory;

	@Test
	void anAdministratorBacksUpVerifiesAndRestores() throws Exception {
		JsonNode before = admin().get(STRATEGY).json();
		String organisation = admin().get("/api/v1/session").json().path("organisation").path("name").asString();
		try (Browser browser = Browser.open(this.port)) {
			try {
				scenario(browser, organisation);
			}
			catch (RuntimeException | AssertionError ex) {
				screenshot(browser, "backups-failure", 1280);
				System.out.println("PAGE: " + browser.find("main").getText() + " ERRORS " + browser.errors());
				throw ex;
			}
		}
		finally {
			admin().put(STRATEGY, before);
		}
	}

	private void scenario(Browser browser, String organisation) throws Exception {
		ApiClient admin = admin();
		browser.recordErrors();
		browser.signIn(ADMIN, ADMIN_PASSWORD);
		browser.click("a[data-nav=\"backups\"]");
		browser.waitForText("h1", "Backups");

		// the strategy: a schedule with its preview, a refused retention, the
		// directory
		browser.click("[data-tab=\"strategy\"]");
		browser.select("#schedule-LOGICAL-preset", "daily");
		assertThat(browser.find("#schedule-LOGICAL").getDomProperty("value")).isEqualTo("0 0 2 * * *");
		browser.waitFor("[data-preview-for=\"schedule-LOGICAL\"] li");
		assertThat(browser.findAll("[data-preview-for=\"schedule-LOGICAL\"] li")).hasSize(5);
		browser.type("#schedule-HOT", "every day");
		browser.waitFor("[data-error-for=\"schedule-HOT\"]");
		assertThat(browser.find("#schedule-HOT").getDomAttribute("aria-invalid")).isEqualTo("true");
		browser.select("#schedule-HOT-preset", "off");
		browser.waitUntilGone("[data-error-for=\"schedule-HOT\"]");
		browser.type("#strategy-directory", this.directory.toString());
		browser.type("#strategy-keepDaily", "0");
		browser.click("#strategy-save");
		browser.waitFor("[data-error-for=\"keepDaily\"]");
		assertThat(browser.find("#strategy-keepDaily").getDomAttribute("aria-invalid")).isEqualTo("true");
		browser.type("#strategy-keepDaily", "7");
		browser.click("#strategy-save");
		browser.waitForText(".notice", "The backup strategy was saved.");
		JsonNode saved = admin.get(STRATEGY).json();
		assertThat(saved.path("schedules").path("LOGICAL").asString()).isEqualTo("0 0 2 * * *");
		assertThat(saved.path("directory").asString()).isEqualTo(this.directory.toString());
		screenshot(browser, "backups-strategy-en-desktop", 1280);
		screenshot(browser, "backups-strategy-en-phone", 390);

		// a logical backup now, then its verification
		browser.click("[data-tab=\"catalogue\"]");
		browser.click("#backup-kind-LOGICAL");
		browser.click("#backup-start");
		browser.waitFor("tr[data-backup]");
		String id = browser.find("tr[data-backup]").getDomAttribute("data-backup");
		browser.waitFor("tr[data-backup=\"" + id + "\"][data-status=\"SUCCEEDED\"]");
		assertThat(backupFiles()).isPositive();
		browser.click("[data-verify=\"" + id + "\"]");
		browser.waitFor("tr[data-backup=\"" + id + "\"][data-verification=\"PASSED\"]");
		assertThat(browser.find("tr[data-backup=\"" + id + "\"] [data-verification-detail]").getText())
			.startsWith("Restored into a scratch database and checked:");
		screenshot(browser, "backups-catalogue-en-desktop", 1280);
		screenshot(browser, "backups-catalogue-en-phone", 390);

		// a change after the backup, undone by the restore
		String username = unique("after-backup");
		long userId = createUser(username, "agent").path("id").asLong();
		browser.click("[data-restore=\"" + id + "\"]");
		browser.waitFor("#restore-confirmation");
		assertThat(browser.find("#restore-start").isEnabled()).isFalse();
		browser.type("#restore-confirmation", organisation + "x");
		assertThat(browser.find("#restore-start").isEnabled()).isFalse();
		screenshot(browser, "backups-restore-en-phone", 390);
		browser.type("#restore-confirmation", organisation);
		browser.click("#restore-start");
		browser.waitFor("[data-restore-done]");
		browser.waitForText("[data-integrity-summary]", "The integrity check passed.");
		assertThat(browser.find("[data-report-tables]").getText()).contains("tables and").contains("rows checked");
		screenshot(browser, "backups-restore-en-desktop", 1280);
		browser.click("#restore-close");
		assertThat(admin().get("/api/v1/users/" + userId).status()).isEqualTo(404);

		browser.click("[data-tab=\"restores\"]");
		browser.waitFor("[data-restore][data-status=\"SUCCEEDED\"]");

		browser.go("/console/");
		browser.waitFor("#home-backups [data-last-backup]");
		assertThat(browser.find("#home-backups").getText()).contains("Last successful backup");

		// the file deleted, the entry kept
		browser.go("/console/backups");
		browser.click("[data-delete=\"" + id + "\"]");
		browser.click("#backup-delete-confirm");
		browser.waitFor("tr[data-backup=\"" + id + "\"][data-status=\"DELETED\"]");
		assertThat(backupFiles()).isZero();

		browser.script("localStorage.setItem('parley.language', 'zh-CN')");
		browser.go("/console/backups");
		browser.waitForText("h1", "备份");
		browser.waitFor("tr[data-backup=\"" + id + "\"]");
		screenshot(browser, "backups-catalogue-zh-CN-desktop", 1280);
		screenshot(browser, "backups-catalogue-zh-CN-phone", 390);
		browser.go("/console/backups?tab=strategy");
		browser.waitFor("[data-preview-for=\"schedule-LOGICAL\"] li");
		screenshot(browser, "backups-strategy-zh-CN-desktop", 1280);
		screenshot(browser, "backups-strategy-zh-CN-phone", 390);
		browser.go("/console/");
		browser.waitFor("#home-backups");
		screenshot(browser, "backups-home-zh-CN-desktop", 1280);
		assertThat(browser.errors()).isEmpty();
	}

	private long backupFiles() throws java.io.IOException {
		try (java.util.stream.Stream<Path> files = Files.list(this.directory)) {
			return files.filter((file) -> file.getFileName().toString().startsWith("parley-logical-")).count();
		}
	}

	private static void screenshot(Browser browser, String name, int width) throws Exception {
		browser.driver().manage().window().setSize(new Dimension(width, 900));
		long height = ((Number) browser.script("return document.documentElement.scrollHeight")).longValue();
		browser.driver().manage().window().setSize(new Dimension(width, (int) Math.min(height + 120, 4000)));
		Path directory = Path.of("target", "screenshots");
		Files.createDirectories(directory);
		Files.write(directory.resolve(name + ".png"),
				((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
		browser.driver().manage().window().setSize(new Dimension(1280, 900));
	}

}
