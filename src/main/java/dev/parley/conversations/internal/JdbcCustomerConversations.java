package dev.parley.conversations.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.parley.conversations.ClosedBy;
import dev.parley.conversations.ConversationStatus;
import dev.parley.conversations.CustomerConversations;
import dev.parley.conversations.PublicNames;
import dev.parley.conversations.views.ChatViews.MessageView;
import dev.parley.platform.ApiException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The conversations of a customer's visitors, read from live chat's own tables. */
@Component
class JdbcCustomerConversations implements CustomerConversations {

	private static final int MAX_PAGE = 100;

	private final JdbcClient jdbc;

	private final ChannelRepository channels;

	private final PublicNames publicNames;

	private final Transcript transcript;

	private final ConversationLifecycle lifecycle;

	JdbcCustomerConversations(JdbcClient jdbc, ChannelRepository channels, PublicNames publicNames,
			Transcript transcript, ConversationLifecycle lifecycle) {
		this.jdbc = jdbc;
		this.channels = channels;
		this.publicNames = publicNames;
		this.transcript = transcript;
		this.lifecycle = lifecycle;
	}

	@Override
	public List<CustomerConversation> list(long customerId, Cursor before, int limit) {
		int size = Math.max(1, Math.min(limit, MAX_PAGE));
		String keyset = (before != null) ? "AND (c.created_at < ? OR (c.created_at = ? AND c.id < ?)) " : "";
		List<Object> params = new ArrayList<>(List.of(customerId));
		if (before != null) {
			params.addAll(List.of(before.startedAt().toEpochMilli(), before.startedAt().toEpochMilli(), before.id()));
		}
		List<Conversation> found = this.jdbc
			.sql("SELECT " + ConversationRepository.COLUMNS
					+ " FROM conversation c JOIN visitor v ON v.id = c.visitor_id " + "WHERE v.customer_id = ? "
					+ keyset + "ORDER BY c.created_at DESC, c.id DESC LIMIT " + size)
			.params(params)
			.query(ConversationRepository::map)
			.list();
		Map<Long, Channel> channelsById = channelsById();
		Map<Long, String> agents = agentNames(found);
		return found.stream().map((c) -> {
			Channel channel = channelsById.get(c.channelId());
			return new CustomerConversation(c.id(), c.status(), c.channelId(),
					(channel != null) ? channel.name() : null, (channel != null) ? channel.kind() : null,
					(c.assigneeId() != null) ? agents.get(c.assigneeId()) : null, c.question(), c.createdAt(),
					c.closedAt(), c.rating(), c.ratingComment(), c.lastSeq());
		}).toList();
	}

	@Override
	public List<Moment> moments(long customerId, Instant atOrBefore, int limit) {
		int size = Math.max(1, Math.min(limit, MAX_PAGE));
		long at = atOrBefore.toEpochMilli();
		List<Conversation> found = new ArrayList<>();
		for (String column : List.of("created_at", "closed_at", "rated_at")) {
			found.addAll(this.jdbc
				.sql("SELECT " + ConversationRepository.COLUMNS
						+ " FROM conversation c JOIN visitor v ON v.id = c.visitor_id WHERE v.customer_id = ? AND c."
						+ column + " <= ? ORDER BY c." + column + " DESC, c.id DESC LIMIT " + size)
				.params(customerId, at)
				.query(ConversationRepository::map)
				.list());
		}
		Map<Long, Channel> channelsById = channelsById();
		Map<Long, String> agents = agentNames(found);
		List<Moment> moments = new ArrayList<>();
		for (Conversation c : found.stream()
			.collect(Collectors.toMap(Conversation::id, Function.identity(), (a, b) -> a))
			.values()) {
			Channel channel = channelsById.get(c.channelId());
			String channelName = (channel != null) ? channel.name() : null;
			String agent = (c.assigneeId() != null) ? agents.get(c.assigneeId()) : null;
			add(moments, c, Moment.Kind.STARTED, c.createdAt(), at, channelName, agent);
			add(moments, c, Moment.Kind.CLOSED, c.closedAt(), at, channelName, agent);
			add(moments, c, Moment.Kind.RATED, c.ratedAt(), at, channelName, agent);
		}
		moments.sort(Comparator.comparing(Moment::at).thenComparing(Moment::conversationId).reversed());
		return moments;
	}

	private static void add(List<Moment> moments, Conversation c, Moment.Kind kind, Instant when, long atOrBefore,
			String channel, String agent) {
		if (when != null && when.toEpochMilli() <= atOrBefore) {
			moments
				.add(new Moment(c.id(), kind, when, channel, agent, (kind == Moment.Kind.RATED) ? c.rating() : null));
		}
	}

	@Override
	public List<MessageView> transcript(long customerId, long conversationId, long afterSeq, int limit) {
		boolean his = this.jdbc
			.sql("SELECT COUNT(*) FROM conversation c JOIN visitor v ON v.id = c.visitor_id "
					+ "WHERE c.id = ? AND v.customer_id = ?")
			.params(conversationId, customerId)
			.query(Integer.class)
			.single() > 0;
		if (!his) {
			throw ApiException.notFound("Conversation");
		}
		return this.transcript.forStaff(conversationId, afterSeq, Math.max(1, Math.min(limit, MAX_PAGE)));
	}

	@Override
	public int closeOpen(long customerId, long byUserId) {
		List<Long> open = this.jdbc
			.sql("SELECT c.id FROM conversation c JOIN visitor v ON v.id = c.visitor_id "
					+ "WHERE v.customer_id = ? AND c.status <> ? ORDER BY c.id")
			.params(customerId, ConversationStatus.CLOSED.value())
			.query(Long.class)
			.list();
		int closed = 0;
		for (Long id : open) {
			if (this.lifecycle.close(id, ClosedBy.AGENT, byUserId)) {
				closed++;
			}
		}
		return closed;
	}

	private Map<Long, Channel> channelsById() {
		return this.channels.findAll().stream().collect(Collectors.toMap(Channel::id, Function.identity()));
	}

	private Map<Long, String> agentNames(List<Conversation> conversations) {
		List<Long> assignees = conversations.stream()
			.map(Conversation::assigneeId)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		return assignees.isEmpty() ? Map.of() : this.publicNames.publicNames(assignees);
	}

}
