package dev.parley.conversations.views;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.parley.conversations.ClosedBy;
import dev.parley.conversations.ConversationStatus;
import dev.parley.conversations.MessageKind;
import dev.parley.conversations.PreviewAttachment;
import dev.parley.conversations.PublicNames;
import dev.parley.conversations.Side;
import dev.parley.conversations.TimelineEvent;
import dev.parley.conversations.internal.Attachment;
import dev.parley.conversations.internal.AttachmentRepository;
import dev.parley.conversations.internal.Channel;
import dev.parley.conversations.internal.ChannelRepository;
import dev.parley.conversations.internal.Conversation;
import dev.parley.conversations.internal.ConversationLists;
import dev.parley.conversations.internal.Message;
import dev.parley.conversations.internal.Visitor;
import dev.parley.conversations.internal.VisitorRepository;
import dev.parley.identity.StaffDirectory;
import dev.parley.platform.PlainText;

import org.springframework.stereotype.Component;

/**
 * Turns conversations and messages into what clients see (REST bodies and realtime frames
 * share these shapes; see docs/api.md and docs/protocol.md). Staff and visitors get
 * different shapes: a visitor sees staff members only by the public name (the name
 * customers see), never their internal names, and none of the details staff see about the
 * visitor. Builds lists with one query per kind of related row, never one per item.
 */
@Component
public class ChatViews {

	private final ChannelRepository channels;

	private final VisitorRepository visitors;

	private final AttachmentRepository attachments;

	private final StaffDirectory staff;

	private final PublicNames publicNames;

	private final ConversationLists lists;

	ChatViews(ChannelRepository channels, VisitorRepository visitors, AttachmentRepository attachments,
			StaffDirectory staff, PublicNames publicNames, ConversationLists lists) {
		this.channels = channels;
		this.visitors = visitors;
		this.attachments = attachments;
		this.staff = staff;
		this.publicNames = publicNames;
		this.lists = lists;
	}

	public record ChannelRef(long id, String name, String kind) {
	}

	public record VisitorRef(long id, String name, String email, String phone, boolean verified) {
	}

	public record VisitorDetails(String pageUrl, String referrer, String userAgent, String language, String ip,
			String customerId) {
	}

	/**
	 * A staff member as staff see them: by their display name, with the avatar if any.
	 */
	public record StaffRef(long id, String displayName, String avatarUrl) {
	}

	/**
	 * A conversation as staff see it.
	 *
	 * @param lastMessagePreview the last message's text, or its file's name
	 * @param lastMessageAttachment {@code file} or {@code image} when the last message
	 * was one; null for text
	 * @param waitingSince when the visitor's oldest message no agent has answered yet was
	 * written; null when an agent has answered everything or the conversation is closed
	 * @param snoozedUntil when its snooze ends by itself; null when not snoozed or
	 * snoozed only until the customer writes ({@code snoozedUntilReply})
	 */
	public record ConversationView(long id, ConversationStatus status, ChannelRef channel, VisitorRef visitor,
			StaffRef assignee, String question, Instant createdAt, Instant assignedAt, Instant closedAt,
			ClosedBy closedBy, Instant lastMessageAt, String lastMessagePreview, long lastSeq, long agentReadSeq,
			long visitorReadSeq, long unread, Integer rating, String ratingComment, VisitorDetails details,
			Long groupId, Instant leftMessageAt, PreviewAttachment lastMessageAttachment, Instant waitingSince,
			Instant snoozedUntil, boolean snoozedUntilReply) {
	}

	/**
	 * An agent as customers see them: by the public name only, with the avatar if any.
	 */
	public record PublicAgent(long id, String name, String avatarUrl) {
	}

	/**
	 * A conversation as its visitor sees it: the agent only by the public name, nothing
	 * about queues, groups or the visitor's own tracking details.
	 */
	public record VisitorConversationView(long id, ConversationStatus status, PublicAgent assignee, String question,
			Instant createdAt, Instant assignedAt, Instant closedAt, ClosedBy closedBy, long lastSeq, long agentReadSeq,
			long visitorReadSeq, Integer rating, Instant leftMessageAt) {
	}

	/** Who wrote a message; {@code avatarUrl} for an agent who has one. */
	public record SenderView(Side kind, Long id, String name, String avatarUrl) {
	}

	public record AttachmentView(String id, String name, String contentType, long size, boolean image, Integer width,
			Integer height, String url, String thumbnailUrl) {
	}

	/**
	 * An event line: what happened, who caused it, the staff member (or group) it names
	 * and, for a take-over, the agent it was taken from.
	 */
	public record EventView(TimelineEvent type, String by, String agent, String from) {
	}

	public record MessageView(long id, long conversationId, long seq, String clientId, MessageKind kind,
			SenderView sender, String text, AttachmentView attachment, EventView event, Instant createdAt) {
	}

	/** One message as staff and as the visitor see it. */
	public record MessagePair(MessageView staff, MessageView visitor) {
	}

	/** Conversations assigned and not closed, most recently active first. */
	public List<ConversationView> inProgress(int limit) {
		return conversations(this.lists.inProgress(limit), false);
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
		List<Long> assignees = list.stream().map(Conversation::assigneeId).filter(Objects::nonNull).toList();
		Map<Long, String> names = this.staff.displayNames(assignees);
		Map<Long, String> avatars = this.publicNames.avatarUrls(assignees);
		return list.stream().map((c) -> {
			Channel channel = channelsById.get(c.channelId());
			Visitor visitor = visitorsById.get(c.visitorId());
			VisitorRef visitorRef = (visitor != null)
					? new VisitorRef(visitor.id(), visitor.name(), visitor.email(), visitor.phone(), visitor.verified())
					: new VisitorRef(c.visitorId(), null, null, null, false);
			VisitorDetails details = withDetails
					? new VisitorDetails(c.pageUrl(), c.referrer(), c.userAgent(), c.language(),
							this.visitors.open(c.sealedIp()), (visitor != null) ? visitor.customerExternalId() : null)
					: null;
			StaffRef assignee = (c.assigneeId() != null)
					? new StaffRef(c.assigneeId(), names.getOrDefault(c.assigneeId(), ""), avatars.get(c.assigneeId()))
					: null;
			return new ConversationView(c.id(), c.status(),
					(channel != null) ? new ChannelRef(channel.id(), channel.name(), channel.kind()) : null, visitorRef,
					assignee, c.question(), c.createdAt(), c.assignedAt(), c.closedAt(), c.closedBy(),
					c.lastMessageAt(), PlainText.wellFormed(c.lastMessagePreview()), c.lastSeq(), c.agentReadSeq(),
					c.visitorReadSeq(), Math.max(0, c.lastSeq() - c.agentReadSeq()), c.rating(), c.ratingComment(),
					details, c.groupId(), c.leftMessageAt(), c.lastMessageAttachment(),
					c.closed() ? null : c.awaitingReplySince(), c.snoozedUntil(), c.snoozedUntilReply());
		}).toList();
	}

	public VisitorConversationView forVisitor(Conversation c) {
		PublicAgent assignee = (c.assigneeId() != null)
				? new PublicAgent(c.assigneeId(), this.publicNames.publicName(c.assigneeId()),
						this.publicNames.avatarUrls(List.of(c.assigneeId())).get(c.assigneeId()))
				: null;
		return new VisitorConversationView(c.id(), c.status(), assignee, c.question(), c.createdAt(), c.assignedAt(),
				c.closedAt(), c.closedBy(), c.lastSeq(), c.agentReadSeq(), c.visitorReadSeq(), c.rating(),
				c.leftMessageAt());
	}

	/** Messages as staff see them. */
	public List<MessageView> messages(Collection<Message> messages) {
		return pairs(messages).stream().map(MessagePair::staff).toList();
	}

	/** Messages as the visitor sees them. */
	public List<MessageView> visitorMessages(Collection<Message> messages) {
		Map<Long, Attachment> files = files(messages);
		Map<Long, String> avatars = agentAvatars(messages);
		return messages.stream().map((m) -> visitorView(m, attachment(files.get(m.attachmentId())), avatars)).toList();
	}

	/** Messages as staff and as the visitor see them, with one lookup of each kind. */
	public List<MessagePair> pairs(Collection<Message> messages) {
		Map<Long, Attachment> files = files(messages);
		Map<Long, String> displayNames = this.staff.displayNames(messages.stream()
			.filter((m) -> m.side() != Side.VISITOR)
			.flatMap((m) -> Stream.of(m.senderId(), m.eventFromId()))
			.filter(Objects::nonNull)
			.distinct()
			.toList());
		Map<Long, String> avatars = agentAvatars(messages);
		List<MessagePair> pairs = new ArrayList<>(messages.size());
		for (Message m : messages) {
			AttachmentView attachment = attachment(files.get(m.attachmentId()));
			pairs.add(new MessagePair(staffView(m, attachment, displayNames, avatars),
					visitorView(m, attachment, avatars)));
		}
		return pairs;
	}

	private Map<Long, String> agentAvatars(Collection<Message> messages) {
		List<Long> agents = messages.stream()
			.filter((m) -> m.side() == Side.AGENT && m.senderId() != null)
			.map(Message::senderId)
			.distinct()
			.toList();
		return agents.isEmpty() ? Map.of() : this.publicNames.avatarUrls(agents);
	}

	private Map<Long, Attachment> files(Collection<Message> messages) {
		return this.attachments
			.findByIds(messages.stream().map(Message::attachmentId).filter(Objects::nonNull).toList());
	}

	private static MessageView staffView(Message m, AttachmentView attachment, Map<Long, String> displayNames,
			Map<Long, String> avatars) {
		// staff see colleagues by their display name; lines stored before the staff
		// member was recorded keep the name stored with them
		String name = (m.side() != Side.VISITOR && m.senderId() != null)
				? displayNames.getOrDefault(m.senderId(), m.senderName()) : m.senderName();
		String from = (m.eventFromId() != null) ? displayNames.getOrDefault(m.eventFromId(), m.eventFromName()) : null;
		return view(m, attachment, name, from, (m.side() == Side.AGENT) ? m.senderId() : null, avatars);
	}

	private static MessageView visitorView(Message m, AttachmentView attachment, Map<Long, String> avatars) {
		// agents by their public name (stored with the line); a group a conversation was
		// handed to is internal, so that line names nobody
		boolean toGroup = m.kind() == MessageKind.EVENT && m.eventType() == TimelineEvent.TRANSFERRED
				&& m.senderId() == null;
		return view(m, attachment, toGroup ? null : m.senderName(), m.eventFromName(),
				(m.side() == Side.AGENT) ? m.senderId() : null, avatars);
	}

	private static MessageView view(Message m, AttachmentView attachment, String name, String from, Long senderId,
			Map<Long, String> avatars) {
		EventView event = (m.kind() == MessageKind.EVENT) ? new EventView(m.eventType(), m.eventBy(), name, from)
				: null;
		return new MessageView(m.id(), m.conversationId(), m.seq(), m.clientId(), m.kind(),
				new SenderView(m.side(), senderId, (m.side() == Side.SYSTEM) ? null : name,
						(senderId != null) ? avatars.get(senderId) : null),
				(m.kind() == MessageKind.TEXT) ? PlainText.wellFormed(m.body()) : null, attachment, event,
				m.createdAt());
	}

	private static AttachmentView attachment(Attachment file) {
		if (file == null) {
			return null;
		}
		String url = "/api/v1/attachments/" + file.publicId();
		return new AttachmentView(file.publicId(), file.fileName(), file.contentType(), file.size(), file.image(),
				file.width(), file.height(), url, file.image() ? url + "/thumbnail" : null);
	}

}
