package dev.parley.operations.internal;

import java.nio.file.Path;

import dev.parley.operations.SelfCheck;
import dev.parley.operations.SelfCheckContext;
import dev.parley.operations.SelfCheckResult;

import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where the key that seals stored secrets (mail and SMS passwords) comes from:
 * {@code parley.secret-key}, or the key file Parley made in the data directory. A cluster
 * node does not start without the property, so the file only ever serves a single node,
 * and then it must be backed up with the database: a restored database without it has
 * every stored password unreadable.
 */
@Component
@Order(60)
class SecretKeyCheck implements SelfCheck {

	private final Environment environment;

	SecretKeyCheck(Environment environment) {
		this.environment = environment;
	}

	@Override
	public String key() {
		return "secret-key";
	}

	@Override
	public SelfCheckResult run(SelfCheckContext context) {
		String configured = this.environment.getProperty("parley.secret-key", "");
		if (!configured.isBlank()) {
			return SelfCheckResult.ok("selfCheck.secret-key.configured").withFix("selfCheck.secret-key.fixConfigured");
		}
		Path file = Path.of(this.environment.getProperty("parley.data-dir", "./data"), "secret.key")
			.toAbsolutePath()
			.normalize();
		return SelfCheckResult.ok("selfCheck.secret-key.file", "path", file.toString())
			.withFix("selfCheck.secret-key.fixFile", "path", file.toString());
	}

}
