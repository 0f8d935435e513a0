package dev.parley.customers.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.parley.platform.ApiException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * An uploaded CSV file: which encoding it is in (decided by decoding the whole file
 * strictly, UTF-8 first, with or without a byte order mark, then GBK), which delimiter it
 * uses, and a parser over it that reads one record at a time.
 */
final class ImportFile {

	static final Charset GBK = Charset.forName("GBK");

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private ImportFile() {
	}

	/** How the file is written. */
	enum Encoding {

		UTF_8_BOM("UTF-8 BOM", StandardCharsets.UTF_8), UTF_8("UTF-8", StandardCharsets.UTF_8),
		GBK("GBK", ImportFile.GBK);

		final String label;

		final Charset charset;

		Encoding(String label, Charset charset) {
			this.label = label;
			this.charset = charset;
		}

		static Encoding of(String label) {
			for (Encoding encoding : values()) {
				if (encoding.label.equals(label)) {
					return encoding;
				}
			}
			throw new IllegalArgumentException(label);
		}

	}

	/**
	 * Decides the encoding by decoding the whole file strictly, streamed.
	 * @throws ApiException (400) for a file that is not text in one of them
	 */
	static Encoding detect(Path file) throws IOException {
		boolean bom;
		try (InputStream in = Files.newInputStream(file)) {
			byte[] start = in.readNBytes(3);
			bom = java.util.Arrays.equals(start, BOM);
		}
		if (decodes(file, StandardCharsets.UTF_8, bom ? 3 : 0)) {
			return bom ? Encoding.UTF_8_BOM : Encoding.UTF_8;
		}
		if (!bom && decodes(file, GBK, 0)) {
			return Encoding.GBK;
		}
		throw ApiException.badRequest("import_encoding", "The file is neither UTF-8 nor GBK text");
	}

	/**
	 * Whether the file decodes without error and holds no control characters but tabs and
	 * line breaks (a binary file holds them even when it happens to decode).
	 */
	private static boolean decodes(Path file, Charset charset, int skip) throws IOException {
		CharsetDecoder decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
		CharBuffer chars = CharBuffer.allocate(64 * 1024);
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
			in.skipNBytes(skip);
			boolean end = false;
			while (!end) {
				int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
				end = read < 0;
				if (!end) {
					bytes.position(bytes.position() + read);
				}
				bytes.flip();
				CoderResult result = decoder.decode(bytes, chars, end);
				if (result.isError()) {
					return false;
				}
				if (end) {
					result = decoder.flush(chars);
					if (result.isError()) {
						return false;
					}
				}
				if (!plainText(chars)) {
					return false;
				}
				bytes.compact();
			}
		}
		catch (CharacterCodingException ex) {
			return false;
		}
		return true;
	}

	private static boolean plainText(CharBuffer chars) {
		chars.flip();
		for (int i = 0; i < chars.limit(); i++) {
			char c = chars.get(i);
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
				return false;
			}
		}
		chars.clear();
		return true;
	}

	/**
	 * The delimiter of the first line: the most frequent of comma, semicolon, tab and
	 * vertical bar outside quotes (a comma when none occurs).
	 */
	static char delimiter(Path file, Encoding encoding) throws IOException {
		try (Reader reader = reader(file, encoding)) {
			int[] counts = new int[4];
			char[] candidates = { ',', ';', '\t', '|' };
			boolean quoted = false;
			for (int c = reader.read(), n = 0; c >= 0 && n < 64 * 1024; c = reader.read(), n++) {
				if (c == '"') {
					quoted = !quoted;
				}
				else if (!quoted && (c == '\n' || c == '\r')) {
					break;
				}
				else if (!quoted) {
					for (int i = 0; i < candidates.length; i++) {
						if (c == candidates[i]) {
							counts[i]++;
						}
					}
				}
			}
			int best = 0;
			for (int i = 1; i < counts.length; i++) {
				if (counts[i] > counts[best]) {
					best = i;
				}
			}
			return candidates[best];
		}
	}

	static Reader reader(Path file, Encoding encoding) throws IOException {
		InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
		if (encoding == Encoding.UTF_8_BOM) {
			in.skipNBytes(3);
		}
		return new InputStreamReader(in,
				encoding.charset.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT));
	}

	/** A parser reading one record at a time; the first record is the header. */
	static CSVParser parser(Path file, Encoding encoding, char delimiter) throws IOException {
		return CSVFormat.RFC4180.builder()
			.setDelimiter(delimiter)
			.setIgnoreEmptyLines(true)
			.setTrim(false)
			.get()
			.parse(reader(file, encoding));
	}

}
