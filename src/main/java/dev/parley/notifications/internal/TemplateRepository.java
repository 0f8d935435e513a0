package dev.parley.notifications.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Templates an administrator changed ({@code notification_template}). */
@Repository
public class TemplateRepository {

	private final JdbcClient jdbc;

	private final Clock clock;

	TemplateRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Optional<TemplateTexts> find(String template, String language) {
		return this.jdbc
			.sql("SELECT subject, html_body, text_body FROM notification_template WHERE template = ? AND language = ?")
			.params(template, language)
			.query((rs, row) -> new TemplateTexts(rs.getString(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	/** Template and language of every changed template. */
	public List<String[]> changed() {
		return this.jdbc.sql("SELECT template, language FROM notification_template")
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
	}

	public void save(String template, String language, TemplateTexts texts, String actor) {
		int updated = this.jdbc
			.sql("UPDATE notification_template SET subject = ?, html_body = ?, text_body = ?, updated_at = ?, "
					+ "updated_by = ? WHERE template = ? AND language = ?")
			.params(texts.subject(), texts.html(), texts.text(), this.clock.millis(), actor, template, language)
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("INSERT INTO notification_template (template, language, subject, html_body, text_body, "
						+ "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)")
				.params(template, language, texts.subject(), texts.html(), texts.text(), this.clock.millis(), actor)
				.update();
		}
	}

	/**
	 * @return whether there was a change to undo
	 */
	public boolean delete(String template, String language) {
		return this.jdbc.sql("DELETE FROM notification_template WHERE template = ? AND language = ?")
			.params(template, language)
			.update() == 1;
	}

}
