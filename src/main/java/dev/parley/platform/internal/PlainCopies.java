package dev.parley.platform.internal;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.sql.DataSource;

import dev.parley.platform.SealedColumn;
import dev.parley.platform.SecretBox;

/**
 * Overwrites the plain copies of sealed secrets ({@link SealedColumn#plainCopy()}) that
 * the previous release still read: a copy that equals the sealed secret becomes random
 * Base64 of 32 bytes (the shape the previous release expects, so it fails to verify
 * rather than to start). Only for the few rows of secret tables (settings, channels), so
 * in one pass; each row is written only if its copy is still the one read.
 */
final class PlainCopies {

	private static final SecureRandom random = new SecureRandom();

	private PlainCopies() {
	}

	static String throwaway() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	/**
	 * @return how many plain copies were overwritten
	 */
	static long replace(DataSource dataSource, SecretBox secrets, SealedColumn column) throws SQLException {
		List<String> key = column.key();
		String select = "SELECT " + String.join(", ", key) + ", " + column.column() + ", " + column.plainCopy()
				+ " FROM " + column.table() + " WHERE " + column.column() + " IS NOT NULL";
		String update = "UPDATE " + column.table() + " SET " + column.plainCopy() + " = ? WHERE "
				+ String.join(" = ? AND ", key) + " = ? AND " + column.plainCopy() + " = ?";
		long replaced = 0;
		try (Connection connection = dataSource.getConnection()) {
			List<Object[]> rows = new ArrayList<>();
			try (PreparedStatement statement = connection.prepareStatement(select);
					ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					Object[] row = new Object[key.size() + 2];
					for (int i = 0; i < key.size() + 2; i++) {
						row[i] = (i < key.size()) ? rs.getObject(i + 1) : rs.getString(i + 1);
					}
					rows.add(row);
				}
			}
			try (PreparedStatement statement = connection.prepareStatement(update)) {
				for (Object[] row : rows) {
					String plain = (String) row[key.size() + 1];
					if (plain == null || !plain.equals(openOrNull(secrets, (String) row[key.size()]))) {
						continue;
					}
					statement.setString(1, throwaway());
					for (int i = 0; i < key.size(); i++) {
						statement.setObject(i + 2, row[i]);
					}
					statement.setString(key.size() + 2, plain);
					replaced += statement.executeUpdate();
				}
			}
		}
		return replaced;
	}

	private static String openOrNull(SecretBox secrets, String sealed) {
		try {
			return secrets.open(sealed);
		}
		catch (IllegalStateException ex) {
			return null;
		}
	}

}
