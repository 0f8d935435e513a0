package dev.parley.tickets.internal.query;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.LongStream;

import dev.parley.tickets.internal.query.TicketFilter.Condition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ids a page is read by are padded to a few statement sizes (powers of two, 64 at
 * least) with -1, so that the database plans each size once.
 */
class TicketQueryIdInTests {

	@Test
	void aSetIsPaddedToTheNextPowerOfTwoWithIdsNoTicketHas() {
		assertThat(marks(1)).isEqualTo(64);
		assertThat(marks(64)).isEqualTo(64);
		assertThat(marks(65)).isEqualTo(128);
		assertThat(marks(4_326)).isEqualTo(8_192);
		assertThat(marks(TicketQuery.DRIVE)).isEqualTo(8_192);
		Condition in = TicketIdList.idIn(ids(3));
		assertThat(in.params()).startsWith(1L, 2L, 3L).hasSize(64);
		assertThat(in.params().subList(3, 64)).containsOnly(-1L);
	}

	private static int marks(int size) {
		Condition in = TicketIdList.idIn(ids(size));
		assertThat(in.params()).hasSize((int) in.sql().chars().filter((c) -> c == '?').count());
		return in.params().size();
	}

	private static Set<Long> ids(int size) {
		Set<Long> ids = new LinkedHashSet<>();
		LongStream.rangeClosed(1, size).forEach(ids::add);
		return ids;
	}

}
