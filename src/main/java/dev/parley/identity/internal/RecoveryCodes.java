package dev.parley.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.parley.platform.ApiException;

import org.springframework.stereotype.Component;

/**
 * A user's single-use recovery codes, the fallback of every second factor (app or
 * passkey): made ten at a time and shown once, stored as hashes.
 */
@Component
class RecoveryCodes {

	static final int COUNT = 10;

	/** 16 Base32 characters (80 random bits), written in groups of four. */
	private static final Pattern CODE = Pattern.compile("[A-Z2-7]{16}");

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private final TwoFactorRepository secrets;

	private final SecureRandom random = new SecureRandom();

	RecoveryCodes(TwoFactorRepository secrets) {
		this.secrets = secrets;
	}

	/**
	 * Replaces the user's recovery codes with new ones.
	 * @return them, as the user sees them this once
	 */
	List<String> renew(long userId, Instant now) {
		List<String> shown = new ArrayList<>();
		List<String> hashes = new ArrayList<>();
		for (int i = 0; i < COUNT; i++) {
			StringBuilder code = new StringBuilder();
			for (int c = 0; c < 16; c++) {
				code.append(BASE32.charAt(this.random.nextInt(32)));
			}
			hashes.add(hash(code.toString()));
			shown.add(code.toString().toLowerCase(Locale.ROOT).replaceAll("(.{4})(?!$)", "$1-"));
		}
		this.secrets.replaceRecoveryCodes(userId, hashes, now);
		return shown;
	}

	/**
	 * Uses up a recovery code.
	 * @param normalised as {@link #checked} made it
	 */
	boolean use(long userId, String normalised, Instant now) {
		return this.secrets.useRecoveryCode(userId, hash(normalised), now);
	}

	int left(long userId) {
		return this.secrets.recoveryCodesLeft(userId);
	}

	/**
	 * @return the recovery code without dashes and spaces, in capitals
	 * @throws ApiException {@code malformed_recovery_code}
	 */
	static String checked(String code) {
		String normalised = (code != null) ? code.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT) : "";
		if (!CODE.matcher(normalised).matches()) {
			throw ApiException.badRequest("malformed_recovery_code",
					"A recovery code is 16 letters and digits in groups of four");
		}
		return normalised;
	}

	/** SHA-256: recovery codes are long random secrets, so a fast hash is enough. */
	private static String hash(String code) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
