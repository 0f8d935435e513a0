package dev.parley.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.parley.platform.Sentences;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.stereotype.Component;

/**
 * The texts of problem documents in the request's language: the headline of a problem
 * code ({@code error.<code>}), a field's name ({@code field.<name>}) and what is wrong
 * with it ({@code validation.<id>}).
 * <p>
 * Checks across the modules state what is wrong in English ("must be at most 100
 * characters"); each such sentence is a {@code validation.*} text of the English bundle,
 * whose {@code {name}} placeholders match the varying parts. A message is translated by
 * finding the English text it was made from and filling the same placeholders into the
 * request's language, so a module never needs a message source of its own. A sentence
 * that matches none stays as it is (and fails {@code ProblemLanguageTests}).
 */
@Component
class ProblemTexts implements Sentences {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

	private final MessageSource messages;

	private final Properties english;

	private final Map<String, List<Template>> templates = new ConcurrentHashMap<>();

	ProblemTexts(MessageSource messages) {
		this.messages = messages;
		this.english = english();
	}

	/**
	 * An English sentence of the bundle, as a pattern with its placeholders as groups.
	 */
	private record Template(String key, Pattern pattern, List<String> names, int literalLength) {
	}

	/**
	 * @return the headline of the problem code (its {@code .one} form for a wait of one
	 * second, where there is one), or the fallback when there is none
	 */
	String headline(String code, Map<String, ?> values, String fallback, Locale locale) {
		if (values.get("retryAfterSeconds") instanceof Number seconds && seconds.longValue() == 1) {
			String one = text("error." + code + ".one", values, null, locale);
			if (one != null) {
				return one;
			}
		}
		return text("error." + code, values, fallback, locale);
	}

	/**
	 * @return the field's name for people, or the field as it is named in the API
	 */
	String field(String field, Locale locale) {
		return text("field." + field, Map.of(), field, locale);
	}

	/**
	 * @return the English sentence of a check translated, or as it is when it is not a
	 * known one
	 */
	String violation(String message, Locale locale) {
		return translate("validation.", message, locale, (name, value) -> value);
	}

	@Override
	public String translate(String prefix, String english, Locale locale, BiFunction<String, String, String> format) {
		if (english == null) {
			return null;
		}
		for (Template template : this.templates.computeIfAbsent(prefix, (key) -> templates(this.english, key))) {
			Matcher matcher = template.pattern().matcher(english);
			if (matcher.matches()) {
				Map<String, String> values = new LinkedHashMap<>();
				for (int group = 0; group < template.names().size(); group++) {
					String name = template.names().get(group);
					values.put(name, format.apply(name, matcher.group(group + 1)));
				}
				return text(template.key(), values, english, locale);
			}
		}
		return english;
	}

	@Override
	public String text(String key, Locale locale, String fallback) {
		String text = this.messages.getMessage(key, null, null, locale);
		return (text != null) ? text : fallback;
	}

	/**
	 * @return a text of the key in the locale with its {@code {name}} placeholders
	 * filled, or the fallback when the bundle has no such key
	 */
	String text(String key, Map<String, ?> values, String fallback, Locale locale) {
		String text = this.messages.getMessage(key, null, null, locale);
		if (text == null) {
			return fallback;
		}
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder filled = new StringBuilder();
		while (matcher.find()) {
			Object value = values.get(matcher.group(1));
			matcher.appendReplacement(filled, Matcher.quoteReplacement((value != null) ? value.toString() : ""));
		}
		matcher.appendTail(filled);
		return filled.toString();
	}

	private static Properties english() {
		try {
			return PropertiesLoaderUtils.loadProperties(
					new EncodedResource(new ClassPathResource("i18n/messages.properties"), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The English validation sentences, the most fixed text first so that the most
	 * specific wins.
	 */
	private static List<Template> templates(Properties english, String prefix) {
		List<Template> templates = new ArrayList<>();
		for (String key : english.stringPropertyNames()) {
			if (!key.startsWith(prefix)) {
				continue;
			}
			String text = english.getProperty(key);
			Matcher matcher = PLACEHOLDER.matcher(text);
			StringBuilder regex = new StringBuilder();
			List<String> names = new ArrayList<>();
			int last = 0;
			int literal = text.length();
			while (matcher.find()) {
				literal -= matcher.group().length();
				regex.append(Pattern.quote(text.substring(last, matcher.start()))).append("(.*?)");
				names.add(matcher.group(1));
				last = matcher.end();
			}
			regex.append(Pattern.quote(text.substring(last)));
			templates
				.add(new Template(key, Pattern.compile(regex.toString(), Pattern.DOTALL), List.copyOf(names), literal));
		}
		templates.sort((a, b) -> Integer.compare(b.literalLength(), a.literalLength()));
		return List.copyOf(templates);
	}

}
