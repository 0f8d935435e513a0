package dev.parley.console;

import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's one dialog (ModalDialog) from the keyboard: focus moves in when it opens,
 * Tab and Shift+Tab stay inside, Escape closes it and focus returns to the button that
 * opened it.
 */
class DialogBrowserTests extends IntegrationTest {

	@Test
	void aDialogKeepsTheKeyboardInsideAndGivesTheFocusBackOnEscape() {
		try (Browser browser = Browser.open(this.port)) {
			browser.signIn(ADMIN, ADMIN_PASSWORD);
			browser.go("/console/users");
			browser.click("#user-new");
			browser.waitFor("[role=\"dialog\"]");
			WebElement dialog = browser.find("[role=\"dialog\"]");
			assertThat(dialog.getAttribute("aria-modal")).isEqualTo("true");
			String titleId = dialog.getAttribute("aria-labelledby");
			assertThat(browser.find("#" + titleId).getText()).isEqualTo("Add user");
			browser.waitUntil((d) -> "user-username".equals(browser.focused().getAttribute("id")));

			// Backwards from the first control wraps to the last one, forwards from the
			// last to the first.
			browser.press(Keys.chord(Keys.SHIFT, Keys.TAB));
			assertThat(browser.focused().getAttribute("data-dialog-close")).isNotNull();
			browser.press(Keys.chord(Keys.SHIFT, Keys.TAB));
			assertThat(isInsideDialog(browser)).isTrue();
			assertThat(browser.focused()).isEqualTo(lastControl(browser));
			browser.press(Keys.TAB);
			assertThat(browser.focused().getAttribute("data-dialog-close")).isNotNull();
			for (int step = 0; step < 20; step++) {
				browser.press(Keys.TAB);
				assertThat(isInsideDialog(browser)).as("focus after %d Tabs", step + 1).isTrue();
			}

			browser.press(Keys.ESCAPE);
			browser.waitUntilGone("[role=\"dialog\"]");
			assertThat(browser.focused().getAttribute("id")).isEqualTo("user-new");
		}
	}

	/**
	 * Every dialog of the console, opened as a person does (a click on its button): the
	 * focus is inside at once, and Escape closes it at once, without a Tab first, and
	 * gives the focus back to the button.
	 */
	@ParameterizedTest
	@CsvSource({ "/console/users, #user-new", "/console/canned, #canned-new", "/console/channels, #channel-new",
			"/console/team?tab=groups, #group-new", "/console/team, #agent-add",
			"/console/team?tab=shifts, #exception-new" })
	void everyDialogTakesTheFocusWhenItOpensAndClosesOnEscape(String screen, String opener) {
		try (Browser browser = Browser.open(this.port)) {
			browser.signIn(ADMIN, ADMIN_PASSWORD);
			browser.go(screen);
			browser.click(opener);
			browser.waitFor("[role=\"dialog\"]");
			browser.waitUntil((d) -> isInsideDialog(browser));
			browser.press(Keys.ESCAPE);
			browser.waitUntilGone("[role=\"dialog\"]");
			assertThat(browser.focused().getAttribute("id")).isEqualTo(opener.substring(1));

			// opened from the keyboard, and Escape pressed with the focus moved out of it
			// by
			// a script: it still closes
			browser.find(opener).sendKeys(Keys.ENTER);
			browser.waitFor("[role=\"dialog\"]");
			browser.waitUntil((d) -> isInsideDialog(browser));
			browser.script("document.activeElement.blur()");
			browser.press(Keys.ESCAPE);
			browser.waitUntilGone("[role=\"dialog\"]");
		}
	}

	private static boolean isInsideDialog(Browser browser) {
		return (Boolean) browser.script("return !!document.activeElement.closest('[role=\"dialog\"]')");
	}

	private static WebElement lastControl(Browser browser) {
		return (WebElement) browser.script("""
				const controls = [...document.querySelectorAll('[role="dialog"] button, [role="dialog"] input, '
					+ '[role="dialog"] select, [role="dialog"] textarea, [role="dialog"] a[href]')]
					.filter((element) => !element.disabled && element.getClientRects().length > 0);
				return controls[controls.length - 1];""");
	}

}
