package dev.parley.customers;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A supervisor imports a GBK file in the console: the preview shows how it was read, the
 * check finds a bad row and imports nothing; the corrected file is checked and imported.
 * Screenshots of each step go to {@code target/screenshots/}.
 */
class CustomerImportBrowserTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSupervisorChecksAndImportsAFile() throws Exception {
		String mark = unique("b").replaceAll("[^a-z0-9]", "");
		Path dir = Files.createDirectories(Path.of("target", "screenshots"));
		Path bad = dir.resolve("customers-bad.csv");
		Files.write(bad, ("姓名,邮箱,标签\n陈静," + mark + "@example.cn," + mark + "\n刘洋,not-an-address," + mark + "\n")
			.getBytes(Charset.forName("GBK")));
		Path good = dir.resolve("customers-good.csv");
		Files.write(good,
				("姓名,邮箱,标签\n陈静," + mark + "@example.cn," + mark + "\n刘洋,liu-" + mark + "@example.cn," + mark + "\n")
					.getBytes(Charset.forName("GBK")));
		try (Browser browser = Browser.open(this.port)) {
			browser.signIn(ADMIN, ADMIN_PASSWORD);
			browser.go("/console/customer-import");
			browser.waitFor("#import-file");
			shot(browser, dir, "import-1-upload");
			browser.attach("#import-file", bad);
			browser.waitFor("[data-step=preview]");
			browser.waitForText("[data-read]", "GBK");
			assertThat(browser.find("select[data-column=\"1\"]").getAttribute("value")).isEqualTo("email");
			browser.click("[data-action=check]");
			browser.waitFor("[data-step=report]");
			browser.waitForText(".import-problems", "3");
			shot(browser, dir, "import-2-report");
			assertThat(browser.findAll("[data-action=import]")).isEmpty();
			assertThat(tagged(mark)).isZero();

			browser.click("[data-action=start-over]");
			browser.attach("#import-file", good);
			browser.waitForText("[data-read]", "GBK");
			browser.click("[data-action=check]");
			browser.waitFor("[data-action=import]");
			shot(browser, dir, "import-3-checked");
			browser.click("[data-action=import]");
			browser.waitForText("[data-result]", "2");
			shot(browser, dir, "import-4-done");
			browser.driver().manage().window().setSize(new Dimension(390, 844));
			shot(browser, dir, "import-5-phone");
			browser.driver().manage().window().setSize(new Dimension(1280, 900));
			browser.select("#language-select", "zh-CN");
			browser.waitForText("h1", "导入客户");
			shot(browser, dir, "import-6-zh-CN");
			// the choice is the administrator's preference: back to English for other
			// tests
			browser.select("#language-select", "en");
			browser.waitForText("h1", "Import customers");
		}
		assertThat(tagged(mark)).isEqualTo(2);
	}

	@Test
	void theSameFileChosenAgainAfterARefusalIsReadAgainAndAttributesShowTheirLabels() throws Exception {
		String key = unique("tier").replaceAll("[^a-z0-9]", "").substring(0, 12);
		this.jdbc
			.sql("INSERT INTO customer_attribute (attr_key, label, attr_type, required, is_sensitive, position, "
					+ "created_at) VALUES (?, '会员等级', 'TEXT', FALSE, FALSE, 1, 0)")
			.param(key)
			.update();
		Path dir = Files.createDirectories(Path.of("target", "screenshots"));
		Path file = dir.resolve("customers-fixed.csv");
		Files.write(file, new byte[0]);
		try (Browser browser = Browser.open(this.port)) {
			browser.signIn(ADMIN, ADMIN_PASSWORD);
			browser.go("/console/customer-import");
			browser.attach("#import-file", file);
			browser.waitFor(".problem");
			// fixed in an editor, then the same file chosen again
			Files.writeString(file, "Name,Tier\nZhou," + key + "\n");
			browser.attach("#import-file", file);
			browser.waitFor("[data-step=preview]");
			assertThat(browser.find("select[data-column=\"1\"]").getText()).contains("Attribute: 会员等级")
				.doesNotContain("Attribute: " + key);
			browser.select("select[data-column=\"1\"]", "attr." + key);
			browser.driver().manage().window().setSize(new Dimension(1366, 900));
			shot(browser, dir, "import-7-attribute-label");
			browser.driver().manage().window().setSize(new Dimension(390, 844));
			shot(browser, dir, "import-7-attribute-label-phone");
			browser.driver().manage().window().setSize(new Dimension(1280, 900));
			browser.click("[data-action=start-over]");
			browser.waitFor("#import-file");
		}
		finally {
			this.jdbc.sql("DELETE FROM customer_attribute WHERE attr_key = ?").param(key).update();
		}
	}

	private int tagged(String tag) {
		return this.jdbc.sql("SELECT COUNT(*) FROM customer_tag WHERE tag = ?")
			.param(tag)
			.query(Integer.class)
			.single();
	}

	private static void shot(Browser browser, Path dir, String name) throws Exception {
		byte[] png = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES);
		Files.write(dir.resolve(name + ".png"), png);
	}

}
