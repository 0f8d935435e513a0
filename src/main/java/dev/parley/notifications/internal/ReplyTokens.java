package dev.parley.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.parley.notifications.MailThread;
import dev.parley.platform.ServerSecrets;

import org.springframework.stereotype.Component;

/**
 * The token that threads a customer's e-mail reply into his conversation:
 * {@code c<conversation id>.<signature>}, where the signature is an HMAC-SHA256 (the
 * server secret {@code mail-reply-token}) over the conversation and its visitor, 16
 * lower-case Base32 characters (80 bits). It goes into the Reply-To address
 * ({@code support+c42.abcd...@example.com}) and into the Message-ID of every e-mail about
 * the conversation, so a reply carries it in its address or in In-Reply-To/References. A
 * token names a conversation but proves only that Parley wrote it for that conversation's
 * visitor; the reader still checks the sender.
 */
@Component
public class ReplyTokens {

	private static final Pattern TOKEN = Pattern.compile("c(\\d{1,18})\\.([a-z2-7]{16})");

	private static final Pattern THREAD_TOKEN = Pattern
		.compile("(?<![a-z0-9])([a-z])(\\d{1,18})\\.([a-z2-7]{16})(?![a-z2-7])");

	private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

	private final ServerSecrets secrets;

	public ReplyTokens(ServerSecrets secrets) {
		this.secrets = secrets;
	}

	/** A conversation's token as written into addresses and message ids. */
	public String tokenFor(long conversationId, long visitorId) {
		return "c" + conversationId + "." + signature(conversationId, visitorId);
	}

	/**
	 * Finds a token in some text (an address, a Message-ID, a References header).
	 * @return the conversation id the first well-formed token names; its signature is not
	 * checked yet ({@link #verify})
	 */
	public Optional<Candidate> find(String text) {
		if (text == null) {
			return Optional.empty();
		}
		Matcher matcher = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
		while (matcher.find()) {
			try {
				return Optional.of(new Candidate(Long.parseLong(matcher.group(1)), matcher.group(2)));
			}
			catch (NumberFormatException ex) {
				// too large to be an id: look on
			}
		}
		return Optional.empty();
	}

	/**
	 * @return whether the candidate's signature is the one Parley makes for the
	 * conversation and its visitor (compared in constant time)
	 */
	public boolean verify(Candidate candidate, long visitorId) {
		byte[] expected = signature(candidate.conversationId(), visitorId).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, candidate.signature().getBytes(StandardCharsets.US_ASCII));
	}

	/** A token found in a mail: the conversation it names and its signature. */
	public record Candidate(long conversationId, String signature) {
	}

	/**
	 * The token of another module's thread: {@code <kind><id>.<signature>}, the signature
	 * over kind, id and party (never the same as a conversation's: the signed text
	 * differs).
	 */
	public String tokenFor(MailThread thread) {
		return thread.name() + "." + threadSignature(thread.kind(), thread.id(), thread.party());
	}

	/**
	 * Finds the first well-formed token of one of the kinds in some text, standing on its
	 * own (not inside a longer word).
	 * @param kinds the kinds asked for (conversations' {@code c} is never found here)
	 */
	public Optional<ThreadCandidate> findThread(String text, Set<String> kinds) {
		if (text == null || kinds.isEmpty()) {
			return Optional.empty();
		}
		Matcher matcher = THREAD_TOKEN.matcher(text.toLowerCase(Locale.ROOT));
		while (matcher.find()) {
			if (!kinds.contains(matcher.group(1)) || "c".equals(matcher.group(1))) {
				continue;
			}
			try {
				return Optional
					.of(new ThreadCandidate(matcher.group(1), Long.parseLong(matcher.group(2)), matcher.group(3)));
			}
			catch (NumberFormatException ex) {
				// too large to be an id: look on
			}
		}
		return Optional.empty();
	}

	/**
	 * @return whether the candidate's signature is the one Parley makes for its thread
	 * and this party (compared in constant time)
	 */
	public boolean verify(ThreadCandidate candidate, long party) {
		byte[] expected = threadSignature(candidate.kind(), candidate.id(), party).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, candidate.signature().getBytes(StandardCharsets.US_ASCII));
	}

	/** A thread token found in a mail: its kind, the id it names, and its signature. */
	public record ThreadCandidate(String kind, long id, String signature) {

		public String name() {
			return this.kind + this.id;
		}

	}

	private String threadSignature(String kind, long id, long party) {
		byte[] digest = this.secrets.hmacSha256("mail-reply-token",
				("thread:" + kind + ":" + id + ":party:" + party).getBytes(StandardCharsets.UTF_8));
		return base32(digest, 16);
	}

	private String signature(long conversationId, long visitorId) {
		byte[] digest = this.secrets.hmacSha256("mail-reply-token",
				("conversation:" + conversationId + ":visitor:" + visitorId).getBytes(StandardCharsets.UTF_8));
		return base32(digest, 16);
	}

	private static String base32(byte[] bytes, int length) {
		StringBuilder out = new StringBuilder(length);
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5 && out.length() < length) {
				out.append(BASE32[(buffer >> (bits - 5)) & 31]);
				bits -= 5;
			}
			if (out.length() == length) {
				break;
			}
		}
		return out.toString();
	}

}
