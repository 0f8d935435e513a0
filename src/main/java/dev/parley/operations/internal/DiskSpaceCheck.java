package dev.parley.operations.internal;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.parley.operations.SelfCheck;
import dev.parley.operations.SelfCheckContext;
import dev.parley.operations.SelfCheckResult;
import dev.parley.operations.SelfCheckStatus;

import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Free space where Parley writes: the data directory ({@code parley.data-dir}: the H2
 * database, attachments, the key file) and the log directory when logs go to a file. A
 * warning below 20 % or 5 GB free, failed below 5 % or 1 GB (whichever comes first: a
 * small disk runs out in absolute terms, a large one in relative terms).
 */
@Component
@Order(20)
public class DiskSpaceCheck implements SelfCheck {

	static final long GB = 1024L * 1024 * 1024;

	static final double WARN_PERCENT = 20;

	static final long WARN_BYTES = 5 * GB;

	static final double FAIL_PERCENT = 5;

	static final long FAIL_BYTES = GB;

	private final Environment environment;

	DiskSpaceCheck(Environment environment) {
		this.environment = environment;
	}

	@Override
	public String key() {
		return "disk-space";
	}

	/** One directory's space. */
	record Space(String name, Path path, long free, long total, boolean writable) {

		double percent() {
			return (this.total > 0) ? 100.0 * this.free / this.total : 0;
		}

		SelfCheckStatus status() {
			if (!this.writable || this.free < FAIL_BYTES || percent() < FAIL_PERCENT) {
				return SelfCheckStatus.FAILED;
			}
			return (this.free < WARN_BYTES || percent() < WARN_PERCENT) ? SelfCheckStatus.WARNING : SelfCheckStatus.OK;
		}

	}

	@Override
	public SelfCheckResult run(SelfCheckContext context) {
		List<Space> spaces = new ArrayList<>();
		spaces.add(space("data", Path.of(this.environment.getProperty("parley.data-dir", "./data"))));
		Path logs = logDirectory();
		if (logs != null) {
			spaces.add(space("log", logs));
		}
		Space worst = spaces.get(0);
		for (Space space : spaces) {
			if (space.status().compareTo(worst.status()) > 0) {
				worst = space;
			}
		}
		List<Object> arguments = new ArrayList<>();
		for (Space space : spaces) {
			arguments.addAll(List.of(space.name() + "Path", space.path().toString(), space.name() + "Free",
					bytes(space.free()), space.name() + "Total", bytes(space.total()), space.name() + "Percent",
					String.format(Locale.ROOT, "%.0f", space.percent())));
		}
		String detail = (spaces.size() == 1) ? "selfCheck.disk-space.data" : "selfCheck.disk-space.dataAndLog";
		SelfCheckResult result = new SelfCheckResult(worst.status(),
				SelfCheckResult.Text.of(detail, arguments.toArray()), null);
		if (!worst.writable()) {
			return result.withFix("selfCheck.disk-space.fixWritable", "path", worst.path().toString());
		}
		if (worst.status() != SelfCheckStatus.OK) {
			return result.withFix("selfCheck.disk-space.fixSpace", "path", worst.path().toString());
		}
		return result;
	}

	private Path logDirectory() {
		String path = this.environment.getProperty("logging.file.path");
		if (path != null && !path.isBlank()) {
			return Path.of(path);
		}
		String name = this.environment.getProperty("logging.file.name");
		if (name != null && !name.isBlank()) {
			Path parent = Path.of(name).toAbsolutePath().getParent();
			return (parent != null) ? parent : Path.of(".");
		}
		return null;
	}

	/**
	 * The space of the directory, or of its nearest existing parent when it is not
	 * created yet (Parley creates it there).
	 */
	private static Space space(String name, Path directory) {
		Path absolute = directory.toAbsolutePath().normalize();
		Path existing = absolute;
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		if (existing == null) {
			return new Space(name, absolute, 0, 0, false);
		}
		try {
			FileStore store = Files.getFileStore(existing);
			return new Space(name, absolute, store.getUsableSpace(), store.getTotalSpace(), Files.isWritable(existing));
		}
		catch (IOException ex) {
			return new Space(name, absolute, 0, 0, false);
		}
	}

	/** 12.3 GB, 512.0 MB. */
	public static String bytes(long bytes) {
		if (bytes >= GB) {
			return String.format(Locale.ROOT, "%.1f GB", bytes / (double) GB);
		}
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
	}

}
