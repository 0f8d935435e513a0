package dev.parley.conversations;

import java.util.EnumSet;

import dev.parley.conversations.internal.ChatAttachments;
import dev.parley.conversations.internal.FileKind;
import dev.parley.platform.ApiException;

import org.springframework.stereotype.Component;

/**
 * The checks every upload of a chat passes, for modules that take files too (tickets):
 * the real type from the bytes, programs and scripts refused by name and by content, and
 * a file name safe to store and to put into a download header.
 */
@Component
public class UploadChecks {

	private final ChatAttachments attachments;

	UploadChecks(ChatAttachments attachments) {
		this.attachments = attachments;
	}

	/**
	 * What a file is.
	 *
	 * @param fileName the name cleaned (no path, no invisible characters)
	 * @param contentType the type detected from the bytes
	 */
	public record Inspected(String fileName, String contentType, boolean image) {
	}

	/**
	 * @param staff whether staff send it (every kind of file a chat takes) or a customer
	 * (the kinds a channel allows unless narrowed: images, PDF, office, text, archives)
	 * @throws ApiException 415 {@code executable_refused} for a program or script,
	 * {@code unsupported_media_type} for a kind not allowed
	 */
	public Inspected inspect(String fileName, byte[] content, boolean staff) {
		return this.attachments.inspect(fileName, content, staff ? EnumSet.allOf(FileKind.class) : FileKind.DEFAULT);
	}

	/**
	 * @return the largest file the database takes in one statement (smaller than the
	 * settings only on MariaDB with a small {@code max_allowed_packet})
	 */
	public long databaseLimit() {
		return this.attachments.databaseLimit();
	}

}
