package dev.parley.conversations;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Conversations as statistics read them: the state of each conversation and the lines of
 * its transcript in order, without any text. The transcript is the record of what
 * happened (every message, assignment, transfer, close and reopening is a numbered line,
 * without gaps), so figures derived from it can always be derived again.
 */
public interface ConversationFacts {

	/**
	 * @return the conversations with these ids (unknown ids are left out), in no order
	 */
	List<Facts> facts(Collection<Long> conversationIds);

	/**
	 * @return the lines of the conversation after {@code afterSeq}, in order, at most
	 * {@code limit}
	 */
	List<Line> lines(long conversationId, long afterSeq, int limit);

	/**
	 * @return every line of these conversations, by conversation, each in order (for
	 * conversations folded from their start: a rebuild reads its batches this way)
	 */
	Map<Long, List<Line>> allLines(Collection<Long> conversationIds);

	/**
	 * @return the comments visitors wrote with their ratings, by conversation (those
	 * without one left out)
	 */
	Map<Long, String> ratingComments(Collection<Long> conversationIds);

	/**
	 * @return every conversation that is not closed, with the number of its last line:
	 * those whose transcripts may still grow
	 */
	Map<Long, Long> open();

	/**
	 * @return ids of conversations started in {@code [from, to)} with an id above
	 * {@code afterId}, ascending, at most {@code limit}
	 */
	List<Long> startedBetween(Instant from, Instant to, long afterId, int limit);

	/**
	 * The texts of the conversations' messages, by side, in order: what text mining
	 * reads. Erased messages (an anonymised conversation: {@link CustomerData#ERASED})
	 * and files are left out, so an anonymised conversation has no texts.
	 * @param withAgents whether the agents' messages are read too (else
	 * {@link Texts#agents()} is empty)
	 * @return the texts by conversation; conversations without any text left out
	 */
	Map<Long, Texts> texts(Collection<Long> conversationIds, boolean withAgents);

	/**
	 * Who the conversations were with, so that text mining can keep their names out of
	 * what it shows: the names the transcript shows (the visitor's as he gave it, the
	 * public names agents wrote under, the names of takeovers), the visitor's own name,
	 * his customer record, and the staff members who wrote, were assigned or are named in
	 * its lines.
	 * @return by conversation; unknown ids left out
	 */
	Map<Long, Participants> participants(Collection<Long> conversationIds);

	/**
	 * The people of a conversation.
	 *
	 * @param names names as the conversation's records hold them, without blanks
	 * @param customerId the visitor's customer record, or null
	 * @param staffIds the staff members who took part
	 */
	record Participants(java.util.Set<String> names, Long customerId, java.util.Set<Long> staffIds) {

		public Participants {
			names = java.util.Set.copyOf(names);
			staffIds = java.util.Set.copyOf(staffIds);
		}

	}

	/**
	 * The texts of a conversation's messages.
	 *
	 * @param visitor the visitor's messages, in order
	 * @param agents the agents' messages, in order
	 */
	record Texts(List<String> visitor, List<String> agents) {

		public Texts {
			visitor = List.copyOf(visitor);
			agents = List.copyOf(agents);
		}

	}

	/**
	 * What a conversation is now.
	 *
	 * @param groupId its group now, null for none
	 * @param leftMessageAt when the visitor left a message for later (the conversation
	 * was never in the live queue), else null
	 * @param rating the visitor's score, 1 to 5, or null
	 * @param commented whether a comment came with the rating
	 * @param lastSeq the number of its last line
	 */
	record Facts(long id, long channelId, Long groupId, Instant createdAt, ConversationStatus status, Long assigneeId,
			Instant leftMessageAt, Integer rating, Instant ratedAt, boolean commented, long lastSeq,
			Long topicGroupId) {
	}

	/**
	 * A line of a transcript, without its text.
	 *
	 * @param senderId the visitor for {@link Side#VISITOR}, the staff member for
	 * {@link Side#AGENT}; for event lines the staff member they name: the agent assigned
	 * ({@code ASSIGNED}), the one transferred to ({@code TRANSFERRED} to an agent), the
	 * one who took over, the one who closed
	 * @param event for an event line, what happened; else null
	 * @param eventBy for an event line, its detail: {@code agent} or {@code group} for a
	 * transfer, {@code agent}, {@code visitor} or {@code timeout} for a close
	 */
	record Line(long seq, Side side, Long senderId, MessageKind kind, TimelineEvent event, String eventBy, Instant at) {

		/**
		 * Whether this is a message someone wrote (text or a file), not an event line.
		 */
		public boolean message() {
			return this.kind != MessageKind.EVENT;
		}

	}

}
