package dev.parley.conversations.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.parley.conversations.ConversationQueue;

import org.springframework.stereotype.Component;

@Component
class JdbcConversationQueue implements ConversationQueue {

	private final QueueRepository queues;

	private final ConversationRepository conversations;

	private final ConversationLifecycle lifecycle;

	private final WaitingNeeds needs;

	JdbcConversationQueue(QueueRepository queues, ConversationRepository conversations, ConversationLifecycle lifecycle,
			WaitingNeeds needs) {
		this.needs = needs;
		this.queues = queues;
		this.conversations = conversations;
		this.lifecycle = lifecycle;
	}

	@Override
	public List<Waiting> waiting(Long groupId, int limit) {
		return this.needs.waitingIn(groupId, limit);
	}

	@Override
	public java.util.Optional<Waiting> findWaiting(long conversationId) {
		return this.needs.find(conversationId);
	}

	@Override
	public void hold(long conversationId, Instant until) {
		this.needs.hold(conversationId, until);
	}

	@Override
	public List<Waiting> releaseHolds(Instant now, int limit) {
		return this.needs.releaseHolds(now, limit);
	}

	@Override
	public boolean assign(long conversationId, long agentId) {
		return this.lifecycle.assignIfWaiting(conversationId, agentId);
	}

	@Override
	public Map<Long, Integer> openCounts(Collection<Long> agentIds) {
		return this.queues.openCounts(agentIds);
	}

	@Override
	public List<Requeued> unanswered(Instant before, int limit) {
		return this.queues.unanswered(before, limit);
	}

	@Override
	public boolean requeueUnanswered(long conversationId, Instant before) {
		return this.lifecycle.requeueUnanswered(conversationId, before);
	}

	@Override
	public List<QueueStats> queueStats() {
		return this.queues.queueStats();
	}

	@Override
	public void placeInGroup(long conversationId, Long groupId) {
		this.conversations.placeInGroup(conversationId, groupId);
	}

}
