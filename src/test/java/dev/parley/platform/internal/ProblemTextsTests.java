package dev.parley.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The English sentences the checks of every module write into field errors are each a
 * {@code validation.*} text, so that they reach people in their own language; found in
 * the sources, so that a check the API walk of {@code ProblemLanguageTests} cannot reach
 * (a realtime frame, a widget call) is covered too.
 */
class ProblemTextsTests {

	/**
	 * {@code invalid("field", "sentence" + value + "...")} and {@code "message", "..."}.
	 */
	private static final Pattern SENTENCE = Pattern
		.compile("(?:invalid\\(\\s*[^,()]+,|\"message\",)\\s*((?:\"[^\"]*\"|[^;\"]){1,200}?)\\)[;)]");

	private final ProblemTexts texts = new ProblemTexts(messages());

	@Test
	void everySentenceOfTheChecksIsTranslated() throws IOException {
		List<String> sentences = sentences();
		assertThat(sentences).contains("must not be blank", "must be at most 7 characters");
		List<String> untranslated = new ArrayList<>();
		for (String sentence : sentences) {
			String chinese = this.texts.violation(sentence, Locale.SIMPLIFIED_CHINESE);
			if (chinese.equals(sentence)
					|| this.texts.violation(sentence, Locale.TRADITIONAL_CHINESE).equals(sentence)) {
				untranslated.add(sentence);
			}
		}
		assertThat(untranslated).as("sentences without a validation.* text").isEmpty();
	}

	@Test
	void fillsTheVaryingPartsIntoTheTranslation() {
		assertThat(this.texts.violation("must be at most 200 characters", Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("最多 200 个字符");
		assertThat(this.texts.violation("must be online, away or offline", Locale.TRADITIONAL_CHINESE))
			.isEqualTo("必須是 online, away 或 offline");
		assertThat(this.texts.violation("must be at most 200 characters", Locale.ENGLISH))
			.isEqualTo("must be at most 200 characters");
		// the customer list's "at most 50 values", not "at most {max}" with "50 values"
		// as the max
		assertThat(this.texts.violation("at most 50 values", Locale.SIMPLIFIED_CHINESE)).isEqualTo("最多 50 个值");
		assertThat(this.texts.violation("an unknown sentence", Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("an unknown sentence");
		assertThat(this.texts.headline("sign_in_throttled", Map.of("until", "12:00"), "x", Locale.SIMPLIFIED_CHINESE))
			.contains("12:00");
	}

	/** The sentences in the sources, a value joined in standing for 7. */
	private static List<String> sentences() throws IOException {
		List<String> sentences = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				Matcher matcher = SENTENCE.matcher(Files.readString(file));
				while (matcher.find()) {
					String expression = matcher.group(1).strip();
					if (!expression.startsWith("\"")) {
						continue;
					}
					StringBuilder sentence = new StringBuilder();
					Matcher part = Pattern.compile("\"([^\"]*)\"|[^+\\s][^+]*").matcher(expression);
					while (part.find()) {
						sentence.append((part.group(1) != null) ? part.group(1) : "7");
					}
					sentences.add(sentence.toString());
				}
			}
		}
		return sentences;
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("i18n/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
