package dev.parley.conversations.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import dev.parley.conversations.Side;
import dev.parley.conversations.VisitorMail;
import dev.parley.conversations.internal.ChatAttachments.Checked;
import dev.parley.platform.ApiException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customers' e-mail replies as visitor messages: the text, then the files that pass the
 * upload inspection of the conversation's channel, then a line for each file left out.
 * All of one mail is stored in one transaction, each line with a client id derived from
 * the mail's key, so a mail read twice stores nothing twice.
 */
@Service
class MailReplies implements VisitorMail {

	/** Files taken from one mail; the rest are refused as {@code too_many}. */
	static final int MAX_FILES = 20;

	/** The longest file name kept on a refusal line (its end, with the extension). */
	private static final int MAX_NAME = 100;

	private final ConversationRepository conversations;

	private final VisitorRepository visitors;

	private final MessageRepository messages;

	private final MessageWriter writer;

	private final ChatAttachments files;

	private final ChatSettings settings;

	private final TransactionTemplate transactions;

	private final Transcript transcript;

	private final Clock clock;

	private final VisitorBlocks blocks;

	MailReplies(ConversationRepository conversations, VisitorRepository visitors, MessageRepository messages,
			MessageWriter writer, ChatAttachments files, ChatSettings settings, TransactionTemplate transactions,
			Transcript transcript, Clock clock, VisitorBlocks blocks) {
		this.blocks = blocks;
		this.transcript = transcript;
		this.clock = clock;
		this.conversations = conversations;
		this.visitors = visitors;
		this.messages = messages;
		this.writer = writer;
		this.files = files;
		this.settings = settings;
		this.transactions = transactions;
	}

	@Override
	public MailPosting postReplyByMail(long conversationId, long visitorId, String messageKey, String text,
			List<MailAttachment> attachments) {
		Conversation conversation = this.conversations.findById(conversationId)
			.filter((c) -> c.visitorId() == visitorId)
			.orElseThrow(() -> new IllegalArgumentException("No conversation " + conversationId + " of that visitor"));
		// a blocked customer writes by mail no more than in the chat
		this.blocks.check(visitorId);
		String base = clientIdBase(messageKey);
		String body = MailText.forChat(text, this.settings.maxTextLength());
		Set<FileKind> allowed = this.files.uploadKinds(conversation.channelId());
		List<Checked> accepted = new ArrayList<>();
		List<RefusedFile> refused = new ArrayList<>();
		for (MailAttachment file : (attachments != null) ? attachments : List.<MailAttachment>of()) {
			if (accepted.size() >= MAX_FILES) {
				refused.add(new RefusedFile(shortName(file.fileName()), "too_many"));
				continue;
			}
			try {
				accepted.add(this.files.check(conversationId, file.fileName(), file.content(), allowed));
			}
			catch (ApiException ex) {
				refused.add(new RefusedFile(shortName(file.fileName()), reason(ex.code())));
			}
		}
		Consumer<Conversation> visitorOnly = (c) -> {
			if (c.visitorId() != visitorId) {
				throw ApiException.notFound("Conversation");
			}
		};
		return this.transactions.execute((tx) -> {
			if (postedBefore(conversationId, base, !body.isEmpty(), !accepted.isEmpty())) {
				return new MailPosting(true, 0, List.copyOf(refused));
			}
			int lines = 0;
			if (!body.isEmpty()) {
				this.writer.appendReopening(conversationId,
						Draft.text(base + "-t", Side.VISITOR, visitorId, null, body), visitorOnly);
				lines++;
			}
			for (int i = 0; i < accepted.size(); i++) {
				long id = this.files.insert(accepted.get(i));
				this.writer.appendReopening(conversationId,
						Draft.attachment(base + "-f" + (i + 1), Side.VISITOR, visitorId, null, id), visitorOnly);
				lines++;
			}
			for (int i = 0; i < refused.size(); i++) {
				// under the row lock the appends above took; as an event line, so the
				// list keeps showing the customer's last message
				Conversation locked = this.conversations.lock(conversationId).orElseThrow();
				if (locked.closed()) {
					break;
				}
				RefusedFile file = refused.get(i);
				this.transcript.appendLine(locked,
						Draft.refusedFile(base + "-r" + (i + 1), file.fileName(), file.reason()), this.clock.instant());
			}
			return new MailPosting(false, lines, List.copyOf(refused));
		});
	}

	/**
	 * Whether the mail's first line is stored already (then all of it is: one
	 * transaction).
	 */
	private boolean postedBefore(long conversationId, String base, boolean text, boolean files) {
		Side side = (text || files) ? Side.VISITOR : Side.SYSTEM;
		String first = base + (text ? "-t" : files ? "-f1" : "-r1");
		return this.messages.findByClientId(conversationId, side, first).isPresent();
	}

	/** {@code mail-} and 40 hex digits of the key's SHA-256: a valid client id. */
	static String clientIdBase(String messageKey) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(String.valueOf(messageKey).getBytes(StandardCharsets.UTF_8));
			return "mail-" + HexFormat.of().formatHex(digest).substring(0, 40);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static String reason(String code) {
		return switch (code) {
			case "executable_refused" -> "executable";
			case "payload_too_large" -> "too_large";
			case "validation_failed" -> "empty";
			default -> "type";
		};
	}

	private static String shortName(String name) {
		String clean = UploadInspector.cleanName(name);
		int length = clean.codePointCount(0, clean.length());
		return (length > MAX_NAME) ? clean.substring(clean.offsetByCodePoints(0, length - MAX_NAME)) : clean;
	}

}
