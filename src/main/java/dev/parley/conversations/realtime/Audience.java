package dev.parley.conversations.realtime;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.parley.conversations.ConversationStatus;
import dev.parley.conversations.Side;
import dev.parley.conversations.internal.ChatEvents.Access;
import dev.parley.conversations.internal.ConversationAccess;
import dev.parley.platform.Permission;
import dev.parley.platform.StaffActor;

import org.springframework.stereotype.Component;

/**
 * Who receives which live frame: the one recipient policy of the gateway. Every staff
 * recipient is checked with the same access rule as REST ({@link ConversationAccess}),
 * against the conversation's state and the staff member's permissions as they are when
 * the frame is sent, so a connection that loses access stops receiving at once.
 * <ul>
 * <li>{@code message}: the visitor's connections in the conversation; staff following it
 * (the assignee follows automatically, others watch); while it waits, every agent who may
 * take it ({@code conversation.reply}).</li>
 * <li>{@code conversation}: the visitor's connections (visitor view); the assignee,
 * everyone who sees all conversations, every agent who may take it while it waits; and
 * once more, whoever followed it and may no longer read it (so the console can let it
 * go), after which they stop following it.</li>
 * <li>{@code note}: staff following it; {@code mention}: the staff members a note
 * mentions who may read it ({@code mentioned}, without the note, to those who may not).
 * Never a visitor.</li>
 * <li>{@code typing}, {@code read}, {@code presence}: the other side only.</li>
 * </ul>
 */
@Component
class Audience {

	private final ConnectionRegistry registry;

	Audience(ConnectionRegistry registry) {
		this.registry = registry;
	}

	/** Who receives a frame: visitors (visitor view) and staff (staff view). */
	record Recipients(Set<Connection> visitors, Set<Connection> staff) {
	}

	/**
	 * Whether a staff connection may receive a conversation's events now: one predicate,
	 * evaluated when the event is sent.
	 */
	static boolean accepts(Connection connection, Access access) {
		StaffActor actor = connection.actor();
		return actor != null && ConversationAccess.mayRead(actor, access.status(), access.assigneeId());
	}

	Recipients message(Access access) {
		Set<Connection> staff = followers(access);
		if (access.status() == ConversationStatus.WAITING) {
			for (Connection connection : this.registry.staff()) {
				if (mayTake(connection)) {
					staff.add(connection);
				}
			}
		}
		return new Recipients(this.registry.visitorsIn(access.conversationId()), staff);
	}

	/**
	 * @param visitorId whose conversation it is
	 */
	Recipients conversation(Access access, long visitorId) {
		Set<Connection> staff = new LinkedHashSet<>();
		boolean waiting = access.status() == ConversationStatus.WAITING;
		for (Connection connection : this.registry.staff()) {
			StaffActor actor = connection.actor();
			if (actor == null) {
				continue;
			}
			boolean assignee = access.assigneeId() != null && access.assigneeId() == actor.id();
			if ((assignee || ConversationAccess.seesAll(actor) || (waiting && mayTake(connection)))
					&& accepts(connection, access)) {
				staff.add(connection);
			}
		}
		return new Recipients(this.registry.visitorConnections(visitorId), staff);
	}

	/** Staff following the conversation who may no longer read it. */
	Set<Connection> lostFollowers(Access access) {
		Set<Connection> lost = new LinkedHashSet<>();
		for (Connection connection : this.registry.staffIn(access.conversationId())) {
			if (!accepts(connection, access)) {
				lost.add(connection);
			}
		}
		return lost;
	}

	Set<Connection> note(Access access) {
		return followers(access);
	}

	Set<Connection> mentioned(Set<Long> userIds, Access access) {
		return mentioned(userIds, access, true);
	}

	/** The mentioned who may not read the conversation (told only that they were). */
	Set<Connection> mentionedOutside(Set<Long> userIds, Access access) {
		return mentioned(userIds, access, false);
	}

	private Set<Connection> mentioned(Set<Long> userIds, Access access, boolean readers) {
		Set<Connection> recipients = new LinkedHashSet<>();
		for (Connection connection : this.registry.staff()) {
			if (connection.actor() != null && userIds.contains(connection.actor().id())
					&& accepts(connection, access) == readers) {
				recipients.add(connection);
			}
		}
		return recipients;
	}

	/** The other side of a typing, read or presence event. */
	Recipients otherSide(Side side, Access access) {
		if (side == Side.VISITOR) {
			return new Recipients(Set.of(), followers(access));
		}
		return new Recipients(this.registry.visitorsIn(access.conversationId()), Set.of());
	}

	/** Staff following the conversation who may still read it. */
	private Set<Connection> followers(Access access) {
		Set<Connection> staff = new LinkedHashSet<>();
		for (Connection connection : this.registry.staffIn(access.conversationId())) {
			if (accepts(connection, access)) {
				staff.add(connection);
			}
		}
		return staff;
	}

	private static boolean mayTake(Connection connection) {
		return connection.actor() != null && connection.actor().can(Permission.CONVERSATION_REPLY);
	}

}
