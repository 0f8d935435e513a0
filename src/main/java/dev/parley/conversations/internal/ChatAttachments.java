package dev.parley.conversations.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import dev.parley.conversations.internal.ChatMessages.Sent;
import dev.parley.platform.StaffActor;
import dev.parley.conversations.internal.VisitorTokens.VisitorIdentity;
import dev.parley.platform.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files in conversations: checked (size, real type), stored in the database (so every
 * node serves them, docs/decisions/0004-attachment-storage.md), sent as a message, and
 * handed out only to the parties of the conversation and staff who may read it.
 */
@Service
public class ChatAttachments {

	private static final SecureRandom random = new SecureRandom();

	private final AttachmentRepository attachments;

	private final ChannelRepository channels;

	private final ConversationAccess access;

	private final ChatMessages chat;

	private final UploadInspector inspector;

	private final ChatSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final VisitorBlocks blocks;

	ChatAttachments(AttachmentRepository attachments, ChannelRepository channels, ConversationAccess access,
			ChatMessages chat, UploadInspector inspector, ChatSettings settings, TransactionTemplate transactions,
			Clock clock, VisitorBlocks blocks) {
		this.blocks = blocks;
		this.channels = channels;
		this.attachments = attachments;
		this.access = access;
		this.chat = chat;
		this.inspector = inspector;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** A file to hand out. */
	public record Download(Attachment attachment, byte[] content) {
	}

	public Sent uploadAsVisitor(VisitorIdentity visitor, long conversationId, String clientId, String fileName,
			byte[] content) {
		Conversation c = this.access.forVisitor(visitor, conversationId);
		this.blocks.check(visitor.visitorId());
		if (c.closed()) {
			throw new ApiException(HttpStatus.CONFLICT, "conversation_closed", "The conversation is closed");
		}
		long id = store(c.id(), ChatInput.clientId(clientId), fileName, content, uploadKinds(c.channelId()));
		return this.chat.attachmentFromVisitor(visitor, c.id(), clientId, id);
	}

	public Sent uploadAsAgent(StaffActor actor, long conversationId, String clientId, String fileName, byte[] content) {
		Conversation c = this.access.forStaff(actor, conversationId);
		ConversationAccess.checkMayWrite(actor, c);
		if (c.closed()) {
			throw new ApiException(HttpStatus.CONFLICT, "conversation_closed", "The conversation is closed");
		}
		long id = store(c.id(), ChatInput.clientId(clientId), fileName, content, EnumSet.allOf(FileKind.class));
		return this.chat.attachmentFromAgent(actor, c.id(), clientId, id);
	}

	/** The largest file that may be sent: the setting, within what the database takes. */
	public long maxBytes() {
		return Math.min(this.settings.attachmentMaxBytes(), this.attachments.maxContentBytes());
	}

	/**
	 * @return the name endings of the kinds of file the channel's visitors may send (for
	 * the widget's file picker; the server decides by the bytes)
	 */
	public static List<String> extensions(Channel channel) {
		return FileKind.parse(channel.uploadTypes()).stream().flatMap((kind) -> kind.extensions().stream()).toList();
	}

	/** What the channel's visitors may send (its allow-list). */
	Set<FileKind> uploadKinds(long channelId) {
		return this.channels.findById(channelId)
			.map((channel) -> FileKind.parse(channel.uploadTypes()))
			.orElse(FileKind.DEFAULT);
	}

	private long store(long conversationId, String clientId, String fileName, byte[] content, Set<FileKind> allowed) {
		Checked checked = check(conversationId, fileName, content, allowed);
		Long id = this.transactions.execute((tx) -> insert(checked));
		return id;
	}

	/**
	 * The type and clean name of a file another module takes
	 * (conversations.UploadChecks).
	 */
	public dev.parley.conversations.UploadChecks.Inspected inspect(String fileName, byte[] content,
			Set<FileKind> allowed) {
		UploadInspector.Inspected inspected = this.inspector.inspect(fileName, content, allowed);
		return new dev.parley.conversations.UploadChecks.Inspected(UploadInspector.cleanName(fileName),
				inspected.contentType(), inspected.image());
	}

	/** The largest file the database takes in one statement. */
	public long databaseLimit() {
		return this.attachments.maxContentBytes();
	}

	/** A file that passed the checks, ready to be stored. */
	record Checked(Attachment attachment, byte[] content, byte[] thumbnail) {
	}

	/**
	 * Checks a file as every upload is checked: not empty, within the size limit, of an
	 * allowed kind by its bytes, no program.
	 * @throws ApiException {@code validation_failed} (empty), {@code payload_too_large},
	 * {@code executable_refused}, {@code unsupported_media_type}
	 */
	Checked check(long conversationId, String fileName, byte[] content, Set<FileKind> allowed) {
		if (content == null || content.length == 0) {
			throw ChatInput.invalid("file", "must not be empty");
		}
		long maxBytes = maxBytes();
		if (content.length > maxBytes) {
			throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large",
					"The file is larger than " + maxBytes + " bytes")
				.with("maxBytes", maxBytes);
		}
		UploadInspector.Inspected inspected = this.inspector.inspect(fileName, content, allowed);
		byte[] key = new byte[16];
		random.nextBytes(key);
		Attachment attachment = new Attachment(0, HexFormat.of().formatHex(key), conversationId,
				UploadInspector.cleanName(fileName), inspected.contentType(), content.length, inspected.image(),
				inspected.width(), inspected.height(), this.clock.instant());
		return new Checked(attachment, content, inspected.thumbnail());
	}

	/** Stores a checked file (in the caller's transaction, if there is one). */
	long insert(Checked checked) {
		return this.attachments.insert(checked.attachment(), checked.content(), checked.thumbnail());
	}

	public Download forVisitor(VisitorIdentity visitor, String publicId, boolean thumbnail) {
		Attachment attachment = find(publicId);
		this.access.forVisitor(visitor, attachment.conversationId());
		return content(attachment, thumbnail);
	}

	public Download forStaff(StaffActor actor, String publicId, boolean thumbnail) {
		Attachment attachment = find(publicId);
		// the transcripts the staff member may open, with their files
		if (!this.access.mayOpen(actor, attachment.conversationId())) {
			throw ApiException.notFound("Attachment");
		}
		return content(attachment, thumbnail);
	}

	private Attachment find(String publicId) {
		if (publicId == null || !publicId.matches("[0-9a-f]{32}")) {
			throw ApiException.notFound("Attachment");
		}
		return this.attachments.findByPublicId(publicId).orElseThrow(() -> ApiException.notFound("Attachment"));
	}

	private Download content(Attachment attachment, boolean thumbnail) {
		byte[] bytes = this.attachments.content(attachment.id(), thumbnail && attachment.image())
			.orElseThrow(() -> ApiException.notFound("Attachment"));
		return new Download(attachment, bytes);
	}

}
