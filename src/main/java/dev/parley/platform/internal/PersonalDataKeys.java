package dev.parley.platform.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.parley.platform.PersonalData;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * {@link PersonalData} with AES-256-GCM and HMAC-SHA256. The keys:
 * <ul>
 * <li>{@code k0}, derived from the installation's secret key ({@code parley.secret-key}
 * or the key file), so an installation encrypts personal data without any further
 * setting;
 * <li>{@code parley.personal-data.keys}: more keys as {@code id:Base64,id:Base64} (32
 * bytes each), e.g. a new one to rotate to;
 * <li>{@code parley.personal-data.current-key}: the id new values are sealed with
 * ({@code k0} by default).
 * </ul>
 * The blind index key is derived from the secret key too (or
 * {@code parley.personal-data.index-key}); it is not rotated with the others, because a
 * new one would need every stored value read again.
 */
@Component
class PersonalDataKeys implements PersonalData {

	private static final String PREFIX = "pd1:";

	private static final int NONCE_BYTES = 12;

	private static final Pattern KEY_ID = Pattern.compile("[a-z0-9]{1,8}");

	private static final SecureRandom random = new SecureRandom();

	private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

	private final String currentKeyId;

	private final SecretKeySpec indexKey;

	PersonalDataKeys(SecretKeyMaterial secret, @Value("${parley.personal-data.keys:}") String configuredKeys,
			@Value("${parley.personal-data.current-key:k0}") String currentKeyId,
			@Value("${parley.personal-data.index-key:}") String indexKey) {
		this.keys.put("k0", new SecretKeySpec(secret.derive("parley personal data k0"), "AES"));
		if (StringUtils.hasText(configuredKeys)) {
			for (String entry : configuredKeys.split(",")) {
				String[] parts = entry.strip().split(":", 2);
				if (parts.length != 2 || !KEY_ID.matcher(parts[0]).matches()) {
					throw new IllegalStateException(
							"parley.personal-data.keys must be id:Base64 pairs separated by commas, ids of 1-8 "
									+ "lower-case letters and digits");
				}
				this.keys.put(parts[0], new SecretKeySpec(
						SecretKeyMaterial.decode(parts[1], "parley.personal-data.keys (" + parts[0] + ")"), "AES"));
			}
		}
		if (!this.keys.containsKey(currentKeyId)) {
			throw new IllegalStateException("parley.personal-data.current-key names " + currentKeyId
					+ ", which is not among the keys: " + this.keys.keySet());
		}
		this.currentKeyId = currentKeyId;
		this.indexKey = new SecretKeySpec(
				StringUtils.hasText(indexKey) ? SecretKeyMaterial.decode(indexKey, "parley.personal-data.index-key")
						: secret.derive("parley blind index"),
				"HmacSHA256");
	}

	@Override
	public String seal(String plainText) {
		if (plainText == null) {
			return null;
		}
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.get(this.currentKeyId), new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(plainText.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[NONCE_BYTES + sealed.length];
			System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
			System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
			return PREFIX + this.currentKeyId + ":" + Base64.getEncoder().withoutPadding().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt with AES-GCM", ex);
		}
	}

	@Override
	public String open(String sealedText) {
		if (sealedText == null) {
			return null;
		}
		int colon = sealedText.indexOf(':', PREFIX.length());
		if (!sealedText.startsWith(PREFIX) || colon < 0) {
			throw new IllegalStateException("Not sealed personal data");
		}
		String keyId = sealedText.substring(PREFIX.length(), colon);
		SecretKeySpec key = this.keys.get(keyId);
		if (key == null) {
			throw new IllegalStateException("Personal data is sealed with key " + keyId
					+ ", which is not configured (parley.personal-data.keys)");
		}
		try {
			byte[] in = Base64.getDecoder().decode(sealedText.substring(colon + 1));
			if (in.length <= NONCE_BYTES) {
				throw new IllegalStateException("Not sealed personal data");
			}
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, NONCE_BYTES));
			return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("Personal data sealed with key " + keyId + " cannot be decrypted: "
					+ "the key differs from the one it was sealed with, or the value was altered", ex);
		}
	}

	@Override
	public String index(String purpose, String normalizedValue) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.indexKey);
			mac.update(purpose.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(normalizedValue.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot compute HMAC-SHA256", ex);
		}
	}

	@Override
	public boolean current(String sealedText) {
		return sealedText != null && sealedText.startsWith(PREFIX + this.currentKeyId + ":");
	}

	@Override
	public String currentKeyId() {
		return this.currentKeyId;
	}

}
