package dev.parley.notifications.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.parley.administration.Settings;

import org.springframework.core.io.ClassPathResource;
import org.springframework.web.util.HtmlUtils;
import org.springframework.stereotype.Component;

/**
 * Renders notifications: the administrator's text of a template where there is one, else
 * the shipped one; in the recipient's language, else the organisation's, else English.
 * Every value is HTML-escaped in the HTML body (templates may not unescape: no
 * {@code {{{x}}}} or {@code {{&x}}}), and the subject is one line whatever the values
 * hold, so no value can add a mail header.
 */
@Component
public class Templates {

	static final int MAX_SUBJECT = 500;

	static final int MAX_BODY = 100_000;

	/**
	 * HTML is rendered from values escaped beforehand ({@link #escaped}), so no way of
	 * writing a tag ({@code {{{x}}}}, {@code {{ &x}}}, a changed delimiter) prints a
	 * value raw.
	 */
	private static final Mustache.Compiler html = Mustache.compiler().escapeHTML(false).defaultValue("");

	private static final Mustache.Compiler plain = Mustache.compiler().escapeHTML(false).defaultValue("");

	private final TemplateRepository repository;

	private final Settings settings;

	private final Map<String, TemplateTexts> shipped = new ConcurrentHashMap<>();

	private final Map<String, Template> compiled = new ConcurrentHashMap<>();

	Templates(TemplateRepository repository, Settings settings) {
		this.repository = repository;
		this.settings = settings;
	}

	/** A rendered notification: one-line subject, HTML and plain text. */
	public record Rendered(String subject, String html, String text) {
	}

	/** The language a recipient gets: his own if supported, else the organisation's. */
	public String languageFor(String requested) {
		String language = Languages.supported(requested);
		if (language != null) {
			return language;
		}
		String organisation = Languages.supported(this.settings.get("organisation.language"));
		return (organisation != null) ? organisation : "en";
	}

	/** The texts in force for a template and language. */
	public TemplateTexts effective(TemplateKey key, String language) {
		return this.repository.find(key.key(), language).orElseGet(() -> shipped(key, language));
	}

	/** The texts Parley ships for a template and language. */
	public TemplateTexts shipped(TemplateKey key, String language) {
		return this.shipped.computeIfAbsent(key.key() + "/" + language,
				(k) -> new TemplateTexts(resource(k + ".subject").strip(), resource(k + ".html"),
						resource(k + ".txt")));
	}

	/**
	 * Renders a template with values; {@code extra} (the unsubscribe link, the
	 * organisation's name) are added to them and to the layout around the body.
	 */
	public Rendered render(TemplateKey key, String language, Map<String, Object> values) {
		return render(effective(key, language), language, values);
	}

	/** Renders given texts (the editor's preview, or the texts in force). */
	public Rendered render(TemplateTexts texts, String language, Map<String, Object> values) {
		Map<String, Object> context = new HashMap<>(values);
		context.putIfAbsent("organisation", this.settings.get("organisation.name"));
		String subject = oneLine(compile(plain, texts.subject()).execute(context));
		Map<String, Object> safe = escaped(context);
		String htmlBody = compile(html, texts.html()).execute(safe);
		String textBody = compile(plain, texts.text()).execute(context);
		Map<String, Object> htmlLayout = new LinkedHashMap<>(safe);
		htmlLayout.put("subject", HtmlUtils.htmlEscape(subject));
		// the body is HTML made from escaped values: the layout takes it as it is
		htmlLayout.put("body", htmlBody);
		String wrapped = compile(html, layout(language, "html")).execute(htmlLayout);
		Map<String, Object> textLayout = new LinkedHashMap<>(context);
		textLayout.put("subject", subject);
		textLayout.put("body", textBody);
		String text = compile(plain, layout(language, "txt")).execute(textLayout);
		return new Rendered(subject, wrapped, text);
	}

	/** The plain-text body alone, without the layout around it (an SMS). */
	public String plainBody(TemplateKey key, String language, Map<String, Object> values) {
		Map<String, Object> context = new HashMap<>(values);
		context.putIfAbsent("organisation", this.settings.get("organisation.name"));
		return compile(plain, effective(key, language).text()).execute(context);
	}

	/**
	 * Checks texts an administrator wrote.
	 * @return the field and what is wrong with it, if anything
	 */
	public Optional<Map.Entry<String, String>> problemWith(TemplateTexts texts) {
		if (texts.subject() == null || texts.subject().isBlank()) {
			return Optional.of(Map.entry("subject", "must not be blank"));
		}
		if (texts.subject().length() > MAX_SUBJECT || texts.subject().contains("\n")
				|| texts.subject().contains("\r")) {
			return Optional.of(Map.entry("subject", "must be one line of at most " + MAX_SUBJECT + " characters"));
		}
		for (Map.Entry<String, String> body : Map
			.of("subject", texts.subject(), "html", (texts.html() != null) ? texts.html() : "", "text",
					(texts.text() != null) ? texts.text() : "")
			.entrySet()) {
			if (!"subject".equals(body.getKey()) && (body.getValue().isBlank())) {
				return Optional.of(Map.entry(body.getKey(), "must not be blank"));
			}
			if (body.getValue().length() > MAX_BODY) {
				return Optional.of(Map.entry(body.getKey(), "must be at most " + MAX_BODY + " characters"));
			}
			String compact = body.getValue().replaceAll("\\{\\{\\s+", "{{");
			if (compact.contains("{{{") || compact.contains("{{&")) {
				return Optional.of(Map.entry(body.getKey(),
						"must not print values unescaped (triple braces or an ampersand tag)"));
			}
			if (compact.contains("{{=") || compact.contains("{{>")) {
				return Optional.of(Map.entry(body.getKey(), "must not change delimiters or include other templates"));
			}
			try {
				Mustache.compiler().compile(body.getValue());
			}
			catch (MustacheException ex) {
				return Optional.of(Map.entry(body.getKey(), "is not a valid template: " + ex.getMessage()));
			}
		}
		return Optional.empty();
	}

	/** The values with every text in them HTML-escaped, in lists and maps too. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> escaped(Map<String, Object> values) {
		Map<String, Object> out = new HashMap<>();
		values.forEach((name, value) -> out.put(name, escapedValue(value)));
		return out;
	}

	@SuppressWarnings("unchecked")
	private static Object escapedValue(Object value) {
		if (value instanceof String text) {
			return HtmlUtils.htmlEscape(text);
		}
		if (value instanceof Map<?, ?> map) {
			return escaped((Map<String, Object>) map);
		}
		if (value instanceof java.util.Collection<?> list) {
			return list.stream().map(Templates::escapedValue).toList();
		}
		return value;
	}

	private Template compile(Mustache.Compiler compiler, String text) {
		String key = ((compiler == html) ? "h:" : "p:") + text;
		Template template = this.compiled.get(key);
		if (template == null) {
			template = compiler.compile(text);
			if (this.compiled.size() < 500) {
				this.compiled.put(key, template);
			}
		}
		return template;
	}

	private String layout(String language, String kind) {
		return this.shipped
			.computeIfAbsent("layout/" + language + "." + kind,
					(k) -> new TemplateTexts("", resource("layout/" + language + "." + kind), ""))
			.html();
	}

	private static String oneLine(String subject) {
		String line = subject.replaceAll("[\\r\\n\\t\\u0085\\u2028\\u2029]+", " ").strip();
		return (line.length() > MAX_SUBJECT) ? line.substring(0, MAX_SUBJECT) : line;
	}

	private static String resource(String path) {
		ClassPathResource resource = new ClassPathResource("notifications/templates/" + path);
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Parley ships no template " + path, ex);
		}
	}

}
