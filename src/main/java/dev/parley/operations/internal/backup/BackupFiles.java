package dev.parley.operations.internal.backup;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

import dev.parley.operations.BackupKind;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/**
 * Where backup files go and how they are named and sealed: the strategy's directory (or
 * {@code backups} in the data directory), names that sort by time and say the kind, and
 * the encryption key from configuration.
 */
@Component
class BackupFiles {

	static final String SUFFIX = ".pbk";

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final Path dataDirectory;

	private final BackupCipher cipher;

	private final String node;

	private final String version;

	BackupFiles(@Value("${parley.data-dir}") String dataDirectory,
			@Value("${parley.backup.encryption-key:}") String encryptionKey, ObjectProvider<BuildProperties> build) {
		this.dataDirectory = Path.of(dataDirectory).toAbsolutePath();
		this.cipher = BackupCipher.fromConfiguration(encryptionKey);
		this.node = hostName();
		BuildProperties properties = build.getIfAvailable();
		this.version = (properties != null) ? properties.getVersion() : "development";
	}

	Path directory(BackupStrategy strategy) {
		return (strategy.directory() != null) ? Path.of(strategy.directory()) : defaultDirectory();
	}

	Path defaultDirectory() {
		return this.dataDirectory.resolve("backups");
	}

	String fileName(BackupKind kind, Instant at, long id) {
		return "parley-" + kind.name().toLowerCase(Locale.ROOT) + "-" + STAMP.format(at) + "-" + id + SUFFIX;
	}

	/** The key, or null when {@code parley.backup.encryption-key} is not set. */
	BackupCipher cipher() {
		return this.cipher;
	}

	String node() {
		return this.node;
	}

	String version() {
		return this.version;
	}

	static String sha256(Path file) throws IOException {
		MessageDigest sha256 = TableDigest.sha256();
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(sha256.digest());
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName() + ":" + ProcessHandle.current().pid();
		}
		catch (UnknownHostException ex) {
			return "node:" + ProcessHandle.current().pid();
		}
	}

}
