package dev.parley.operations.internal.backup;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a backup archive: a short readable header, then a ZIP stream (compressed or
 * stored), encrypted as a whole when a key is given, holding {@code backup.json}, one
 * {@code tables/NNN-name.jsonl} per table (a head line naming the columns, then one row
 * per line) and {@code manifest.json}. It writes to a {@code .partial} file and moves it
 * into place only when {@link #finish()} succeeds, so the backup directory never holds a
 * file that looks complete and is not.
 */
final class ArchiveWriter implements AutoCloseable {

	static final byte[] MAGIC = "PARLEYBK".getBytes(StandardCharsets.US_ASCII);

	private final Path target;

	private final Path partial;

	private final MessageDigest fileDigest;

	private final OutputStream file;

	private final OutputStream payload;

	private final ZipOutputStream zip;

	private final List<ArchiveContents.TableEntry> entries = new ArrayList<>();

	private boolean finished;

	private ArchiveWriter(Path target, BackupCipher cipher, boolean compressed) throws IOException {
		this.target = target;
		this.partial = target.resolveSibling(target.getFileName() + ".partial");
		this.fileDigest = TableDigest.sha256();
		this.file = new DigestOutputStream(new BufferedOutputStream(new SyncedFile(this.partial), 1 << 16),
				this.fileDigest);
		try {
			byte[] header = header(cipher, compressed);
			this.file.write(header);
			this.payload = (cipher != null) ? cipher.encrypting(this.file, header) : this.file;
		}
		catch (IOException | RuntimeException ex) {
			this.file.close();
			Files.deleteIfExists(this.partial);
			throw ex;
		}
		this.zip = new ZipOutputStream(this.payload);
		this.zip.setLevel(compressed ? Deflater.BEST_SPEED : Deflater.NO_COMPRESSION);
	}

	static ArchiveWriter create(Path target, ArchiveContents.Info info, BackupCipher cipher, boolean compressed)
			throws IOException {
		ArchiveWriter writer = new ArchiveWriter(target, cipher, compressed);
		try {
			writer.json("backup.json", info);
			return writer;
		}
		catch (IOException | RuntimeException ex) {
			writer.close();
			throw ex;
		}
	}

	private static byte[] header(BackupCipher cipher, boolean compressed) throws IOException {
		ArchiveContents.Header header = new ArchiveContents.Header(ArchiveContents.FORMAT, cipher != null,
				(cipher != null) ? cipher.keyId() : null, compressed);
		byte[] json = RowCodec.json().writeValueAsBytes(header);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		DataOutputStream out = new DataOutputStream(bytes);
		out.write(MAGIC);
		out.writeInt(json.length);
		out.write(json);
		return bytes.toByteArray();
	}

	/** Starts the next table's entry; close the returned sink before the next one. */
	TableSink table(TableLayout layout) throws IOException {
		String name = String.format("tables/%03d-%s.jsonl", this.entries.size() + 1, layout.name());
		this.zip.putNextEntry(new ZipEntry(name));
		return new TableSink(layout);
	}

	private void json(String name, Object value) throws IOException {
		this.zip.putNextEntry(new ZipEntry(name));
		this.zip.write(RowCodec.json().writeValueAsBytes(value));
		this.zip.closeEntry();
	}

	/**
	 * Writes the manifest, closes the file and moves it into place.
	 * @return the file's size and SHA-256 (as stored, i.e. of the encrypted bytes)
	 */
	Written finish() throws IOException {
		long total = this.entries.stream().mapToLong(ArchiveContents.TableEntry::rows).sum();
		ArchiveContents.Manifest manifest = new ArchiveContents.Manifest(List.copyOf(this.entries), total);
		json("manifest.json", manifest);
		this.zip.finish();
		this.payload.close();
		this.finished = true;
		Files.move(this.partial, this.target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		return new Written(Files.size(this.target), HexFormat.of().formatHex(this.fileDigest.digest()), manifest);
	}

	/** Closes and, unless finished, deletes the partial file. */
	@Override
	public void close() throws IOException {
		if (!this.finished) {
			try {
				this.payload.close();
			}
			catch (IOException ex) {
				// the file is removed anyway
			}
			Files.deleteIfExists(this.partial);
		}
	}

	record Written(long size, String sha256, ArchiveContents.Manifest manifest) {
	}

	/** A file forced to the disk when it is closed, before it is moved into place. */
	private static final class SyncedFile extends java.io.FileOutputStream {

		SyncedFile(Path path) throws IOException {
			super(path.toFile());
		}

		private boolean closed;

		@Override
		public void close() throws IOException {
			if (this.closed) {
				return;
			}
			this.closed = true;
			try {
				getFD().sync();
			}
			finally {
				super.close();
			}
		}

	}

	/** Rows of one table into the archive, hashed as they go. */
	final class TableSink {

		private final TableLayout layout;

		private final RowCodec codec;

		private final MessageDigest entryDigest = TableDigest.sha256();

		private final TableDigest digest = new TableDigest();

		private TableSink(TableLayout layout) throws IOException {
			this.layout = layout;
			this.codec = new RowCodec(layout.columns());
			byte[] head = RowCodec.json().writeValueAsBytes(ArchiveContents.TableHead.of(layout));
			write(head, head.length);
		}

		void row(Object[] values) throws IOException {
			RowCodec.Buffer row = this.codec.encode(values);
			this.digest.add(row.array(), row.length());
			write(row.array(), row.length());
		}

		private void write(byte[] bytes, int length) throws IOException {
			ArchiveWriter.this.zip.write(bytes, 0, length);
			ArchiveWriter.this.zip.write('\n');
			this.entryDigest.update(bytes, 0, length);
			this.entryDigest.update((byte) '\n');
		}

		void close() throws IOException {
			ArchiveWriter.this.zip.closeEntry();
			ArchiveWriter.this.entries.add(new ArchiveContents.TableEntry(this.layout.name(), this.digest.rows(),
					HexFormat.of().formatHex(this.entryDigest.digest()), this.digest.hex()));
		}

	}

}
