package dev.parley.operations.internal.faults;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.parley.operations.FaultSeverity;
import dev.parley.operations.FaultStatus;
import dev.parley.platform.Words;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SQL of fault records on every supported database: the compare-and-set of a change,
 * the one fault per alert, steps, a large evidence payload, and the searches (words,
 * prefixes, filters, suggestions with their count). Words here are split at spaces: the
 * segmentation itself is platform's.
 */
@Transactional
abstract class FaultRepositoryContract {

	private static final Words SPACES = new Words() {

		@Override
		public Set<String> index(String text, int limit) {
			Set<String> terms = new LinkedHashSet<>();
			Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
				.filter((term) -> !term.isEmpty())
				.limit(limit)
				.forEach(terms::add);
			return terms;
		}

		@Override
		public List<Term> query(String text) {
			return index(text, 50).stream().map((term) -> new Term(term, true)).toList();
		}

	};

	@Autowired
	FaultRepository faults;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate template;

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	private Fault draft(String title, Long alertId) {
		return new Fault(0, title, "seen: " + title, FaultClass.DATABASE, FaultSeverity.MAJOR,
				EnumSet.of(FaultFunction.CHAT, FaultFunction.SIGN_IN), FaultStatus.REPORTED, this.now.minusSeconds(60),
				this.now, "ada", alertId, null, null, null, null, null, null, null, this.now, 0);
	}

	private Fault stored(String title) {
		long id = this.faults.insert(draft(title, null));
		Fault fault = this.faults.find(id).orElseThrow();
		new FaultTerms(this.jdbc, this.template, SPACES).index(null, fault);
		return fault;
	}

	@Test
	void storesChangesWithACompareAndSetAndOneFaultPerAlert() {
		Fault fault = stored("Pool exhausted");
		assertThat(fault.functions()).containsExactlyInAnyOrder(FaultFunction.CHAT, FaultFunction.SIGN_IN);
		assertThat(fault.startedAt()).isEqualTo(this.now.minusSeconds(60));
		Fault resolved = new Fault(fault.id(), fault.title(), fault.observed(), fault.faultClass(), fault.severity(),
				fault.functions(), FaultStatus.RESOLVED, fault.startedAt(), fault.reportedAt(), fault.reportedBy(),
				null, "fix", "checked", "cause", "impact", "prevention", this.now, null, this.now, fault.version());
		assertThat(this.faults.update(resolved, 0)).isTrue();
		assertThat(this.faults.update(resolved, 0)).isFalse();
		Fault read = this.faults.find(fault.id()).orElseThrow();
		assertThat(read.version()).isEqualTo(1);
		assertThat(read.status()).isEqualTo(FaultStatus.RESOLVED);
		assertThat(read.resolvedAt()).isEqualTo(this.now);

		long alert = 900_000_000L + fault.id();
		this.faults.insert(draft("From an alert", alert));
		assertThat(this.faults.idOfAlert(alert)).isPresent();
		assertThatThrownBy(() -> this.faults.insert(draft("Again", alert))).isInstanceOf(DuplicateKeyException.class);
	}

	@Test
	void keepsStepsAndLargeEvidence() {
		Fault fault = stored("Disk full");
		this.faults.addStep(fault.id(), null, FaultStatus.REPORTED, null, "ada", this.now);
		this.faults.addStep(fault.id(), FaultStatus.REPORTED, FaultStatus.INVESTIGATING, "looking", null, this.now);
		assertThat(this.faults.steps(fault.id())).extracting(Fault.Step::to)
			.containsExactly(FaultStatus.REPORTED, FaultStatus.INVESTIGATING);
		String payload = "{\"lines\":[\"" + "x".repeat(300_000) + "\"]}";
		this.faults.addEvidence(fault.id(), EvidenceKind.LOG_LINES, "OPENED", this.now.minusSeconds(900), this.now,
				this.now, payload);
		assertThat(this.faults.evidence(fault.id())).singleElement()
			.satisfies((e) -> assertThat(e.payload()).isEqualTo(payload));
	}

	@Test
	void findsByWordsPrefixesAndFiltersAndSuggestsReviewedOnes() {
		FaultSearch search = new FaultSearch(this.jdbc, new FaultTerms(this.jdbc, this.template, SPACES));
		String word = "zq" + System.nanoTime();
		Fault pool = stored("Connection pool exhausted " + word);
		Fault disk = stored("Disk full " + word);
		this.jdbc.sql("UPDATE fault SET status = 'REVIEWED' WHERE id = ?").param(pool.id()).update();

		assertThat(ids(search.list(new FaultSearch.Filter(word, null, null, null, null, null, null, 10))))
			.containsExactly(disk.id(), pool.id());
		assertThat(ids(search.list(new FaultSearch.Filter("connect " + word.substring(0, 6), "REVIEWED", "DATABASE",
				"MAJOR", this.now.minusSeconds(3600).toString(), this.now.toString(), null, 10))))
			.containsExactly(pool.id());
		FaultSearch.Page first = search.list(new FaultSearch.Filter(word, null, null, null, null, null, null, 1));
		assertThat(first.next()).isNotNull();
		assertThat(ids(
				search.list(new FaultSearch.Filter(word, null, null, null, null, null, Long.valueOf(first.next()), 1))))
			.containsExactly(pool.id());
		assertThat(ids(search.knownIssues(new FaultSearch.Filter(word, null, null, null, null, null, null, 10))))
			.containsExactly(pool.id());
		assertThat(search.like("pool exhausted " + word, "", 5)).extracting(Fault::id).containsExactly(pool.id());
	}

	private static List<Long> ids(FaultSearch.Page page) {
		return page.items().stream().map(Fault::id).toList();
	}

}
