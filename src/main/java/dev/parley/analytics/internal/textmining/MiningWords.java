package dev.parley.analytics.internal.textmining;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import dev.parley.platform.ApiException;
import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.platform.StaffActor;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrators' words for text mining ({@code mining_word}): product names and
 * terms read as one word, and stop words that are never keywords. Every change is
 * audited; the analyzer picks the new words up on its next use ({@link MiningAnalyzers}),
 * and a re-run ({@link MiningRuns}) applies them to conversations already analysed.
 */
@Service
public class MiningWords {

	static final int WORD_MAX = 40;

	static final int MAX_WORDS = 5000;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	MiningWords(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * What a word is: a product, a place, an organisation, another term, or a stop word.
	 */
	public enum Kind {

		PRODUCT, TERM, STOP, PLACE, ORGANISATION

	}

	public record Word(long id, String word, Kind kind) {
	}

	/** What is sent to add or change a word. */
	public record Form(String word, String kind) {
	}

	/** Every word, in the order they were added. */
	public List<Word> words() {
		return this.jdbc.sql("SELECT id, word, kind FROM mining_word ORDER BY id")
			.query((rs, row) -> new Word(rs.getLong(1), rs.getString(2), Kind.valueOf(rs.getString(3))))
			.list();
	}

	@Transactional
	public Word create(Form form, StaffActor actor) {
		Word word = check(form, 0);
		if (words().size() >= MAX_WORDS) {
			throw ApiException.badRequest("mining_words_full", "The dictionary has " + MAX_WORDS + " words already");
		}
		long now = this.clock.millis();
		write(() -> this.jdbc.sql("INSERT INTO mining_word (word, kind, created_at, updated_at) VALUES (?, ?, ?, ?)")
			.params(word.word(), word.kind().name(), now, now)
			.update());
		Word created = words().stream().filter((w) -> w.word().equals(word.word())).findFirst().orElseThrow();
		this.audit.record(actor.username(), "text_mining.word.created", created.word(), AuditResult.SUCCESS,
				created.kind().name());
		return created;
	}

	@Transactional
	public Word update(long id, Form form, StaffActor actor) {
		Word before = get(id);
		Word word = check(form, id);
		write(() -> this.jdbc.sql("UPDATE mining_word SET word = ?, kind = ?, updated_at = ? WHERE id = ?")
			.params(word.word(), word.kind().name(), this.clock.millis(), id)
			.update());
		Word after = get(id);
		this.audit.record(actor.username(), "text_mining.word.updated", after.word(), AuditResult.SUCCESS,
				before.word() + " (" + before.kind() + ") -> " + after.word() + " (" + after.kind() + ")");
		return after;
	}

	@Transactional
	public void delete(long id, StaffActor actor) {
		Word word = get(id);
		this.jdbc.sql("DELETE FROM mining_word WHERE id = ?").param(id).update();
		this.audit.record(actor.username(), "text_mining.word.deleted", word.word(), AuditResult.SUCCESS,
				word.kind().name());
	}

	Word get(long id) {
		return words().stream()
			.filter((w) -> w.id() == id)
			.findFirst()
			.orElseThrow(() -> ApiException.notFound("Dictionary word"));
	}

	private Word check(Form form, long id) {
		if (form == null || form.word() == null || form.word().isBlank()) {
			throw ApiException.invalid("word", "must not be blank");
		}
		String word = form.word().strip();
		if (word.length() > WORD_MAX) {
			throw ApiException.invalid("word", "must be at most " + WORD_MAX + " characters");
		}
		if (word.chars().anyMatch(Character::isISOControl)) {
			throw ApiException.invalid("word", "must be on one line");
		}
		Kind kind;
		try {
			kind = Kind.valueOf((form.kind() != null) ? form.kind().strip().toUpperCase(Locale.ROOT) : "TERM");
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalid("kind", "must be PRODUCT, TERM, PLACE, ORGANISATION or STOP");
		}
		String lower = word.toLowerCase(Locale.ROOT);
		if (words().stream().anyMatch((w) -> w.id() != id && w.word().toLowerCase(Locale.ROOT).equals(lower))) {
			throw taken();
		}
		return new Word(id, word, kind);
	}

	private static void write(Runnable write) {
		try {
			write.run();
		}
		catch (DuplicateKeyException ex) {
			throw taken();
		}
	}

	private static ApiException taken() {
		return ApiException.conflict("mining_word_exists", "The dictionary has this word already");
	}

}
