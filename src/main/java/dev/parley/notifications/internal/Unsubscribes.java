package dev.parley.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import dev.parley.platform.PersonalData;
import dev.parley.platform.ServerSecrets;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customers who opted out of e-mail. Every customer e-mail carries a link with a token
 * (the address and an HMAC of it) that unsubscribes that address and no other.
 */
@Component
public class Unsubscribes {

	/** Which blind index the list holds. */
	static final String OPT_OUT = "mail-opt-out";

	private final JdbcClient jdbc;

	private final ServerSecrets secrets;

	private final Clock clock;

	private final TransactionTemplate savepoint;

	private final PersonalData personal;

	Unsubscribes(JdbcClient jdbc, ServerSecrets secrets, Clock clock, PlatformTransactionManager transactions,
			PersonalData personal) {
		this.jdbc = jdbc;
		this.personal = personal;
		this.secrets = secrets;
		this.clock = clock;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	public boolean optedOut(String address) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notification_opt_out WHERE address = ?")
			.param(stored(address))
			.query(Integer.class)
			.single() > 0;
	}

	/** The token of an address's unsubscribe link. */
	public String tokenFor(String address) {
		String normal = normal(address);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(normal.getBytes(StandardCharsets.UTF_8)) + "."
				+ signature(normal);
	}

	/**
	 * @return the address a genuine token names
	 */
	public Optional<String> addressOf(String token) {
		if (token == null || token.length() > 600) {
			return Optional.empty();
		}
		int dot = token.indexOf('.');
		if (dot <= 0) {
			return Optional.empty();
		}
		try {
			String address = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
			boolean genuine = MessageDigest.isEqual(signature(address).getBytes(StandardCharsets.US_ASCII),
					token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
			return genuine ? Optional.of(address) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** Opts an address out (again: nothing changes). */
	public void optOut(String address) {
		String normal = normal(address);
		if (optedOut(normal)) {
			return;
		}
		try {
			this.savepoint.executeWithoutResult(
					(tx) -> this.jdbc.sql("INSERT INTO notification_opt_out (address, created_at) VALUES (?, ?)")
						.params(stored(normal), this.clock.millis())
						.update());
		}
		catch (DuplicateKeyException ex) {
			// opted out a moment ago by another request
		}
	}

	/** Takes an address off the list (the customer asked to get mail again). */
	public boolean optIn(String address) {
		return this.jdbc.sql("DELETE FROM notification_opt_out WHERE address = ?").param(stored(address)).update() == 1;
	}

	static String normal(String address) {
		return address.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * What the list holds for an address: its blind index (platform.PersonalData), so
	 * that the list is no list of customers' addresses.
	 */
	String stored(String address) {
		return this.personal.index(OPT_OUT, normal(address));
	}

	private String signature(String address) {
		byte[] digest = this.secrets.hmacSha256("mail-unsubscribe", address.getBytes(StandardCharsets.UTF_8));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
	}

}
