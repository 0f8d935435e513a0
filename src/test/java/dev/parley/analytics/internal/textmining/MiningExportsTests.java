package dev.parley.analytics.internal.textmining;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import dev.parley.analytics.internal.ExportLabels;
import dev.parley.analytics.internal.mining.Association;
import dev.parley.platform.Sentences;
import dev.parley.platform.Spreadsheets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text mining file: every sheet with its rows, and a term a customer wrote that a
 * spreadsheet would run as a formula neutralised.
 */
class MiningExportsTests {

	@Test
	void writesEverySheetAndNeutralisesFormulas() {
		LocalDate day = LocalDate.of(2026, 12, 7);
		TopicReport.Topics topics = new TopicReport.Topics(
				new TopicReport.Range(day, day, day.minusDays(1), day.minusDays(1), "Asia/Shanghai"), "visitor", 3, 2,
				List.of(new TopicReport.Hot("=HYPERLINK(\"http://evil\")", 2, 0, 0.6667, 0, 1.2, List.of(7L, 9L))),
				List.of(new TopicReport.Count("screen broken", 3), new TopicReport.Count("+cmd", 2)), List.of(),
				List.of(new Association("refund", "@invoice", 2, 0.6667, 1.0, 1.5)),
				new TopicReport.Sample(3, 5000, false));
		EntityReport.Entities entities = new EntityReport.Entities(topics.range(), "visitor",
				List.of(new EntityReport.Group("ORDER_NUMBER",
						List.of(new EntityReport.Item("SO20240512345", 1, List.of(9L)))),
						new EntityReport.Group("PLACE", List.of(new EntityReport.Item("-london", 2, List.of(7L, 9L))))),
				new EntityReport.Personal(2, 5));
		ExportLabels labels = new ExportLabels(new Sentences() {

			@Override
			public String translate(String prefix, String english, Locale locale,
					BiFunction<String, String, String> format) {
				return english;
			}

			@Override
			public String text(String key, Locale locale, String fallback) {
				return fallback;
			}

		}, Locale.ENGLISH);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Spreadsheets.Table table = Spreadsheets.open(Spreadsheets.Format.CSV, out, "Hot topics");
		MiningExports.write(table, labels, topics, entities);
		table.finish();
		String csv = out.toString(StandardCharsets.UTF_8);

		assertThat(csv)
			.contains("'=HYPERLINK(\"\"http://evil\"\")", "#7 #9", "screen broken,3", "'+cmd,2", "refund,'@invoice,2",
					"SO20240512345,1,\"#9\"", "'-london,2", ",2,5")
			.contains("Keywords and phrases", "Associations", "Entities", "ORDER_NUMBER")
			.doesNotContain(",=HYPERLINK", ",+cmd", ",-london");
	}

}
