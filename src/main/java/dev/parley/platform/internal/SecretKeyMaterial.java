package dev.parley.platform.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The installation's secret key: {@code parley.secret-key} (Base64 of 32 bytes); without
 * it, {@code secret.key} in the data directory, created on first start and readable by
 * its owner only. The cluster profile requires the property, because each node would
 * otherwise make its own key. Keys for other purposes are derived from it (HKDF-Expand
 * with HMAC-SHA256), so one secret serves them all and none is ever used for two
 * purposes.
 */
@Component
class SecretKeyMaterial {

	private static final Logger logger = LoggerFactory.getLogger(SecretKeyMaterial.class);

	private static final SecureRandom random = new SecureRandom();

	private final byte[] key;

	SecretKeyMaterial(@Value("${parley.secret-key:}") String configuredKey, @Value("${parley.data-dir}") String dataDir,
			@Value("${parley.secret-key-required:false}") boolean required) {
		this.key = keyBytes(configuredKey, Path.of(dataDir), required);
	}

	/**
	 * The secret key itself (for the secrets Parley stores, as before key derivation).
	 */
	byte[] bytes() {
		return this.key.clone();
	}

	/**
	 * @param purpose names what the derived key is for; each purpose gets its own key
	 * @return 32 bytes derived from the secret key
	 */
	byte[] derive(String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			mac.update(purpose.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 1);
			return mac.doFinal();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot compute HMAC-SHA256", ex);
		}
	}

	/**
	 * @return the 32 bytes of a Base64 key from configuration
	 */
	static byte[] decode(String base64, String property) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(property + " must be Base64 of 32 random bytes", ex);
		}
		if (key.length != 32) {
			throw new IllegalStateException(property
					+ " must be Base64 of 32 random bytes (openssl rand -base64 32), not " + key.length + " bytes");
		}
		return key;
	}

	private static byte[] keyBytes(String configured, Path dataDir, boolean required) {
		if (StringUtils.hasText(configured)) {
			return decode(configured, "parley.secret-key");
		}
		if (required) {
			throw new IllegalStateException("Set parley.secret-key (PARLEY_SECRET_KEY) to the same Base64 key "
					+ "on every node of the cluster: openssl rand -base64 32");
		}
		return keyFile(dataDir.resolve("secret.key"));
	}

	private static byte[] keyFile(Path file) {
		try {
			if (Files.exists(file)) {
				byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
				if (key.length != 32) {
					throw new IllegalStateException(file + " does not hold a 32-byte key");
				}
				return key;
			}
			byte[] key = new byte[32];
			random.nextBytes(key);
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the directory's permissions apply
			}
			logger.info("Created the secret key {}; keep it with the backups of the database", file.toAbsolutePath());
			return key;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read or create the secret key " + file, ex);
		}
	}

}
