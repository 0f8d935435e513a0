package dev.parley.notifications;

import java.util.regex.Pattern;

/**
 * A file sent with an e-mail (a scheduled report's CSV or XLSX). Kept sealed with its
 * notification until the notification is forgotten ({@code notifications.retentionDays}),
 * so that it can be sent again from the delivery log.
 *
 * @param fileName the name the recipient sees, e.g.
 * {@code parley-overview-2026-12-01-2026-12-07.xlsx}
 * @param contentType its MIME type, e.g. {@code text/csv; charset=UTF-8}
 * @param content the bytes
 */
public record MailAttachment(String fileName, String contentType, byte[] content) {

	/** What all the files of one e-mail may weigh together. */
	public static final int MAX_TOTAL_BYTES = 10 * 1024 * 1024;

	/** How many files one e-mail may carry. */
	public static final int MAX_FILES = 5;

	private static final Pattern FILE_NAME = Pattern.compile("[^\\\\/:*?\"<>|\\p{Cntrl}]{1,200}");

	public MailAttachment {
		if (fileName == null || !FILE_NAME.matcher(fileName).matches() || fileName.isBlank()) {
			throw new IllegalArgumentException("A file name has 1 to 200 characters and no path: " + fileName);
		}
		if (contentType == null || contentType.isBlank() || contentType.length() > 100) {
			throw new IllegalArgumentException("A file needs its content type: " + contentType);
		}
		if (content == null) {
			throw new IllegalArgumentException("A file needs its content");
		}
	}

}
