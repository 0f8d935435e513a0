package dev.parley.platform.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.parley.platform.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * {@link SecretBox} with AES-256-GCM: {@code v1:} followed by Base64 of a random 12-byte
 * nonce and the cipher text with its tag. The key is {@code parley.secret-key} (Base64 of
 * 32 bytes); without it, {@code secret.key} in the data directory, created on first start
 * and readable by its owner only. The cluster profile requires the property, because each
 * node would otherwise make its own key.
 */
@Component
class AesGcmSecretBox implements SecretBox {

	private static final Logger logger = LoggerFactory.getLogger(AesGcmSecretBox.class);

	private static final String VERSION = "v1:";

	private static final int NONCE_BYTES = 12;

	private static final SecureRandom random = new SecureRandom();

	private final SecretKeySpec key;

	AesGcmSecretBox(@Value("${parley.secret-key:}") String configuredKey, @Value("${parley.data-dir}") String dataDir,
			@Value("${parley.secret-key-required:false}") boolean required) {
		this.key = new SecretKeySpec(keyBytes(configuredKey, Path.of(dataDir), required), "AES");
	}

	@Override
	public String seal(String plainText) {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(plainText.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[NONCE_BYTES + sealed.length];
			System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
			System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
			return VERSION + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt with AES-GCM", ex);
		}
	}

	@Override
	public String open(String sealedText) {
		if (sealedText == null || !sealedText.startsWith(VERSION)) {
			throw new IllegalStateException("Not a sealed secret");
		}
		try {
			byte[] in = Base64.getDecoder().decode(sealedText.substring(VERSION.length()));
			if (in.length <= NONCE_BYTES) {
				throw new IllegalStateException("Not a sealed secret");
			}
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(128, in, 0, NONCE_BYTES));
			return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException(
					"A stored secret cannot be decrypted: it was sealed with another parley.secret-key, or altered",
					ex);
		}
	}

	private static byte[] keyBytes(String configured, Path dataDir, boolean required) {
		if (StringUtils.hasText(configured)) {
			byte[] key;
			try {
				key = Base64.getDecoder().decode(configured.strip());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("parley.secret-key must be Base64 of 32 random bytes", ex);
			}
			if (key.length != 32) {
				throw new IllegalStateException(
						"parley.secret-key must be Base64 of 32 random bytes (openssl rand -base64 32), not "
								+ key.length + " bytes");
			}
			return key;
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
