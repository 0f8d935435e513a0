package dev.parley.operations.internal;

import java.util.Locale;
import java.util.Map;

import dev.parley.operations.SelfCheckResult;
import dev.parley.platform.Sentences;

import org.springframework.stereotype.Component;

/** The texts of the self-check in the reader's language, placeholders filled. */
@Component
public class SelfCheckTexts {

	private final Sentences sentences;

	SelfCheckTexts(Sentences sentences) {
		this.sentences = sentences;
	}

	/** {@code selfCheck.<key>.title}, or the key when a check brought no title. */
	public String title(String key, Locale locale) {
		return this.sentences.text("selfCheck." + key + ".title", locale, key);
	}

	/**
	 * @return the text, or null for none
	 */
	public String text(SelfCheckResult.Text text, Locale locale) {
		if (text == null) {
			return null;
		}
		String result = this.sentences.text(text.key(), locale, text.key());
		for (Map.Entry<String, Object> argument : text.arguments().entrySet()) {
			result = result.replace("{" + argument.getKey() + "}", String.valueOf(argument.getValue()));
		}
		return result;
	}

}
