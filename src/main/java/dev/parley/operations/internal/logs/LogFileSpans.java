package dev.parley.operations.internal.logs;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The time a log file covers, from its first line and its last complete line (read from
 * the file's tail, not the whole file).
 */
final class LogFileSpans {

	/** Far longer than any line's timestamp is from the end of the line before it. */
	private static final int TAIL = 64 * 1024;

	private LogFileSpans() {
	}

	/**
	 * @return the span, or null when the file is empty, gone or holds no ECS line at its
	 * ends
	 */
	static LogReader.Span of(LogReader.FileOfType file) {
		try (RandomAccessFile raf = new RandomAccessFile(file.path().toFile(), "r")) {
			long length = raf.length();
			if (length == 0) {
				return null;
			}
			byte[] head = new byte[(int) Math.min(length, 512)];
			raf.readFully(head);
			Instant first = LogReader.timestamp(new String(head, StandardCharsets.UTF_8));
			int size = (int) Math.min(length, TAIL);
			byte[] tail = new byte[size];
			raf.seek(length - size);
			raf.readFully(tail);
			Instant last = lastTimestamp(new String(tail, StandardCharsets.UTF_8));
			if (first == null || last == null) {
				return (first == null && last == null) ? null : new LogReader.Span(file,
						(first != null) ? first : Instant.MIN, (last != null) ? last : Instant.MAX);
			}
			return new LogReader.Span(file, first, last);
		}
		catch (IOException ex) {
			return null;
		}
	}

	/** The timestamp of the last line of the text that starts with one. */
	private static Instant lastTimestamp(String tail) {
		int end = tail.length();
		while (end > 0) {
			int start = tail.lastIndexOf('\n', end - 1);
			String line = tail.substring(start + 1, end);
			Instant at = LogReader.timestamp(line);
			if (at != null) {
				return at;
			}
			if (start < 0) {
				return null;
			}
			end = start;
		}
		return null;
	}

}
