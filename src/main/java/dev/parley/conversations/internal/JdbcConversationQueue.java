package dev.parley.conversations.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.parley.conversations.ConversationQueue;

import org.springframework.stereotype.Component;

@Component
class JdbcConversationQueue implements ConversationQueue {

	private final ConversationRepository conversations;

	private final Conversations chat;

	JdbcConversationQueue(ConversationRepository conversations, Conversations chat) {
		this.conversations = conversations;
		this.chat = chat;
	}

	@Override
	public List<Waiting> waiting(Long groupId, int limit) {
		return this.conversations.waitingIn(groupId, limit)
			.stream()
			.map((c) -> new Waiting(c.id(), c.channelId(), c.groupId(), c.createdAt()))
			.toList();
	}

	@Override
	public boolean assign(long conversationId, long agentId, String agentName) {
		return this.chat.assignIfWaiting(conversationId, agentId, agentName);
	}

	@Override
	public Map<Long, Integer> openCounts(Collection<Long> agentIds) {
		return this.conversations.openCounts(agentIds);
	}

	@Override
	public List<Requeued> unanswered(java.time.Instant before, int limit) {
		return this.conversations.unanswered(before, limit);
	}

	@Override
	public boolean requeueUnanswered(long conversationId, java.time.Instant before) {
		return this.chat.requeueUnanswered(conversationId, before);
	}

	@Override
	public List<QueueStats> queueStats() {
		return this.conversations.queueStats();
	}

	@Override
	public void placeInGroup(long conversationId, Long groupId) {
		this.conversations.placeInGroup(conversationId, groupId);
	}

}
