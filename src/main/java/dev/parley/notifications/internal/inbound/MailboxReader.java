package dev.parley.notifications.internal.inbound;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import dev.parley.notifications.internal.MailAccount;
import dev.parley.notifications.internal.MailAccountRepository;
import dev.parley.notifications.internal.MailSecurity;
import dev.parley.notifications.internal.inbound.InboundMailLog.Entry;
import dev.parley.notifications.internal.inbound.InboundReplies.Decision;
import dev.parley.platform.ApiException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Reads the unseen mail of the inbound mailbox over IMAP, one mail at a time: too large
 * ones are not downloaded, the others are parsed and handled, and every mail's outcome is
 * recorded before the mail is marked seen (and moved, if so configured). A crash between
 * the two reads the mail again, which its recorded key makes harmless. Nothing here ever
 * sends mail.
 */
@Component
class MailboxReader {

	private static final Logger logger = LoggerFactory.getLogger(MailboxReader.class);

	private final MailAccountRepository accounts;

	private final InboundMailLog log;

	private final InboundReplies replies;

	private final InboundMailProperties properties;

	private final Clock clock;

	MailboxReader(MailAccountRepository accounts, InboundMailLog log, InboundReplies replies,
			InboundMailProperties properties, Clock clock) {
		this.accounts = accounts;
		this.log = log;
		this.replies = replies;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Handles the unseen mail (up to the per-poll limit), oldest first.
	 * @return how many mails were handled; 0 when no mailbox is set up
	 * @throws MessagingException when the mailbox cannot be reached or read (the mail not
	 * handled yet stays unseen for the next poll)
	 */
	int readOnce() throws MessagingException {
		MailAccount account = this.accounts.load();
		if (!account.canReceive()) {
			return 0;
		}
		Set<String> ours = ourAddresses(account);
		Set<String> support = new HashSet<>();
		account.supportAddresses().forEach((a) -> support.add(a.toLowerCase(Locale.ROOT)));
		boolean secure = account.imapSecurity() == MailSecurity.TLS;
		Session session = Session.getInstance(MailDownload.sessionProperties(account, this.properties.timeout()));
		try (Store store = session.getStore(secure ? "imaps" : "imap")) {
			store.connect(account.imapHost(), (account.imapPort() != null) ? account.imapPort() : -1,
					account.imapUsername(), account.imapPassword());
			Folder folder = store.getFolder((account.imapFolder() != null) ? account.imapFolder() : "INBOX");
			folder.open(Folder.READ_WRITE);
			boolean moved = false;
			try {
				Folder target = target(store);
				Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
				Message[] batch = Arrays.copyOf(unseen, Math.min(unseen.length, this.properties.perPoll()));
				// the sizes alone (no envelope: a server may fail to build one for a
				// malformed mail)
				FetchProfile sizes = new FetchProfile();
				sizes.add(FetchProfile.Item.SIZE);
				folder.fetch(batch, sizes);
				for (Message message : batch) {
					try {
						handle(folder, message, ours, support);
					}
					catch (FolderClosedException | StoreClosedException ex) {
						throw ex;
					}
					catch (MessagingException ex) {
						if (!folder.isOpen()) {
							throw ex;
						}
						// the server cannot give this one mail: record it, go on
						this.log.record(entry(MailParser.sha256("imap:" + imapId(folder, message)), null, null, null,
								InboundOutcome.MALFORMED, "the server could not give the mail: " + ex.getMessage()));
					}
					moved |= markHandled(folder, message, target);
				}
				return batch.length;
			}
			finally {
				folder.close(moved);
			}
		}
	}

	private void handle(Folder folder, Message message, Set<String> ours, Set<String> support)
			throws MessagingException {
		String imapId = imapId(folder, message);
		byte[] raw = MailDownload.read(message, this.properties.maxSize().toBytes());
		Entry entry = (raw != null) ? decide(raw, imapId, ours, support)
				: entry(key(message, imapId), header(message, "From"), header(message, "Subject"), null,
						InboundOutcome.TOO_LARGE, "larger than " + this.properties.maxSize().toBytes() + " bytes");
		if (!this.log.record(entry)) {
			logger.debug("Inbound mail {} was recorded before", entry.mailKey());
		}
		if (entry.outcome() != InboundOutcome.POSTED && entry.outcome() != InboundOutcome.CREATED) {
			logger.info("Inbound mail from {} not posted: {} ({})", InboundMailLog.clip(entry.sender(), 254),
					entry.outcome(), entry.detail());
		}
	}

	private Entry decide(byte[] raw, String imapId, Set<String> ours, Set<String> support) {
		ParsedMail mail;
		try {
			mail = MailParser.parse(raw, ours);
		}
		catch (MalformedMail ex) {
			MailParser.Summary summary = MailParser.summary(raw);
			return entry(summary.key(), summary.from(), summary.subject(), null, InboundOutcome.MALFORMED,
					ex.getMessage());
		}
		if (this.log.contains(mail.key())) {
			return entry(MailParser.sha256(mail.key() + "@" + imapId), mail.from(), mail.subject(), null,
					InboundOutcome.DUPLICATE, "this Message-ID was read before");
		}
		try {
			Decision decision = this.replies.handle(mail, support);
			return new Entry(0, mail.key(), this.clock.instant(), mail.from(), mail.subject(),
					decision.conversationId(), decision.outcome(), decision.detail(), decision.thread());
		}
		catch (ApiException ex) {
			if (ex.status().is5xxServerError()) {
				return retryOrGiveUp(mail, ex);
			}
			return entry(mail.key(), mail.from(), mail.subject(), null, InboundOutcome.MALFORMED,
					"could not be posted: " + ex.code());
		}
		catch (IllegalArgumentException ex) {
			return entry(mail.key(), mail.from(), mail.subject(), null, InboundOutcome.FORGED_TOKEN, ex.getMessage());
		}
		catch (RuntimeException ex) {
			return retryOrGiveUp(mail, ex);
		}
	}

	/**
	 * A mail whose posting failed unexpectedly (the database away, a defect) is read
	 * again on the next polls; after {@value #ATTEMPTS} failures it is recorded as
	 * malformed and marked seen, so that one mail never blocks the mailbox.
	 */
	private Entry retryOrGiveUp(ParsedMail mail, RuntimeException ex) {
		int failures = this.failures.merge(mail.key(), 1, Integer::sum);
		if (failures < ATTEMPTS || ex instanceof DataAccessException && failures < 10 * ATTEMPTS) {
			throw ex;
		}
		this.failures.remove(mail.key());
		logger.error("Inbound mail from {} could not be posted after {} attempts; recorded as malformed",
				InboundMailLog.clip(mail.from(), 254), failures, ex);
		return entry(mail.key(), mail.from(), mail.subject(), null, InboundOutcome.MALFORMED,
				"could not be posted: " + ex.getClass().getSimpleName());
	}

	private static final int ATTEMPTS = 3;

	private final java.util.Map<String, Integer> failures = new java.util.concurrent.ConcurrentHashMap<>();

	private Entry entry(String key, String sender, String subject, Long conversationId, InboundOutcome outcome,
			String detail) {
		return new Entry(0, key, this.clock.instant(), sender, subject, conversationId, outcome, detail);
	}

	private boolean markHandled(Folder folder, Message message, Folder target) throws MessagingException {
		message.setFlag(Flags.Flag.SEEN, true);
		if (target == null) {
			return false;
		}
		folder.copyMessages(new Message[] { message }, target);
		message.setFlag(Flags.Flag.DELETED, true);
		return true;
	}

	private Folder target(Store store) throws MessagingException {
		String name = this.properties.processedFolder();
		if (name == null || name.isBlank()) {
			return null;
		}
		Folder target = store.getFolder(name);
		if (!target.exists()) {
			target.create(Folder.HOLDS_MESSAGES);
		}
		return target;
	}

	/**
	 * The key of a mail not downloaded: its Message-ID, else its place in the mailbox.
	 */
	private static String key(Message message, String imapId) throws MessagingException {
		String messageId = header(message, "Message-ID");
		return MailParser.sha256((messageId != null) ? "id:" + messageId.strip() : "imap:" + imapId);
	}

	private static String header(Message message, String name) throws MessagingException {
		String[] values = message.getHeader(name);
		return (values != null && values.length > 0) ? values[0] : null;
	}

	private static String imapId(Folder folder, Message message) throws MessagingException {
		if (folder instanceof UIDFolder uids) {
			return uids.getUIDValidity() + ":" + uids.getUID(message);
		}
		return "n:" + message.getMessageNumber();
	}

	private static Set<String> ourAddresses(MailAccount account) {
		Set<String> ours = new HashSet<>();
		for (String address : new String[] { account.fromAddress(), account.replyAddress(), account.imapUsername() }) {
			if (address != null && address.contains("@")) {
				ours.add(address.strip().toLowerCase(Locale.ROOT));
			}
		}
		// mail from a support address is Parley's own too (a loop, never a customer)
		account.supportAddresses().forEach((a) -> ours.add(a.toLowerCase(Locale.ROOT)));
		return ours;
	}

}
