package dev.parley.operations.internal.backup;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;

/**
 * Reads a backup archive written by {@link ArchiveWriter} as a stream, table by table,
 * and checks every table's rows, entry checksum and row digest against the manifest at
 * the end ({@link #finish()}). Whoever applies the rows (a restore, a trial restore) does
 * so in a transaction it commits only after {@code finish()} passed.
 */
final class ArchiveReader implements AutoCloseable {

	private static final int MAX_HEADER = 4096;

	private final InputStream file;

	private final ZipInputStream zip;

	private final ArchiveContents.Header header;

	private final ArchiveContents.Info info;

	private final java.util.Map<String, ArchiveContents.TableEntry> read = new java.util.LinkedHashMap<>();

	private ArchiveContents.Manifest manifest;

	private ArchiveReader(InputStream file, ArchiveContents.Header header, InputStream payload) throws IOException {
		this.file = file;
		this.header = header;
		this.zip = new ZipInputStream(payload);
		ZipEntry first = nextEntry();
		if (first == null || !first.getName().equals("backup.json")) {
			throw BackupRefused.damaged("it does not start with its description");
		}
		this.info = readJson(ArchiveContents.Info.class, "its description");
		if (this.info.format() != ArchiveContents.FORMAT) {
			throw new BackupRefused(BackupRefused.Reason.FOREIGN_VERSION, "The backup file has format "
					+ this.info.format() + "; this Parley reads format " + ArchiveContents.FORMAT);
		}
	}

	/**
	 * Opens an archive and reads its description.
	 * @param cipher the configured key, or null when none is
	 */
	static ArchiveReader open(Path path, BackupCipher cipher) throws IOException {
		InputStream file;
		try {
			file = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
		}
		catch (NoSuchFileException ex) {
			throw new BackupRefused(BackupRefused.Reason.NOT_A_BACKUP, "There is no file " + path);
		}
		try {
			byte[] headerBytes = headerBytes(file);
			ArchiveContents.Header header = parseHeader(headerBytes);
			InputStream payload = file;
			if (header.encrypted()) {
				if (cipher == null) {
					throw new BackupRefused(BackupRefused.Reason.WRONG_KEY,
							"The backup file is encrypted and no key is configured (parley.backup.encryption-key)");
				}
				if (!cipher.keyId().equals(header.keyId())) {
					throw new BackupRefused(BackupRefused.Reason.WRONG_KEY,
							"The backup file was encrypted with another key (key id " + header.keyId()
									+ "; the configured key's id is " + cipher.keyId() + ")");
				}
				payload = cipher.decrypting(file, headerBytes);
			}
			return new ArchiveReader(file, header, new DamagedInput(payload));
		}
		catch (IOException | RuntimeException ex) {
			file.close();
			throw ex;
		}
	}

	private static byte[] headerBytes(InputStream file) throws IOException {
		DataInputStream in = new DataInputStream(file);
		byte[] magic = new byte[ArchiveWriter.MAGIC.length];
		try {
			in.readFully(magic);
			if (!Arrays.equals(magic, ArchiveWriter.MAGIC)) {
				throw new BackupRefused(BackupRefused.Reason.NOT_A_BACKUP, "The file is not a Parley backup");
			}
			int length = in.readInt();
			if (length <= 0 || length > MAX_HEADER) {
				throw BackupRefused.damaged("its header has an impossible length");
			}
			byte[] json = new byte[length];
			in.readFully(json);
			byte[] all = new byte[magic.length + 4 + length];
			System.arraycopy(magic, 0, all, 0, magic.length);
			all[magic.length] = (byte) (length >>> 24);
			all[magic.length + 1] = (byte) (length >>> 16);
			all[magic.length + 2] = (byte) (length >>> 8);
			all[magic.length + 3] = (byte) length;
			System.arraycopy(json, 0, all, magic.length + 4, length);
			return all;
		}
		catch (EOFException ex) {
			throw new BackupRefused(BackupRefused.Reason.NOT_A_BACKUP, "The file is too short to be a Parley backup");
		}
	}

	private static ArchiveContents.Header parseHeader(byte[] bytes) {
		try {
			return RowCodec.json()
				.readValue(Arrays.copyOfRange(bytes, ArchiveWriter.MAGIC.length + 4, bytes.length),
						ArchiveContents.Header.class);
		}
		catch (JacksonException ex) {
			throw BackupRefused.damaged("its header is not readable");
		}
	}

	ArchiveContents.Header header() {
		return this.header;
	}

	ArchiveContents.Info info() {
		return this.info;
	}

	/**
	 * @return the next table, or null when all have been read (the manifest is then read)
	 */
	TableSource nextTable() throws IOException {
		ZipEntry entry = nextEntry();
		if (entry == null) {
			throw BackupRefused.damaged("it ends before its manifest (cut short?)");
		}
		if (entry.getName().equals("manifest.json")) {
			this.manifest = readJson(ArchiveContents.Manifest.class, "its manifest");
			return null;
		}
		if (!entry.getName().startsWith("tables/")) {
			throw BackupRefused.damaged("it holds an unexpected entry " + entry.getName());
		}
		return new TableSource();
	}

	/**
	 * Checks what was read against the manifest: every table present with the same number
	 * of rows, entry checksum and row digest.
	 * @return the manifest
	 * @throws BackupRefused when anything differs
	 */
	ArchiveContents.Manifest finish() {
		if (this.manifest == null) {
			throw new IllegalStateException("read every table first");
		}
		if (this.manifest.tables().size() != this.read.size()) {
			throw BackupRefused.damaged("the manifest lists " + this.manifest.tables().size()
					+ " tables, the file holds " + this.read.size());
		}
		for (ArchiveContents.TableEntry expected : this.manifest.tables()) {
			ArchiveContents.TableEntry actual = this.read.get(expected.name());
			if (actual == null) {
				throw BackupRefused.damaged("table " + expected.name() + " is missing");
			}
			if (actual.rows() != expected.rows() || !actual.sha256().equals(expected.sha256())
					|| !actual.digest().equals(expected.digest())) {
				throw BackupRefused.damaged("table " + expected.name() + " does not match its checksum");
			}
		}
		return this.manifest;
	}

	private ZipEntry nextEntry() throws IOException {
		try {
			return this.zip.getNextEntry();
		}
		catch (BackupRefused ex) {
			throw ex;
		}
		catch (IOException ex) {
			throw BackupRefused.damaged("it is cut short or broken (" + ex.getMessage() + ")");
		}
	}

	private <T> T readJson(Class<T> type, String what) throws IOException {
		try {
			return RowCodec.json().readValue(this.zip.readAllBytes(), type);
		}
		catch (JacksonException | IOException ex) {
			throw BackupRefused.damaged(what + " is not readable");
		}
	}

	@Override
	public void close() throws IOException {
		this.file.close();
	}

	/** The rows of one table entry, checked as they are read. */
	final class TableSource implements AutoCloseable {

		private final MessageDigest entryDigest = TableDigest.sha256();

		private final TableDigest digest = new TableDigest();

		private final JsonParser parser;

		private final ArchiveContents.TableHead head;

		private final RowCodec codec;

		private TableSource() {
			InputStream entry = new DigestInputStream(new FilterInputStream(ArchiveReader.this.zip) {
				@Override
				public void close() {
					// the entry ends, not the archive
				}
			}, this.entryDigest);
			this.parser = RowCodec.json().createParser(entry);
			try {
				this.head = RowCodec.json()
					.readerFor(ArchiveContents.TableHead.class)
					.without(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
					.readValue(this.parser);
			}
			catch (JacksonException ex) {
				throw new BackupRefused(BackupRefused.Reason.DAMAGED,
						"The backup file is damaged: a table's head line is not readable (" + ex.getOriginalMessage()
								+ ")",
						ex);
			}
			List<TableLayout.Column> columns;
			try {
				columns = this.head.columns()
					.stream()
					.map((column) -> new TableLayout.Column(column.get(0), ColumnKind.valueOf(column.get(1))))
					.toList();
			}
			catch (RuntimeException ex) {
				throw BackupRefused.damaged("table " + this.head.table() + " names its columns wrongly");
			}
			this.codec = new RowCodec(columns);
		}

		String table() {
			return this.head.table();
		}

		List<TableLayout.Column> columns() {
			return this.codec.columns();
		}

		/**
		 * @return the next row, or null at the end of the table
		 */
		Object[] next() {
			Object[] row;
			try {
				row = this.codec.decode(this.parser, this.head.table());
			}
			catch (JacksonException ex) {
				throw BackupRefused.damaged("a row of " + this.head.table() + " is not readable");
			}
			if (row != null) {
				RowCodec.Buffer encoded = this.codec.encode(row);
				this.digest.add(encoded.array(), encoded.length());
			}
			return row;
		}

		@Override
		public void close() throws IOException {
			while (next() != null) {
				// read to the end, so the entry's checksum covers all of it
			}
			this.parser.close();
			try {
				ArchiveReader.this.zip.transferTo(java.io.OutputStream.nullOutputStream());
			}
			catch (IOException ex) {
				throw BackupRefused.damaged("table " + this.head.table() + " is cut short");
			}
			ArchiveReader.this.read.put(this.head.table(), new ArchiveContents.TableEntry(this.head.table(),
					this.digest.rows(), HexFormat.of().formatHex(this.entryDigest.digest()), this.digest.hex()));
		}

	}

}
