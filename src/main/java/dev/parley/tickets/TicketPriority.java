package dev.parley.tickets;

import java.util.Arrays;
import java.util.Optional;

/** A ticket's priority; stored as its rank so that the lists sort by it. */
public enum TicketPriority {

	LOW(1), NORMAL(2), HIGH(3), URGENT(4);

	private final int rank;

	TicketPriority(int rank) {
		this.rank = rank;
	}

	public int rank() {
		return this.rank;
	}

	/**
	 * @return the next higher priority (urgent stays urgent)
	 */
	public TicketPriority raised() {
		return (this == URGENT) ? URGENT : values()[ordinal() + 1];
	}

	public static Optional<TicketPriority> ofRank(int rank) {
		return Arrays.stream(values()).filter((p) -> p.rank == rank).findFirst();
	}

}
