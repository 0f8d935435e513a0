package dev.parley.conversations.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Channels' public title, logo and texts per language (V12_1). */
@Repository
class ChannelPresentationRepository {

	private final JdbcClient jdbc;

	ChannelPresentationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	ChannelPresentation find(long channelId) {
		record Row(String title, String logoType, Long logoUpdatedAt) {
		}
		Optional<Row> row = this.jdbc
			.sql("SELECT public_title, logo_type, logo_updated_at FROM chat_channel_presentation WHERE channel_id = ?")
			.param(channelId)
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getObject(3, Long.class)))
			.optional();
		Map<String, ChannelPresentation.Texts> texts = new LinkedHashMap<>();
		this.jdbc
			.sql("SELECT language, greeting, away_message, prechat_intro FROM chat_channel_text WHERE channel_id = ? "
					+ "ORDER BY language")
			.param(channelId)
			.query((rs) -> {
				texts.put(rs.getString(1),
						new ChannelPresentation.Texts(rs.getString(2), rs.getString(3), rs.getString(4)));
			});
		return new ChannelPresentation(row.map(Row::title).orElse(null), texts, row.map(Row::logoType).orElse(null),
				row.map(Row::logoUpdatedAt).map(Instant::ofEpochMilli).orElse(null));
	}

	/** Stores the title and the texts (the logo stays). */
	void save(long channelId, String publicTitle, Map<String, ChannelPresentation.Texts> texts) {
		ensureRow(channelId);
		this.jdbc.sql("UPDATE chat_channel_presentation SET public_title = ? WHERE channel_id = ?")
			.params(publicTitle, channelId)
			.update();
		this.jdbc.sql("DELETE FROM chat_channel_text WHERE channel_id = ?").param(channelId).update();
		texts.forEach((language, text) -> this.jdbc
			.sql("INSERT INTO chat_channel_text (channel_id, language, greeting, away_message, prechat_intro) "
					+ "VALUES (?, ?, ?, ?, ?)")
			.params(channelId, language, text.greeting(), text.awayMessage(), text.prechatIntro())
			.update());
	}

	void saveLogo(long channelId, String contentType, byte[] content, Instant at) {
		ensureRow(channelId);
		this.jdbc
			.sql("UPDATE chat_channel_presentation SET logo_type = ?, logo = ?, logo_updated_at = ? "
					+ "WHERE channel_id = ?")
			.params(contentType, content, at.toEpochMilli(), channelId)
			.update();
	}

	void deleteLogo(long channelId) {
		this.jdbc
			.sql("UPDATE chat_channel_presentation SET logo_type = NULL, logo = NULL, logo_updated_at = NULL "
					+ "WHERE channel_id = ?")
			.param(channelId)
			.update();
	}

	/** The logo's bytes, if the channel has one. */
	Optional<byte[]> logo(long channelId) {
		return this.jdbc.sql("SELECT logo FROM chat_channel_presentation WHERE channel_id = ?")
			.param(channelId)
			.query((rs, n) -> rs.getBytes(1))
			.optional()
			.filter(java.util.Objects::nonNull);
	}

	private void ensureRow(long channelId) {
		// the channel's row is locked first: two first saves at once queue here instead
		// of
		// one failing its insert (which on PostgreSQL spoils the whole transaction)
		this.jdbc.sql("SELECT id FROM chat_channel WHERE id = ? FOR UPDATE").param(channelId).query(Long.class).list();
		int exists = this.jdbc.sql("SELECT COUNT(*) FROM chat_channel_presentation WHERE channel_id = ?")
			.param(channelId)
			.query(Integer.class)
			.single();
		if (exists == 0) {
			try {
				this.jdbc.sql("INSERT INTO chat_channel_presentation (channel_id) VALUES (?)")
					.param(channelId)
					.update();
			}
			catch (org.springframework.dao.DuplicateKeyException ex) {
				// stored by a concurrent save meanwhile: the row is there
			}
		}
	}

}
