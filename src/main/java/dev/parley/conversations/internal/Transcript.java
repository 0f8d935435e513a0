package dev.parley.conversations.internal;

import java.time.Instant;
import java.util.List;

import dev.parley.conversations.MessageKind;
import dev.parley.conversations.MessagePosted;
import dev.parley.conversations.PreviewAttachment;
import dev.parley.conversations.Side;
import dev.parley.conversations.views.ChatViews;
import dev.parley.conversations.views.ChatViews.MessageView;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Transcripts: reading them, and appending a line inside the transaction that changes the
 * conversation (the conversation's row locked by the caller), with the module event in
 * that transaction and the live event after it commits.
 */
@Component
public class Transcript {

	static final int PAGE_LIMIT = 200;

	private static final int PREVIEW_LENGTH = 200;

	private final MessageRepository messages;

	private final ConversationRepository conversations;

	private final ApplicationEventPublisher events;

	private final LiveFeed feed;

	private final ChatViews views;

	Transcript(MessageRepository messages, ConversationRepository conversations, ApplicationEventPublisher events,
			LiveFeed feed, ChatViews views) {
		this.messages = messages;
		this.conversations = conversations;
		this.events = events;
		this.feed = feed;
		this.views = views;
	}

	/**
	 * Appends a line to a conversation whose row the caller's transaction has locked.
	 * @return the stored line
	 */
	Message appendLine(Conversation locked, Draft draft, Instant now) {
		long seq = locked.lastSeq() + 1;
		Message line = draft.toMessage(locked.id(), seq, now);
		line = line.withId(this.messages.insert(line));
		this.conversations.recordSeq(locked.id(), seq);
		this.events.publishEvent(posted(line));
		this.feed.lineAdded(line);
		return line;
	}

	/** The module event of a stored line. */
	static MessagePosted posted(Message line) {
		return new MessagePosted(line.conversationId(), line.id(), line.seq(), line.side(),
				(line.side() == Side.SYSTEM) ? null : line.senderId(), line.kind(), line.createdAt());
	}

	/** Messages after a sequence number, as staff see them. */
	public List<MessageView> forStaff(long conversationId, long afterSeq, int limit) {
		return this.views.messages(page(conversationId, afterSeq, limit));
	}

	/** Messages after a sequence number, as the visitor sees them. */
	public List<MessageView> forVisitor(long conversationId, long afterSeq, int limit) {
		return this.views.visitorMessages(page(conversationId, afterSeq, limit));
	}

	private List<Message> page(long conversationId, long afterSeq, int limit) {
		if (afterSeq < 0) {
			throw ChatInput.invalid("after", "must not be negative");
		}
		if (limit < 1 || limit > PAGE_LIMIT) {
			throw ChatInput.invalid("limit", "must be 1 to " + PAGE_LIMIT);
		}
		return this.messages.after(conversationId, afterSeq, limit);
	}

	/**
	 * The conversation list's line for a message: text with each run of white space
	 * folded into one space, cut to 200 characters; "[file]" for an attachment; none for
	 * events.
	 */
	static String preview(Message message) {
		if (message.kind() == MessageKind.TEXT) {
			String body = message.body();
			StringBuilder line = new StringBuilder(Math.min(body.length(), PREVIEW_LENGTH + 1));
			boolean space = false;
			for (int i = 0; i < body.length() && line.length() <= PREVIEW_LENGTH; i++) {
				char ch = body.charAt(i);
				if (Character.isWhitespace(ch)) {
					space = true;
					continue;
				}
				if (space) {
					line.append(' ');
					space = false;
				}
				line.append(ch);
			}
			return (line.length() > PREVIEW_LENGTH) ? cut(line, PREVIEW_LENGTH - 3) + "..." : line.toString();
		}
		return (message.kind() == MessageKind.ATTACHMENT) ? "[file]" : null;
	}

	/**
	 * The list's line for a message, with its file when it is one: the file's name (cut
	 * to 200 characters), or as {@link #preview(Message)} without the file.
	 */
	static String preview(Message message, Attachment file) {
		if (message.kind() == MessageKind.ATTACHMENT && file != null) {
			String name = file.fileName();
			return (name.length() > PREVIEW_LENGTH) ? cut(name, PREVIEW_LENGTH - 3) + "..." : name;
		}
		return preview(message);
	}

	/** Whether the list shows a message as a file or an image; null for the others. */
	static PreviewAttachment previewAttachment(Message message, Attachment file) {
		if (message.kind() != MessageKind.ATTACHMENT) {
			return null;
		}
		return (file != null && file.image()) ? PreviewAttachment.IMAGE : PreviewAttachment.FILE;
	}

	/** The first {@code length} characters, one fewer when that would split a pair. */
	private static String cut(CharSequence text, int length) {
		int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
		return text.subSequence(0, end).toString();
	}

}
