package dev.parley.operations.internal.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;

/**
 * Encryption of backup files: AES-256-GCM in 1 MB segments with a key derived per file
 * (Tink's streaming AEAD), so a file of any size is sealed as it is written and checked
 * segment by segment as it is read; a changed, reordered or cut-off segment fails. The
 * key comes from configuration only ({@code parley.backup.encryption-key}, 32 bytes in
 * Base64), never from the database a backup holds. Files carry the key's id (a hash of
 * it), so a file sealed with another key is told apart from a damaged one.
 */
final class BackupCipher {

	private static final int SEGMENT_SIZE = 1 << 20;

	private final byte[] key;

	private final String keyId;

	private BackupCipher(byte[] key) {
		this.key = key;
		this.keyId = keyId(key);
	}

	/**
	 * @return the cipher, or null when no key is configured
	 * @throws IllegalArgumentException when the configured value is not a 256-bit key
	 */
	static BackupCipher fromConfiguration(String base64) {
		if (base64 == null || base64.isBlank()) {
			return null;
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("parley.backup.encryption-key is not Base64");
		}
		if (key.length != 32) {
			throw new IllegalArgumentException("parley.backup.encryption-key must be 32 bytes (256 bits) in Base64, "
					+ "e.g. from `openssl rand -base64 32`; it has " + key.length);
		}
		return new BackupCipher(key);
	}

	String keyId() {
		return this.keyId;
	}

	OutputStream encrypting(OutputStream out, byte[] associatedData) throws IOException {
		try {
			return streaming().newEncryptingStream(out, associatedData);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	InputStream decrypting(InputStream in, byte[] associatedData) throws IOException {
		try {
			return streaming().newDecryptingStream(in, associatedData);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private AesGcmHkdfStreaming streaming() throws GeneralSecurityException {
		return new AesGcmHkdfStreaming(this.key, "HmacSha256", 32, SEGMENT_SIZE, 0);
	}

	private static String keyId(byte[] key) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update("parley-backup-key-id:".getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(sha256.digest(key), 0, 8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
