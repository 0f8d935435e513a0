package dev.parley.notifications.internal.inbound;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import dev.parley.conversations.VisitorMail.MailAttachment;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads a raw mail (already within the size limit) into a {@link ParsedMail}: the sender
 * by the address alone (display names ignored), where a reply token may be, whether it is
 * automatic, the text (plain text preferred, else the HTML part as text) without the
 * quoted earlier mail, and the attached files.
 */
final class MailParser {

	/** Nesting and part limits: a mail beyond them is malformed (or hostile). */
	private static final int MAX_DEPTH = 10;

	private static final int MAX_PARTS = 200;

	private static final Session SESSION = session();

	private MailParser() {
	}

	/**
	 * @param ours Parley's own addresses (lower case), to recognise loops
	 * @throws MalformedMail when the mail cannot be read as one
	 */
	static ParsedMail parse(byte[] raw, Set<String> ours) throws MalformedMail {
		try {
			MimeMessage mail = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
			String messageId = clean(mail.getMessageID());
			String key = (messageId != null) ? sha256("id:" + messageId) : rawKey(raw);
			String from = null;
			MalformedMail unreadableSender = null;
			try {
				from = sender(mail);
			}
			catch (MalformedMail ex) {
				unreadableSender = ex;
			}
			String autoReply = AutoReplies.reason(mail, from, ours);
			if (autoReply == null && unreadableSender != null) {
				throw unreadableSender;
			}
			List<String> recipients = new ArrayList<>();
			for (String header : List.of("To", "Cc", "Delivered-To", "X-Original-To")) {
				addresses(mail.getHeader(header), recipients);
			}
			List<String> threadIds = new ArrayList<>();
			for (String header : List.of("In-Reply-To", "References")) {
				String[] values = mail.getHeader(header);
				for (String value : (values != null) ? values : new String[0]) {
					threadIds.addAll(List.of(value.strip().split("[\\s,]+")));
				}
			}
			Body body = new Body();
			if (autoReply == null) {
				walk(mail, 0, body);
			}
			String full = (body.plain != null) ? body.plain : HtmlText.toText(body.html);
			return new ParsedMail(key, messageId, from, mail.getSubject(), recipients, threadIds, autoReply,
					QuotedText.strip(full), full.strip(), body.files, senderName(mail));
		}
		catch (MalformedMail ex) {
			throw ex;
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			throw new MalformedMail(ex.getClass().getSimpleName() + ": " + ex.getMessage(), ex);
		}
	}

	/** The From header's display name, or null (never refuses a mail). */
	private static String senderName(MimeMessage mail) {
		try {
			String[] from = mail.getHeader("From");
			if (from == null || from.length != 1) {
				return null;
			}
			InternetAddress[] addresses = InternetAddress.parseHeader(from[0], false);
			String name = (addresses.length == 1) ? addresses[0].getPersonal() : null;
			return (name == null || name.isBlank()) ? null : name.strip();
		}
		catch (MessagingException | RuntimeException ex) {
			return null;
		}
	}

	/** The single From address, lower case; null when there is none or several. */
	private static String sender(MimeMessage mail) throws MessagingException, MalformedMail {
		String[] from = mail.getHeader("From");
		if (from == null || from.length != 1) {
			throw new MalformedMail((from == null) ? "no From" : "more than one From header");
		}
		try {
			InternetAddress[] addresses = InternetAddress.parseHeader(from[0], true);
			if (addresses.length != 1 || addresses[0].isGroup()) {
				throw new MalformedMail("From names " + addresses.length + " addresses");
			}
			addresses[0].validate();
			return addresses[0].getAddress().toLowerCase(Locale.ROOT);
		}
		catch (AddressException ex) {
			throw new MalformedMail("unreadable From: " + ex.getMessage(), ex);
		}
	}

	private static void addresses(String[] values, List<String> into) {
		for (String value : (values != null) ? values : new String[0]) {
			try {
				for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
					if (address.getAddress() != null) {
						into.add(address.getAddress());
					}
				}
			}
			catch (AddressException ex) {
				// an unreadable recipient header holds no token we could trust
			}
		}
	}

	/** What the parts of a mail give: the first plain and HTML texts, and the files. */
	private static final class Body {

		String plain;

		String html;

		final List<MailAttachment> files = new ArrayList<>();

		int parts;

	}

	private static void walk(Part part, int depth, Body body) throws MessagingException, IOException, MalformedMail {
		if (depth > MAX_DEPTH || ++body.parts > MAX_PARTS) {
			throw new MalformedMail("more than " + MAX_DEPTH + " levels or " + MAX_PARTS + " parts");
		}
		if (part.isMimeType("multipart/*")) {
			Object content = part.getContent();
			if (!(content instanceof Multipart multipart)) {
				throw new MalformedMail("a multipart without parts");
			}
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				walk(child, depth + 1, body);
			}
			return;
		}
		String fileName = part.getFileName();
		boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
		if (attached || (fileName != null && !part.isMimeType("text/plain") && !part.isMimeType("text/html"))
				|| part.isMimeType("message/rfc822")) {
			body.files.add(new MailAttachment((fileName != null) ? fileName : "attachment", bytes(part)));
		}
		else if (part.isMimeType("text/plain") && body.plain == null) {
			body.plain = text(part);
		}
		else if (part.isMimeType("text/html") && body.html == null) {
			body.html = text(part);
		}
	}

	private static String text(Part part) throws MessagingException, IOException {
		try {
			Object content = part.getContent();
			if (content instanceof String text) {
				return text;
			}
		}
		catch (UnsupportedEncodingException ex) {
			// an unknown charset: read it as UTF-8 rather than lose the reply
		}
		return new String(bytes(part), StandardCharsets.UTF_8);
	}

	private static byte[] bytes(Part part) throws MessagingException, IOException {
		try (InputStream in = part.getInputStream()) {
			return in.readAllBytes();
		}
	}

	/** A header value without control characters (or null when blank). */
	private static String clean(String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.replaceAll("\\p{Cntrl}", "").strip();
		return stripped.isEmpty() ? null : stripped;
	}

	/**
	 * What the log shows of a mail that could not be read: its key, sender and subject.
	 */
	record Summary(String key, String from, String subject) {
	}

	/** As much of a malformed mail as its headers give, for the log. */
	static Summary summary(byte[] raw) {
		try {
			MimeMessage mail = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
			String messageId = clean(mail.getMessageID());
			String[] from = mail.getHeader("From");
			return new Summary((messageId != null) ? sha256("id:" + messageId) : rawKey(raw),
					(from != null && from.length > 0) ? from[0] : null, mail.getSubject());
		}
		catch (MessagingException | RuntimeException ex) {
			return new Summary(rawKey(raw), null, null);
		}
	}

	/** The key of a mail without a usable Message-ID: the hash of its bytes. */
	static String rawKey(byte[] raw) {
		return sha256("raw:" + HexFormat.of().formatHex(digest(raw)));
	}

	static String sha256(String value) {
		return HexFormat.of().formatHex(digest(value.getBytes(StandardCharsets.UTF_8)));
	}

	private static byte[] digest(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static Session session() {
		Properties properties = new Properties();
		properties.setProperty("mail.mime.decodefilename", "true");
		properties.setProperty("mail.mime.address.strict", "true");
		return Session.getInstance(properties);
	}

}
