package dev.parley.conversations.internal;

import java.util.List;
import java.util.function.Consumer;

import dev.parley.conversations.PublicNames;
import dev.parley.conversations.Side;
import dev.parley.conversations.internal.ChatEvents.Read;
import dev.parley.conversations.internal.VisitorTokens.VisitorIdentity;
import dev.parley.conversations.views.ChatViews;
import dev.parley.conversations.views.ChatViews.MessageView;
import dev.parley.platform.StaffActor;
import dev.parley.platform.ApiException;

import org.springframework.stereotype.Service;

/**
 * Sending messages and reading marks. A message is stored idempotently on the sender's
 * client id and numbered without gaps under the conversation's row lock (so it holds
 * across nodes), through the group-committing {@link MessageWriter}.
 */
@Service
public class ChatMessages {

	private final MessageWriter writer;

	private final ConversationRepository conversations;

	private final ChatInput input;

	private final ChatViews views;

	private final PublicNames publicNames;

	private final LiveFeed feed;

	private final VisitorBlocks blocks;

	ChatMessages(MessageWriter writer, ConversationRepository conversations, ChatInput input, ChatViews views,
			PublicNames publicNames, LiveFeed feed, VisitorBlocks blocks) {
		this.blocks = blocks;
		this.writer = writer;
		this.conversations = conversations;
		this.input = input;
		this.views = views;
		this.publicNames = publicNames;
		this.feed = feed;
	}

	/**
	 * The result of a send: the stored message as its sender sees it, and whether it had
	 * been stored before.
	 */
	public record Sent(MessageView message, boolean duplicate) {
	}

	public Sent sendAsVisitor(VisitorIdentity visitor, long conversationId, String clientId, String text) {
		String body = this.input.text(text);
		ChatInput.clientId(clientId);
		this.blocks.check(visitor.visitorId());
		return visitorSent(
				append(conversationId, Draft.text(clientId, Side.VISITOR, visitor.visitorId(), null, body), (c) -> {
					if (c.visitorId() != visitor.visitorId()) {
						throw ApiException.notFound("Conversation");
					}
				}));
	}

	public Sent sendAsAgent(StaffActor actor, long conversationId, String clientId, String text) {
		String body = this.input.text(text);
		ChatInput.clientId(clientId);
		Draft draft = Draft.text(clientId, Side.AGENT, actor.id(), this.publicNames.publicName(actor.id()), body);
		return staffSent(append(conversationId, draft, (c) -> {
			if (!ConversationAccess.mayRead(actor, c.status(), c.assigneeId())) {
				throw ApiException.notFound("Conversation");
			}
			ConversationAccess.checkMayWrite(actor, c);
		}));
	}

	Sent attachmentFromVisitor(VisitorIdentity visitor, long conversationId, String clientId, long attachmentId) {
		return visitorSent(append(conversationId,
				Draft.attachment(clientId, Side.VISITOR, visitor.visitorId(), null, attachmentId), (c) -> {
				}));
	}

	Sent attachmentFromAgent(StaffActor actor, long conversationId, String clientId, long attachmentId) {
		return staffSent(append(
				conversationId, Draft.attachment(clientId, Side.AGENT, actor.id(),
						this.publicNames.publicName(actor.id()), attachmentId),
				(c) -> ConversationAccess.checkMayWrite(actor, c)));
	}

	/**
	 * Appends a visitor's message inside the caller's transaction (its live events go out
	 * after that commits).
	 */
	MessageWriter.Appended appendInTransaction(long conversationId, Draft draft) {
		return this.writer.append(conversationId, draft, (c) -> {
		});
	}

	/** Moves a side's read mark forward and tells the other side. */
	public void markRead(long conversationId, Side side, long seq) {
		if (seq < 1) {
			throw ChatInput.invalid("seq", "must be positive");
		}
		if (this.conversations.markRead(conversationId, side, seq)) {
			this.feed.publish(new Read(conversationId, side, seq));
		}
	}

	private MessageWriter.Appended append(long conversationId, Draft draft, Consumer<Conversation> access) {
		return this.writer.append(conversationId, draft, access);
	}

	private Sent visitorSent(MessageWriter.Appended appended) {
		return new Sent(this.views.visitorMessages(List.of(appended.message())).get(0), appended.duplicate());
	}

	private Sent staffSent(MessageWriter.Appended appended) {
		return new Sent(this.views.messages(List.of(appended.message())).get(0), appended.duplicate());
	}

}
