package dev.parley.notifications.internal;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.platform.ApiException;

import org.springframework.stereotype.Service;

/** Templates as the console edits them: listed, read, changed, reset and previewed. */
@Service
public class NotificationTemplates {

	private final Templates templates;

	private final TemplateRepository repository;

	private final AuditLog audit;

	NotificationTemplates(Templates templates, TemplateRepository repository, AuditLog audit) {
		this.templates = templates;
		this.repository = repository;
		this.audit = audit;
	}

	/**
	 * A template in the catalogue: who gets it, its values, and which languages were
	 * changed.
	 */
	public record Summary(String key, String audience, List<String> values, List<String> changedLanguages) {
	}

	/** A template's texts in force and as shipped. */
	public record Detail(String key, String language, String audience, List<String> values, TemplateTexts texts,
			TemplateTexts shipped, boolean changed) {
	}

	public List<Summary> list() {
		Set<String> changed = new HashSet<>();
		this.repository.changed().forEach((pair) -> changed.add(pair[0] + "/" + pair[1]));
		return Arrays.stream(TemplateKey.values())
			.map((t) -> new Summary(t.key(), t.audience().value(), valueNames(t),
					Languages.SUPPORTED.stream().filter((l) -> changed.contains(t.key() + "/" + l)).toList()))
			.toList();
	}

	public Detail get(String key, String language) {
		TemplateKey template = template(key);
		String lang = language(language);
		TemplateTexts shipped = this.templates.shipped(template, lang);
		var stored = this.repository.find(template.key(), lang);
		return new Detail(template.key(), lang, template.audience().value(), valueNames(template),
				stored.orElse(shipped), shipped, stored.isPresent());
	}

	public Detail save(String key, String language, TemplateTexts texts, String actor) {
		TemplateKey template = template(key);
		String lang = language(language);
		TemplateTexts clean = check(texts);
		this.repository.save(template.key(), lang, clean, actor);
		this.audit.record(actor, "notification.template.updated", template.key() + "/" + lang, AuditResult.SUCCESS,
				null);
		return get(key, lang);
	}

	public Detail reset(String key, String language, String actor) {
		TemplateKey template = template(key);
		String lang = language(language);
		if (this.repository.delete(template.key(), lang)) {
			this.audit.record(actor, "notification.template.reset", template.key() + "/" + lang, AuditResult.SUCCESS,
					null);
		}
		return get(key, lang);
	}

	/** Renders texts (saved or not) with the template's sample values. */
	public Templates.Rendered preview(String key, String language, TemplateTexts texts) {
		TemplateKey template = template(key);
		String lang = language(language);
		Map<String, Object> values = new java.util.HashMap<>(template.sample());
		if (template.audience() == dev.parley.notifications.Audience.CUSTOMER) {
			values.put("unsubscribeUrl", "https://support.example.com/unsubscribe/sample");
		}
		return this.templates.render(check(texts), lang, values);
	}

	private TemplateTexts check(TemplateTexts texts) {
		if (texts == null) {
			throw ApiException.invalid("subject", "must not be blank");
		}
		TemplateTexts clean = new TemplateTexts((texts.subject() != null) ? texts.subject().strip() : null,
				texts.html(), texts.text());
		this.templates.problemWith(clean).ifPresent((problem) -> {
			throw ApiException.invalid(problem.getKey(), problem.getValue());
		});
		return clean;
	}

	private static TemplateKey template(String key) {
		return TemplateKey.of(key).orElseThrow(() -> ApiException.notFound("Template"));
	}

	private static String language(String language) {
		if (!Languages.SUPPORTED.contains(language)) {
			throw ApiException.notFound("Template language");
		}
		return language;
	}

	private static List<String> valueNames(TemplateKey template) {
		List<String> names = new java.util.ArrayList<>(template.sample().keySet());
		names.add("organisation");
		if (template.audience() == dev.parley.notifications.Audience.CUSTOMER) {
			names.add("unsubscribeUrl");
		}
		return names.stream().distinct().sorted().toList();
	}

}
