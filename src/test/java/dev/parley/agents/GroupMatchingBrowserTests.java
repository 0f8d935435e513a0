package dev.parley.agents;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator gives a new group the skills its conversations need and the wait for a
 * matching agent in the group editor; a wrong wait is refused with the field named.
 */
class GroupMatchingBrowserTests extends IntegrationTest {

	@Test
	void theGroupEditorSetsRequiredSkillsAndTheFallbackWait() throws Exception {
		String name = unique("Billing");
		Path dir = Files.createDirectories(Path.of("target", "screenshots"));
		try (Browser browser = Browser.open(this.port)) {
			browser.signIn(ADMIN, ADMIN_PASSWORD);
			browser.go("/console/team?tab=groups");
			browser.click("#group-new");
			browser.type("#group-name", name);
			browser.type("#group-skills", "billing, vip");
			browser.find("#group-fallback").clear();
			browser.type("#group-fallback", "-5");
			browser.click("#group-save");
			browser.waitFor(".problem, [role=alert]");
			browser.find("#group-fallback").clear();
			browser.type("#group-fallback", "45");
			byte[] png = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES);
			Files.write(dir.resolve("group-editor.png"), png);
			browser.click("#group-save");
			browser.waitFor("[data-group=\"" + name + "\"]");
		}
		JsonNode group = null;
		for (JsonNode candidate : admin().get("/api/v1/groups").json()) {
			if (candidate.path("name").asString().equals(name)) {
				group = candidate;
			}
		}
		assertThat(group).isNotNull();
		assertThat(group.path("fallbackAfter").asInt()).isEqualTo(45);
		assertThat(group.path("requiredSkills").toString()).isEqualTo("[\"billing\",\"vip\"]");
	}

}
