package dev.parley.platform.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.parley.platform.SecretBox;

import org.springframework.stereotype.Component;

/**
 * {@link SecretBox} with AES-256-GCM: {@code v1:} followed by Base64 of a random 12-byte
 * nonce and the cipher text with its tag, with the installation's secret key
 * ({@link SecretKeyMaterial}).
 */
@Component
class AesGcmSecretBox implements SecretBox {

	private static final String VERSION = "v1:";

	private static final int NONCE_BYTES = 12;

	private static final SecureRandom random = new SecureRandom();

	private final SecretKeySpec key;

	AesGcmSecretBox(SecretKeyMaterial secret) {
		this.key = new SecretKeySpec(secret.bytes(), "AES");
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

}
