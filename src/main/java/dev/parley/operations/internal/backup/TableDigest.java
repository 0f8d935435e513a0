package dev.parley.operations.internal.backup;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A table's content digest that does not depend on the order of its rows: the sum, modulo
 * 2^256, of the SHA-256 of every row's canonical encoding. Databases return rows in
 * different orders (and collations sort text keys differently), so a table read from H2
 * and the same table read from PostgreSQL after a restore give the same digest exactly
 * when they hold the same rows. Unlike an exclusive or, a sum does not let two equal rows
 * cancel out.
 */
final class TableDigest {

	private final MessageDigest sha256;

	/** Four 64-bit words, least significant first. */
	private final long[] sum = new long[4];

	private long rows;

	TableDigest() {
		this.sha256 = sha256();
	}

	/** A new SHA-256 digest (every JVM has one). */
	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	void add(byte[] row, int length) {
		this.sha256.update(row, 0, length);
		byte[] hash = this.sha256.digest();
		long carry = 0;
		for (int word = 0; word < 4; word++) {
			long value = 0;
			for (int i = 0; i < 8; i++) {
				value = (value << 8) | (hash[31 - word * 8 - (7 - i)] & 0xff);
			}
			long before = this.sum[word];
			long added = before + value + carry;
			carry = (Long.compareUnsigned(added, before) < 0 || (carry == 1 && added == before)) ? 1 : 0;
			this.sum[word] = added;
		}
		this.rows++;
	}

	long rows() {
		return this.rows;
	}

	String hex() {
		StringBuilder hex = new StringBuilder(64);
		for (int word = 3; word >= 0; word--) {
			hex.append(HexFormat.of().toHexDigits(this.sum[word]));
		}
		return hex.toString();
	}

}
