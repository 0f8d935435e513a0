package dev.parley.customers.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.parley.conversations.CustomerConversations;
import dev.parley.conversations.CustomerConversations.Moment;
import dev.parley.platform.ApiException;

import org.springframework.stereotype.Service;

/**
 * A customer's timeline, newest first: the record created, his conversations (started,
 * closed, rated, read from live chat) and what staff changed (customer_event). Keyset
 * paged: the cursor is the last entry's position (time, source, id, kind).
 */
@Service
public class CustomerTimeline {

	private static final int MAX_PAGE = 100;

	private final CustomerRecords records;

	private final CustomerEvents events;

	private final CustomerConversations conversations;

	CustomerTimeline(CustomerRecords records, CustomerEvents events, CustomerConversations conversations) {
		this.records = records;
		this.events = events;
		this.conversations = conversations;
	}

	/**
	 * @param kind CREATED, CONVERSATION_STARTED, CONVERSATION_CLOSED, CONVERSATION_RATED
	 * or one of {@link CustomerEventKind}
	 * @param actor who did it (a staff member's display name, an agent's public name for
	 * conversations); null for the customer or Parley
	 * @param conversationId the conversation, for conversation entries
	 */
	public record Entry(String kind, Instant at, String actor, String detail, Long conversationId, Integer rating) {
	}

	public record Page(List<Entry> items, String nextCursor) {
	}

	private record Position(long at, int source, long id, int sub) implements Comparable<Position> {

		static final Comparator<Position> ORDER = Comparator.comparingLong(Position::at)
			.thenComparingInt(Position::source)
			.thenComparingLong(Position::id)
			.thenComparingInt(Position::sub);

		@Override
		public int compareTo(Position other) {
			return ORDER.compare(this, other);
		}

		String cursor() {
			return this.at + "_" + this.source + "_" + this.id + "_" + this.sub;
		}

		static Position of(String cursor) {
			try {
				String[] parts = cursor.split("_");
				return new Position(Long.parseLong(parts[0]), Integer.parseInt(parts[1]), Long.parseLong(parts[2]),
						Integer.parseInt(parts[3]));
			}
			catch (RuntimeException ex) {
				throw ApiException.invalid("after", "is not a cursor of this timeline");
			}
		}

	}

	private record Positioned(Position position, Entry entry) {
	}

	public Page page(long customerId, String after, int limit) {
		Customer c = this.records.live(customerId);
		int size = Math.max(1, Math.min(limit, MAX_PAGE));
		Position before = (after != null && !after.isEmpty()) ? Position.of(after) : null;
		Instant upTo = (before != null) ? Instant.ofEpochMilli(before.at()) : Instant.ofEpochMilli(Long.MAX_VALUE / 2);
		List<Positioned> all = new ArrayList<>();
		all.add(new Positioned(new Position(c.createdAt().toEpochMilli(), 0, c.id(), 0),
				new Entry("CREATED", c.createdAt(), null, null, null, null)));
		// same-millisecond entries may sit on both sides of the cursor: read a margin
		// more
		for (CustomerEvents.Entry e : this.events.atOrBefore(c.id(), upTo, size + 20)) {
			all.add(new Positioned(new Position(e.at().toEpochMilli(), 2, e.id(), 0),
					new Entry(e.kind().name(), e.at(), e.actor(), e.detail(), null, null)));
		}
		for (Moment m : this.conversations.moments(c.id(), upTo, size + 20)) {
			all.add(new Positioned(new Position(m.at().toEpochMilli(), 1, m.conversationId(), m.kind().ordinal()),
					new Entry("CONVERSATION_" + m.kind().name(), m.at(), m.agentName(), m.channelName(),
							m.conversationId(), m.rating())));
		}
		List<Positioned> page = all.stream()
			.filter((p) -> before == null || p.position().compareTo(before) < 0)
			.sorted(Comparator.comparing(Positioned::position).reversed())
			.limit(size + 1)
			.toList();
		String next = (page.size() > size) ? page.get(size - 1).position().cursor() : null;
		return new Page(page.stream().limit(size).map(Positioned::entry).toList(), next);
	}

}
