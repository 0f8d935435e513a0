package dev.parley.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

import dev.parley.platform.SecretBox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one row of {@code mail_account}; passwords are sealed with the {@link SecretBox}
 * before they are stored.
 */
@Repository
public class MailAccountRepository {

	private static final String COLUMNS = "smtp_enabled, smtp_host, smtp_port, smtp_security, smtp_username, "
			+ "smtp_password, from_address, from_name, reply_address, imap_enabled, imap_host, imap_port, "
			+ "imap_security, imap_username, imap_password, imap_folder, support_addresses";

	private final JdbcClient jdbc;

	private final SecretBox secrets;

	private final Clock clock;

	MailAccountRepository(JdbcClient jdbc, SecretBox secrets, Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.clock = clock;
	}

	/** The account as stored (V17 made the row: nothing set up). */
	public MailAccount load() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM mail_account WHERE id = 1")
			.query(this::map)
			.optional()
			.orElseGet(MailAccount::none);
	}

	/** Stores the whole account (passwords as given: sealed here). */
	public void save(MailAccount account, String actor) {
		Object[] values = { account.smtpEnabled(), account.smtpHost(), account.smtpPort(),
				account.smtpSecurity().name(), account.smtpUsername(), seal(account.smtpPassword()),
				account.fromAddress(), account.fromName(), account.replyAddress(), account.imapEnabled(),
				account.imapHost(), account.imapPort(), account.imapSecurity().name(), account.imapUsername(),
				seal(account.imapPassword()), account.imapFolder(),
				account.supportAddresses().isEmpty() ? null : String.join("\n", account.supportAddresses()),
				this.clock.millis(), actor };
		this.jdbc
			.sql("UPDATE mail_account SET smtp_enabled = ?, smtp_host = ?, smtp_port = ?, "
					+ "smtp_security = ?, smtp_username = ?, smtp_password = ?, from_address = ?, from_name = ?, "
					+ "reply_address = ?, imap_enabled = ?, imap_host = ?, imap_port = ?, imap_security = ?, "
					+ "imap_username = ?, imap_password = ?, imap_folder = ?, support_addresses = ?, updated_at = ?, "
					+ "updated_by = ? WHERE id = 1")
			.params(values)
			.update();
	}

	private String seal(String password) {
		return (password != null) ? this.secrets.seal(password) : null;
	}

	/**
	 * A password that cannot be opened (the secret key changed or was lost) counts as not
	 * set: the administrator enters it again, and nothing else stops working meanwhile.
	 */
	private String open(String sealed) {
		if (sealed == null) {
			return null;
		}
		try {
			return this.secrets.open(sealed);
		}
		catch (IllegalStateException ex) {
			org.slf4j.LoggerFactory.getLogger(MailAccountRepository.class)
				.warn("A stored mail password cannot be decrypted with this parley.secret-key; enter it again");
			return null;
		}
	}

	private MailAccount map(ResultSet rs, int row) throws SQLException {
		return new MailAccount(rs.getBoolean(1), rs.getString(2), (Integer) rs.getObject(3, Integer.class),
				MailSecurity.of(rs.getString(4)), rs.getString(5), open(rs.getString(6)), rs.getString(7),
				rs.getString(8), rs.getString(9), rs.getBoolean(10), rs.getString(11),
				(Integer) rs.getObject(12, Integer.class), MailSecurity.of(rs.getString(13)), rs.getString(14),
				open(rs.getString(15)), rs.getString(16), lines(rs.getString(17)));
	}

	private static java.util.List<String> lines(String text) {
		return (text == null) ? java.util.List.of()
				: java.util.Arrays.stream(text.split("\n")).map(String::strip).filter((l) -> !l.isEmpty()).toList();
	}

}
