package dev.parley.security.internal;

import java.time.Duration;
import java.time.Instant;

import dev.parley.platform.SourceSignal;
import dev.parley.security.BlockReason;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What the security module's tables must do on every supported database (one subclass per
 * engine, each test in a transaction rolled back at its end): signal counts per window
 * (the upsert on MySQL/MariaDB, update-then-insert elsewhere), blocks at most one current
 * per address, lifting once, and the network lists with the restriction switch.
 */
@Transactional
abstract class SecurityRepositoryContract {

	private static final Duration WINDOW = Duration.ofMinutes(10);

	/** The start of a fixed window. */
	private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");

	@Autowired
	SignalCounts counts;

	@Autowired
	SourceBlockRepository blocks;

	@Autowired
	NetworkRuleRepository rules;

	@Test
	void countsSignalsPerAddressKindAndWindowAndWeighsThePreviousWindow() {
		for (int i = 0; i < 3; i++) {
			this.counts.count("203.0.113.1", SourceSignal.FAILED_SIGN_IN, START.plusSeconds(i), WINDOW);
		}
		assertThat(this.counts.count("203.0.113.1", SourceSignal.FAILED_SIGN_IN, START.plusSeconds(9), WINDOW))
			.isCloseTo(4, within(0.01));
		assertThat(this.counts.count("203.0.113.1", SourceSignal.REFUSED_REQUEST, START, WINDOW)).as("another kind")
			.isCloseTo(1, within(0.01));
		assertThat(this.counts.count("203.0.113.2", SourceSignal.FAILED_SIGN_IN, START, WINDOW)).as("another address")
			.isCloseTo(1, within(0.01));
		// a quarter into the next window: one new plus three quarters of the previous
		// four
		assertThat(this.counts.count("203.0.113.1", SourceSignal.FAILED_SIGN_IN,
				START.plus(WINDOW.multipliedBy(5).dividedBy(4)), WINDOW))
			.isCloseTo(4, within(0.01));

		this.counts.forget("203.0.113.1");
		assertThat(this.counts.count("203.0.113.1", SourceSignal.FAILED_SIGN_IN, START.plusSeconds(30), WINDOW))
			.isCloseTo(1, within(0.01));
		assertThat(this.counts.purge(START.plus(WINDOW.multipliedBy(10)))).isPositive();
	}

	@Test
	void anAddressHasAtMostOneCurrentBlockAndALiftHappensOnce() {
		Instant until = START.plus(Duration.ofHours(1));
		long id = this.blocks
			.insertUnlessBlocked("2001:db8:0:0:0:0:0:7", BlockReason.WIDGET_ARRIVALS, 1200, null, null, START, until)
			.orElseThrow();
		assertThat(this.blocks.insertUnlessBlocked("2001:db8:0:0:0:0:0:7", BlockReason.MANUAL, 0, "again", "admin",
				START.plusSeconds(1), until))
			.isEmpty();
		assertThat(this.blocks.current(START.plusSeconds(5), 100)).extracting(SourceBlock::id).contains(id);
		assertThat(this.blocks.findCurrent("2001:db8:0:0:0:0:0:7", until)).as("ended at its time").isEmpty();
		assertThat(this.blocks.lift(id, "admin", START.plusSeconds(60))).isTrue();
		assertThat(this.blocks.lift(id, "admin", START.plusSeconds(61))).isFalse();
		SourceBlock lifted = this.blocks.find(id).orElseThrow();
		assertThat(lifted.liftedBy()).isEqualTo("admin");
		assertThat(lifted.currentAt(START.plusSeconds(62))).isFalse();
		assertThat(this.blocks.past(START.plusSeconds(62), 100)).extracting(SourceBlock::id).contains(id);
	}

	@Test
	void storesListEntriesAndTheRestriction() {
		long id = this.rules.insert(NetworkList.ALLOW, "192.0.2.0/24", "office", "admin", START,
				START.plus(Duration.ofDays(30)));
		NetworkRule rule = this.rules.find(id).orElseThrow();
		assertThat(rule.range()).isEqualTo("192.0.2.0/24");
		assertThat(rule.note()).isEqualTo("office");
		assertThat(rule.inForceAt(START.plus(Duration.ofDays(31)))).isFalse();
		assertThat(this.rules.staffRestricted()).isFalse();
		this.rules.restrictStaff(true, "admin", START);
		assertThat(this.rules.staffRestricted()).isTrue();
		assertThat(this.rules.delete(id)).isTrue();
		assertThat(this.rules.delete(id)).isFalse();
	}

}
