package dev.parley.notifications.internal;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.notifications.Audience;
import dev.parley.notifications.NotificationChannel;
import dev.parley.notifications.OutgoingMail;
import dev.parley.platform.ApiException;

import org.springframework.stereotype.Service;

import static dev.parley.platform.ApiException.invalid;

/**
 * The mail account as the console edits it: checked field by field, passwords written
 * only (kept when not given, removed when given empty), every change audited, and a test
 * message sent on request.
 */
@Service
public class MailAccounts implements OutgoingMail {

	private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.\\-]{0,253})|\\[[0-9A-Fa-f:.]+\\]");

	private final MailAccountRepository repository;

	private final EmailSender sender;

	private final Templates templates;

	private final AuditLog audit;

	MailAccounts(MailAccountRepository repository, EmailSender sender, Templates templates, AuditLog audit) {
		this.repository = repository;
		this.sender = sender;
		this.templates = templates;
		this.audit = audit;
	}

	/** The most support addresses an account has. */
	static final int MAX_SUPPORT_ADDRESSES = 20;

	/**
	 * The console's form; a null password keeps the stored one, an empty one removes it.
	 * Null support addresses: none.
	 */
	public record Form(Boolean smtpEnabled, String smtpHost, Integer smtpPort, String smtpSecurity, String smtpUsername,
			String smtpPassword, String fromAddress, String fromName, String replyAddress, Boolean imapEnabled,
			String imapHost, Integer imapPort, String imapSecurity, String imapUsername, String imapPassword,
			String imapFolder, List<String> supportAddresses) {

		public Form(Boolean smtpEnabled, String smtpHost, Integer smtpPort, String smtpSecurity, String smtpUsername,
				String smtpPassword, String fromAddress, String fromName, String replyAddress, Boolean imapEnabled,
				String imapHost, Integer imapPort, String imapSecurity, String imapUsername, String imapPassword,
				String imapFolder) {
			this(smtpEnabled, smtpHost, smtpPort, smtpSecurity, smtpUsername, smtpPassword, fromAddress, fromName,
					replyAddress, imapEnabled, imapHost, imapPort, imapSecurity, imapUsername, imapPassword, imapFolder,
					null);
		}

	}

	public MailAccount current() {
		return this.repository.load();
	}

	public MailAccount update(Form form, String actor) {
		MailAccount stored = this.repository.load();
		// a stored password is kept only for the server and user it was given for: sent
		// to
		// another host, it would hand it to whoever runs that host
		String smtpKept = sameServer(stored.smtpHost(), stored.smtpPort(), stored.smtpUsername(), form.smtpHost(),
				form.smtpPort(), form.smtpUsername()) ? stored.smtpPassword() : null;
		String imapKept = sameServer(stored.imapHost(), stored.imapPort(), stored.imapUsername(), form.imapHost(),
				form.imapPort(), form.imapUsername()) ? stored.imapPassword() : null;
		if (form.smtpPassword() == null && stored.smtpPassword() != null && smtpKept == null) {
			throw invalid("smtpPassword", "enter the password again: the server or the user changed");
		}
		if (form.imapPassword() == null && stored.imapPassword() != null && imapKept == null) {
			throw invalid("imapPassword", "enter the password again: the server or the user changed");
		}
		boolean smtp = Boolean.TRUE.equals(form.smtpEnabled());
		boolean imap = Boolean.TRUE.equals(form.imapEnabled());
		MailAccount account = new MailAccount(smtp, host("smtpHost", form.smtpHost(), smtp),
				port("smtpPort", form.smtpPort()), security("smtpSecurity", form.smtpSecurity()),
				text("smtpUsername", form.smtpUsername(), 255), password("smtpPassword", form.smtpPassword(), smtpKept),
				address("fromAddress", form.fromAddress(), smtp), text("fromName", form.fromName(), 100),
				address("replyAddress", form.replyAddress(), false), imap, host("imapHost", form.imapHost(), imap),
				port("imapPort", form.imapPort()), security("imapSecurity", form.imapSecurity()),
				required("imapUsername", text("imapUsername", form.imapUsername(), 255), imap),
				password("imapPassword", form.imapPassword(), imapKept),
				(form.imapFolder() == null || form.imapFolder().isBlank()) ? "INBOX"
						: text("imapFolder", form.imapFolder(), 255),
				supportAddresses(form.supportAddresses()));
		this.repository.save(account, actor);
		this.audit.record(actor, "mail.account.updated", account.fromAddress(), AuditResult.SUCCESS,
				"smtp " + (smtp ? "on" : "off") + ", imap " + (imap ? "on" : "off"));
		return account;
	}

	@Override
	public Status status() {
		MailAccount account = this.repository.load();
		return new Status(account.canSend(), account.smtpHost(), account.fromAddress());
	}

	@Override
	public TestMail sendTest(String to, String language, String actor) {
		TestResult result = test(to, language, actor);
		return new TestMail(result.delivered(), result.error());
	}

	/** The outcome of a test message: delivered, or the server's error. */
	public record TestResult(boolean delivered, String error) {
	}

	/** Sends the test message to an address at once (not through the outbox). */
	public TestResult test(String to, String language, String actor) {
		if (to == null || !Outbox.validRecipient(NotificationChannel.EMAIL, to.strip())) {
			throw invalid("to", "must be an e-mail address");
		}
		MailAccount account = this.repository.load();
		if (!account.canSend()) {
			throw ApiException.conflict("mail_not_set_up", "Switch SMTP on and save a host and a from-address first");
		}
		String lang = this.templates.languageFor(language);
		Templates.Rendered rendered = this.templates.render(TemplateKey.TEST_MESSAGE, lang, Map.of());
		String messageId = "parley.test." + java.util.UUID.randomUUID() + "@"
				+ EmailSender.domainOf(account.fromAddress());
		DeliveryResult result = this.sender
			.sendAll(account, List.of(new Outgoing(0, to.strip(), Audience.STAFF, rendered.subject(), rendered.html(),
					rendered.text(), messageId, null, null, null)))
			.get(0);
		boolean delivered = result instanceof DeliveryResult.Delivered;
		String error = (result instanceof DeliveryResult.Retry retry) ? retry.error()
				: (result instanceof DeliveryResult.Refused refused) ? refused.error() : null;
		this.audit.record(actor, "mail.account.tested", to.strip(),
				delivered ? AuditResult.SUCCESS : AuditResult.FAILURE, error);
		return new TestResult(delivered, error);
	}

	private static boolean sameServer(String host, Integer port, String user, String newHost, Integer newPort,
			String newUser) {
		return java.util.Objects.equals(blankToNull(host), blankToNull(newHost))
				&& java.util.Objects.equals(port, newPort)
				&& java.util.Objects.equals(blankToNull(user), blankToNull(newUser));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip().toLowerCase(java.util.Locale.ROOT);
	}

	private static String host(String field, String value, boolean required) {
		String host = text(field, value, 255);
		if (host != null && !HOST.matcher(host).matches()) {
			throw invalid(field, "must be a host name or an IP address");
		}
		return required(field, host, required);
	}

	private static Integer port(String field, Integer value) {
		if (value != null && (value < 1 || value > 65535)) {
			throw invalid(field, "must be between 1 and 65535");
		}
		return value;
	}

	private static MailSecurity security(String field, String value) {
		if (value == null) {
			throw invalid(field, "must be one of none, starttls, tls");
		}
		try {
			return MailSecurity.of(value);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(field, "must be one of none, starttls, tls");
		}
	}

	private static String address(String field, String value, boolean required) {
		String address = text(field, value, 254);
		if (address != null && !Outbox.validRecipient(NotificationChannel.EMAIL, address)) {
			throw invalid(field, "must be an e-mail address");
		}
		return required(field, address, required);
	}

	/** Distinct addresses, lower case, at most {@value #MAX_SUPPORT_ADDRESSES}. */
	private static List<String> supportAddresses(List<String> values) {
		if (values == null) {
			return List.of();
		}
		if (values.size() > MAX_SUPPORT_ADDRESSES) {
			throw invalid("supportAddresses", "must be at most " + MAX_SUPPORT_ADDRESSES + " addresses");
		}
		java.util.LinkedHashSet<String> addresses = new java.util.LinkedHashSet<>();
		for (String value : values) {
			String address = address("supportAddresses", value, false);
			if (address != null && address.indexOf('+') >= 0) {
				throw invalid("supportAddresses", "must be an address without a plus part");
			}
			if (address != null) {
				addresses.add(address.toLowerCase(java.util.Locale.ROOT));
			}
		}
		return List.copyOf(addresses);
	}

	private static String password(String field, String value, String stored) {
		if (value == null) {
			return stored;
		}
		if (value.length() > 500) {
			throw invalid(field, "must be at most 500 characters");
		}
		if (value.chars().anyMatch((c) -> c == '\r' || c == '\n')) {
			throw invalid(field, "must not contain control characters");
		}
		return value.isEmpty() ? null : value;
	}

	private static String text(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.length() > max) {
			throw invalid(field, "must be at most " + max + " characters");
		}
		if (text.chars().anyMatch(Character::isISOControl)) {
			throw invalid(field, "must not contain control characters");
		}
		return text;
	}

	private static String required(String field, String value, boolean required) {
		if (required && value == null) {
			throw invalid(field, "must not be blank");
		}
		return value;
	}

}
