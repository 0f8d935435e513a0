package dev.parley.analytics.internal.textmining;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What text mining's tables must keep on every supported database: documents and terms
 * (Chinese too) replaced as a whole, the daily rollup added to, corrected and taken back
 * to nothing. One subclass per database, each test in a transaction rolled back at its
 * end.
 */
abstract class MiningRepositoryContract {

	@Autowired
	MiningDocuments documents;

	@Autowired
	MiningDays days;

	@Autowired
	JdbcClient jdbc;

	/** A document: its keywords, and terms with a space are phrases. */
	static MiningDocuments.Document document(long id, String side, int day, String... keywords) {
		return document(MiningDocuments.ROLLED_UP_PHRASES, id, side, day, keywords);
	}

	static MiningDocuments.Document document(int rolledUp, long id, String side, int day, String... keywords) {
		List<MiningDocuments.Term> terms = new java.util.ArrayList<>();
		for (String keyword : keywords) {
			boolean phrase = keyword.contains(" ");
			terms.add(new MiningDocuments.Term(phrase ? MiningDocuments.PHRASE : MiningDocuments.KEYWORD, keyword, null,
					phrase ? 0 : 1.5));
		}
		terms.add(new MiningDocuments.Term(MiningDocuments.ENTITY, "北京市", "PLACE", 0));
		return new MiningDocuments.Document(id, side, 1_000L * id, day, 7, 0, 1, rolledUp, terms);
	}

	@Test
	void documentsAreReplacedAsAWholeAndReadBackWithTheirKeywordsAndPhrases() {
		this.documents.replace(List.of(1L),
				List.of(document(1, "visitor", 20261201, "退款", "发票"), document(1, "agent", 20261201, "refund")), 5);
		this.documents.replace(List.of(1L), List.of(document(1, "visitor", 20261201, "退款", "物流", "物流 太慢")), 6);
		Map<Long, List<MiningDocuments.Document>> read = this.documents.rolledUp(List.of(1L, 2L));
		assertThat(read).containsOnlyKeys(1L);
		assertThat(read.get(1L)).hasSize(1);
		assertThat(read.get(1L).get(0).rolledUpTerms()).containsExactlyInAnyOrder("退款", "物流", "物流 太慢");
		assertThat(read.get(1L).get(0).rolledUp()).isEqualTo(MiningDocuments.ROLLED_UP_PHRASES);
		assertThat(this.documents.terms(1, "visitor")).extracting(MiningDocuments.Term::term).contains("北京市");
		this.documents.replace(List.of(1L), List.of(), 7);
		assertThat(this.documents.rolledUp(List.of(1L))).isEmpty();
	}

	@Test
	void phrasesRollUpLikeKeywordsExceptForDocumentsOfThePreviousRelease() {
		Map<MiningDays.Key, Long> changes = new HashMap<>();
		MiningAnalyser.contribute(List.of(document(1, "visitor", 20261201, "物流", "物流 太慢")), 1, changes);
		MiningAnalyser.contribute(List.of(document(2, "visitor", 20261201, "物流 太慢")), 1, changes);
		this.days.apply(changes);
		assertThat(count("visitor", "物流 太慢")).isEqualTo(2);
		assertThat(count("all", "物流 太慢")).isEqualTo(2);

		// a document the previous release analysed added its keywords only: taking it
		// back leaves the phrase's other documents counted
		Map<MiningDays.Key, Long> old = new HashMap<>();
		MiningAnalyser.contribute(
				List.of(document(MiningDocuments.ROLLED_UP_KEYWORDS, 3, "visitor", 20261201, "物流", "物流 太慢")), 1, old);
		this.days.apply(old);
		assertThat(count("visitor", "物流")).isEqualTo(2);
		assertThat(count("visitor", "物流 太慢")).isEqualTo(2);
		Map<MiningDays.Key, Long> back = new HashMap<>();
		MiningAnalyser.contribute(
				List.of(document(MiningDocuments.ROLLED_UP_KEYWORDS, 3, "visitor", 20261201, "物流", "物流 太慢")), -1, back);
		this.days.apply(back);
		assertThat(count("visitor", "物流")).isEqualTo(1);
		assertThat(count("visitor", "物流 太慢")).isEqualTo(2);

		Map<MiningDays.Key, Long> rest = new HashMap<>();
		MiningAnalyser.contribute(List.of(document(1, "visitor", 20261201, "物流", "物流 太慢")), -1, rest);
		MiningAnalyser.contribute(List.of(document(2, "visitor", 20261201, "物流 太慢")), -1, rest);
		this.days.apply(rest);
		assertThat(total("all")).isZero();
		assertThat(count("all", "物流 太慢")).isZero();
	}

	@Test
	void theRollupAddsUpIsCorrectedAndTakenBackToNothing() {
		Map<MiningDays.Key, Long> changes = new HashMap<>();
		MiningAnalyser.contribute(
				List.of(document(1, "visitor", 20261201, "退款", "发票"), document(1, "agent", 20261201, "退款", "refund")),
				1, changes);
		this.days.apply(changes);
		this.days.apply(changes);
		assertThat(count("visitor", "退款")).isEqualTo(2);
		assertThat(count("all", "退款")).as("either side counts a conversation once").isEqualTo(2);
		assertThat(count("all", "refund")).isEqualTo(2);
		assertThat(total("all")).isEqualTo(2);

		// re-analysed: the old contribution taken back, the new one added
		Map<MiningDays.Key, Long> correction = new HashMap<>();
		MiningAnalyser.contribute(
				List.of(document(1, "visitor", 20261201, "退款", "发票"), document(1, "agent", 20261201, "退款", "refund")),
				-1, correction);
		MiningAnalyser.contribute(List.of(document(1, "visitor", 20261201, "物流")), 1, correction);
		this.days.apply(correction);
		assertThat(count("visitor", "退款")).isEqualTo(1);
		assertThat(count("visitor", "物流")).isEqualTo(1);
		assertThat(total("agent")).isEqualTo(1);

		Map<MiningDays.Key, Long> back = new HashMap<>();
		MiningAnalyser.contribute(
				List.of(document(1, "visitor", 20261201, "退款", "发票"), document(1, "agent", 20261201, "退款", "refund")),
				-1, back);
		MiningAnalyser.contribute(List.of(document(1, "visitor", 20261201, "物流")), -1, back);
		this.days.apply(back);
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM mining_day WHERE start_day = 20261201").query(Long.class).single())
			.isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM mining_day_total WHERE start_day = 20261201")
			.query(Long.class)
			.single()).isZero();
	}

	private long count(String side, String term) {
		return this.jdbc
			.sql("SELECT COALESCE(SUM(documents), 0) FROM mining_day WHERE start_day = 20261201 AND side = ? "
					+ "AND term = ?")
			.params(side, term)
			.query(Long.class)
			.single();
	}

	private long total(String side) {
		return this.jdbc
			.sql("SELECT COALESCE(SUM(documents), 0) FROM mining_day_total WHERE start_day = 20261201 AND side = ?")
			.param(side)
			.query(Long.class)
			.single();
	}

}
