package dev.parley.identity.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import org.springframework.stereotype.Component;

/**
 * Authenticator-app codes (RFC 6238: 30-second steps, 6 digits, HMAC-SHA-1, which every
 * authenticator app understands), the {@code otpauth://} address an app scans, and its QR
 * code drawn on the server as SVG, so the secret never goes to a third party.
 */
@Component
public class TotpCodes {

	/** Codes of the step before and after the current one pass too (clock drift). */
	static final int DRIFT_STEPS = 1;

	private static final int SECRET_BYTES = 20;

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator();

	private final SecureRandom random = new SecureRandom();

	/**
	 * @return a fresh random secret (160 bits, as RFC 4226 recommends)
	 */
	byte[] newSecret() {
		byte[] secret = new byte[SECRET_BYTES];
		this.random.nextBytes(secret);
		return secret;
	}

	/**
	 * @return the 30-second time step an instant falls in
	 */
	long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), this.generator.getTimeStep().getSeconds());
	}

	/**
	 * @param code six digits, already checked for form
	 * @return the time step whose code it is, near {@code now}; empty if it is none of
	 * them
	 */
	OptionalLong matchingStep(byte[] secret, String code, Instant now) {
		long current = step(now);
		for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
			if (codeAt(secret, step).equals(code)) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	String codeAt(byte[] secret, long step) {
		try {
			Instant at = Instant.ofEpochSecond(step * this.generator.getTimeStep().getSeconds());
			return this.generator.generateOneTimePasswordString(
					new SecretKeySpec(secret, this.generator.getAlgorithm()), at, java.util.Locale.ROOT);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @return the secret as authenticator apps take it typed in: Base32 without padding
	 */
	static String base32(byte[] bytes) {
		StringBuilder text = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				text.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			text.append(BASE32.charAt((buffer << (5 - bits)) & 31));
		}
		return text.toString();
	}

	/**
	 * @return the address an authenticator app scans (Key Uri Format)
	 */
	static String otpauthUri(String issuer, String account, byte[] secret) {
		String label = encode(issuer) + ":" + encode(account);
		return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + encode(issuer)
				+ "&algorithm=SHA1&digits=6&period=30";
	}

	/**
	 * @return the text as a QR code, an SVG image in a {@code data:} address
	 */
	static String qrCode(String text) {
		BitMatrix matrix;
		try {
			matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
		}
		catch (WriterException ex) {
			throw new IllegalStateException(ex);
		}
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < matrix.getWidth(); x++) {
				if (matrix.get(x, y)) {
					path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
				}
			}
		}
		String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + " "
				+ matrix.getHeight() + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" "
				+ "fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
		return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
