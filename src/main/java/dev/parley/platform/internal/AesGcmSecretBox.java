package dev.parley.platform.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.parley.platform.PersonalData;
import dev.parley.platform.SecretBox;

import org.springframework.stereotype.Component;

/**
 * {@link SecretBox} with the rotating keys of {@link PersonalData} (AES-256-GCM,
 * {@code pd1:<key id>:...}). Opens the format of earlier releases too: {@code v1:}
 * followed by Base64 of a 12-byte nonce and the cipher text with its tag, under the
 * installation's secret key itself ({@link SecretKeyMaterial}); the rotation re-seals
 * those with the current key.
 */
@Component
class AesGcmSecretBox implements SecretBox {

	private static final String LEGACY = "v1:";

	private static final int NONCE_BYTES = 12;

	private final PersonalData keys;

	private final SecretKeySpec legacyKey;

	AesGcmSecretBox(PersonalData keys, SecretKeyMaterial secret) {
		this.keys = keys;
		this.legacyKey = new SecretKeySpec(secret.bytes(), "AES");
	}

	@Override
	public String seal(String plainText) {
		if (plainText == null) {
			throw new IllegalArgumentException("No secret to seal");
		}
		return this.keys.seal(plainText);
	}

	@Override
	public String open(String sealedText) {
		if (sealedText != null && sealedText.startsWith("pd1:")) {
			return this.keys.open(sealedText);
		}
		if (sealedText == null || !sealedText.startsWith(LEGACY)) {
			throw new IllegalStateException("Not a sealed secret");
		}
		try {
			byte[] in = Base64.getDecoder().decode(sealedText.substring(LEGACY.length()));
			if (in.length <= NONCE_BYTES) {
				throw new IllegalStateException("Not a sealed secret");
			}
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.legacyKey, new GCMParameterSpec(128, in, 0, NONCE_BYTES));
			return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException(
					"A stored secret cannot be decrypted: it was sealed with another parley.secret-key, or altered",
					ex);
		}
	}

}
