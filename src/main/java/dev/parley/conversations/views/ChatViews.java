package dev.parley.conversations.views;

import dev.parley.conversations.internal.Attachment;
import dev.parley.conversations.internal.AttachmentRepository;
import dev.parley.conversations.internal.Channel;
import dev.parley.conversations.internal.ChannelRepository;
import dev.parley.conversations.internal.Conversation;
import dev.parley.conversations.internal.ConversationRepository;
import dev.parley.conversations.internal.Message;
import dev.parley.conversations.internal.Visitor;
import dev.parley.conversations.internal.VisitorRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.parley.identity.StaffDirectory;

import org.springframework.stereotype.Component;

/**
 * Turns conversations and messages into what clients see (REST bodies and realtime frames
 * share these shapes; see docs/api.md and docs/protocol.md). Builds lists with one query
 * per kind of related row, never one per item.
 */
@Component
public class ChatViews {

	private final ChannelRepository channels;

	private final VisitorRepository visitors;

	private final AttachmentRepository attachments;

	private final StaffDirectory staff;

	private final ConversationRepository conversationRepository;

	ChatViews(ChannelRepository channels, VisitorRepository visitors, AttachmentRepository attachments,
			StaffDirectory staff, ConversationRepository conversationRepository) {
		this.conversationRepository = conversationRepository;
		this.channels = channels;
		this.visitors = visitors;
		this.attachments = attachments;
		this.staff = staff;
	}

	public record ChannelRef(long id, String name, String kind) {
	}

	public record VisitorRef(long id, String name, String email, String phone, boolean verified) {
	}

	public record VisitorDetails(String pageUrl, String referrer, String userAgent, String language, String ip,
			String customerId) {
	}

	public record StaffRef(long id, String displayName) {
	}

	public record ConversationView(long id, String status, ChannelRef channel, VisitorRef visitor, StaffRef assignee,
			String question, Instant createdAt, Instant assignedAt, Instant closedAt, String closedBy,
			Instant lastMessageAt, String lastMessagePreview, long lastSeq, long agentReadSeq, long visitorReadSeq,
			long unread, Integer rating, String ratingComment, VisitorDetails details, Long groupId,
			Instant leftMessageAt) {
	}

	public record SenderView(String kind, Long id, String name) {
	}

	public record AttachmentView(String id, String name, String contentType, long size, boolean image, Integer width,
			Integer height, String url, String thumbnailUrl) {
	}

	public record EventView(String type, String by, String agent) {
	}

	public record MessageView(long id, long conversationId, long seq, String clientId, String kind, SenderView sender,
			String text, AttachmentView attachment, EventView event, Instant createdAt) {
	}

	/** Conversations assigned and not closed, most recently active first. */
	public List<ConversationView> inProgress(int limit) {
		return conversations(this.conversationRepository.inProgress(limit), false);
	}

	public ConversationView conversation(Conversation conversation, boolean withDetails) {
		return conversations(List.of(conversation), withDetails).get(0);
	}

	public List<ConversationView> conversations(List<Conversation> list, boolean withDetails) {
		if (list.isEmpty()) {
			return List.of();
		}
		Map<Long, Channel> channelsById = this.channels.findAll()
			.stream()
			.collect(Collectors.toMap(Channel::id, Function.identity()));
		Map<Long, Visitor> visitorsById = this.visitors.findByIds(list.stream().map(Conversation::visitorId).toList());
		Map<Long, String> names = this.staff
			.displayNames(list.stream().map(Conversation::assigneeId).filter(Objects::nonNull).toList());
		return list.stream().map((c) -> {
			Channel channel = channelsById.get(c.channelId());
			Visitor visitor = visitorsById.get(c.visitorId());
			VisitorRef visitorRef = (visitor != null)
					? new VisitorRef(visitor.id(), visitor.name(), visitor.email(), visitor.phone(), visitor.verified())
					: new VisitorRef(c.visitorId(), null, null, null, false);
			VisitorDetails details = withDetails ? new VisitorDetails(c.pageUrl(), c.referrer(), c.userAgent(),
					c.language(), c.ip(), (visitor != null) ? visitor.customerExternalId() : null) : null;
			StaffRef assignee = (c.assigneeId() != null)
					? new StaffRef(c.assigneeId(), names.getOrDefault(c.assigneeId(), "")) : null;
			return new ConversationView(c.id(), c.status(),
					(channel != null) ? new ChannelRef(channel.id(), channel.name(), channel.kind()) : null, visitorRef,
					assignee, c.question(), c.createdAt(), c.assignedAt(), c.closedAt(), c.closedBy(),
					c.lastMessageAt(), c.lastMessagePreview(), c.lastSeq(), c.agentReadSeq(), c.visitorReadSeq(),
					Math.max(0, c.lastSeq() - c.agentReadSeq()), c.rating(), c.ratingComment(), details, c.groupId(),
					c.leftMessageAt());
		}).toList();
	}

	public MessageView message(Message message) {
		return messages(List.of(message)).get(0);
	}

	public List<MessageView> messages(Collection<Message> messages) {
		Map<Long, Attachment> files = this.attachments
			.findByIds(messages.stream().map(Message::attachmentId).filter(Objects::nonNull).toList());
		return messages.stream().map((m) -> message(m, files.get(m.attachmentId()))).toList();
	}

	MessageView message(Message m, Attachment file) {
		AttachmentView attachment = null;
		if (file != null) {
			String url = "/api/v1/attachments/" + file.publicId();
			attachment = new AttachmentView(file.publicId(), file.fileName(), file.contentType(), file.size(),
					file.image(), file.width(), file.height(), url, file.image() ? url + "/thumbnail" : null);
		}
		EventView event = Message.EVENT.equals(m.kind()) ? new EventView(m.eventType(), m.eventBy(), m.senderName())
				: null;
		String senderName = Message.SYSTEM.equals(m.senderKind()) ? null : m.senderName();
		return new MessageView(m.id(), m.conversationId(), m.seq(), m.clientId(), m.kind(),
				new SenderView(m.senderKind(), Message.AGENT.equals(m.senderKind()) ? m.senderId() : null, senderName),
				Message.TEXT.equals(m.kind()) ? m.body() : null, attachment, event, m.createdAt());
	}

}
