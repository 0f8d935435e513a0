package dev.parley.platform.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.parley.platform.SecretBox;
import dev.parley.platform.ServerSecrets;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Server secrets in the {@code server_secret} table, sealed with the {@link SecretBox}
 * ({@code secret_sealed}). Two nodes creating the same secret at once both end up with
 * the one that was inserted first.
 * <p>
 * The previous release read the plain Base64 column {@code secret}: while both releases
 * run, a row it created has no sealed value yet (sealed here on first read), and a secret
 * created here leaves random bytes in {@code secret}, never the secret. The plain values
 * of older rows stay for the previous release until the key rotation overwrites them
 * (docs/security.md, "Secrets at rest").
 */
@Component
class JdbcServerSecrets implements ServerSecrets {

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

	private final TransactionTemplate ownTransaction;

	private final SecretBox box;

	JdbcServerSecrets(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions, SecretBox box) {
		this.jdbc = jdbc;
		this.box = box;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public byte[] secret(String name) {
		byte[] known = this.cache.get(name);
		if (known == null) {
			// Not inside computeIfAbsent: loading takes a connection of its own (the
			// caller may hold one in its transaction), and threads must not queue
			// behind it holding theirs, or a full pool waits for itself.
			this.cache.putIfAbsent(name, load(name));
			known = this.cache.get(name);
		}
		return known.clone();
	}

	/**
	 * Reads every stored secret once the application is up, so requests (which may hold a
	 * pooled connection in a transaction) rarely need a second one to load a secret.
	 */
	@org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
	void preload() {
		this.ownTransaction.executeWithoutResult((tx) -> this.jdbc.sql("SELECT name FROM server_secret")
			.query(String.class)
			.list()
			.forEach((name) -> read(name).ifPresent((secret) -> this.cache.putIfAbsent(name, secret))));
	}

	/**
	 * Each step in a transaction of its own: the caller's (on MySQL/MariaDB a
	 * repeatable-read snapshot) would not see a secret another node inserted a moment
	 * ago, and on PostgreSQL a failed insert spoils the transaction it ran in.
	 */
	private byte[] load(String name) {
		java.util.Optional<byte[]> existing = this.ownTransaction.execute((tx) -> read(name));
		if (existing.isPresent()) {
			return existing.get();
		}
		byte[] fresh = new byte[32];
		random.nextBytes(fresh);
		try {
			this.ownTransaction.executeWithoutResult((tx) -> this.jdbc
				.sql("INSERT INTO server_secret (name, secret, secret_sealed, created_at) VALUES (?, ?, ?, ?)")
				.params(name, PlainCopies.throwaway(), this.box.seal(Base64.getEncoder().encodeToString(fresh)),
						this.clock.millis())
				.update());
		}
		catch (DuplicateKeyException ex) {
			// another node was first; use its secret
		}
		return this.ownTransaction.execute((tx) -> read(name)).orElseThrow();
	}

	private java.util.Optional<byte[]> read(String name) {
		java.util.Optional<String[]> row = this.jdbc
			.sql("SELECT secret, secret_sealed FROM server_secret WHERE name = ?")
			.param(name)
			.query((rs, number) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional();
		return row.map((stored) -> {
			if (stored[1] != null) {
				return this.box.open(stored[1]);
			}
			// made by the previous release: seal it now (a no-op if another node did)
			this.jdbc.sql("UPDATE server_secret SET secret_sealed = ? WHERE name = ? AND secret_sealed IS NULL")
				.params(this.box.seal(stored[0]), name)
				.update();
			return stored[0];
		}).map(Base64.getDecoder()::decode);
	}

}
