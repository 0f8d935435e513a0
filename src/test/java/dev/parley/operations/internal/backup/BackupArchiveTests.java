package dev.parley.operations.internal.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The archive format on its own: what is written is read back exactly, and every kind of
 * damage is refused with its reason.
 */
class BackupArchiveTests {

	private static final BackupCipher KEY = BackupCipher
		.fromConfiguration(Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes()));

	private static final BackupCipher OTHER_KEY = BackupCipher
		.fromConfiguration(Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes()));

	private static final TableLayout PARENT = new TableLayout("parent",
			List.of(new TableLayout.Column("id", ColumnKind.LONG), new TableLayout.Column("name", ColumnKind.TEXT),
					new TableLayout.Column("active", ColumnKind.BOOLEAN),
					new TableLayout.Column("rank", ColumnKind.INT)),
			"id", List.of());

	private static final TableLayout CHILD = new TableLayout("child",
			List.of(new TableLayout.Column("id", ColumnKind.LONG), new TableLayout.Column("parent_id", ColumnKind.LONG),
					new TableLayout.Column("content", ColumnKind.BYTES)),
			"id", List.of("parent"));

	@TempDir
	Path directory;

	@ParameterizedTest
	@CsvSource({ "false,false", "true,false", "false,true", "true,true" })
	void whatIsWrittenIsReadBackExactly(boolean compressed, boolean encrypted) throws IOException {
		List<Object[]> parents = parents(300);
		List<Object[]> children = children(40);
		Path file = write(compressed, encrypted ? KEY : null, parents, children);

		try (ArchiveReader reader = ArchiveReader.open(file, encrypted ? KEY : null)) {
			assertThat(reader.header().encrypted()).isEqualTo(encrypted);
			assertThat(reader.info().schemaVersion()).isEqualTo("18.4");
			assertThat(reader.info().tables()).containsExactly("parent", "child");
			assertSameRows(readAll(reader.nextTable()), parents);
			assertSameRows(readAll(reader.nextTable()), children);
			assertThat(reader.nextTable()).isNull();
			ArchiveContents.Manifest manifest = reader.finish();
			assertThat(manifest.totalRows()).isEqualTo(340);
			assertThat(manifest.table("parent").rows()).isEqualTo(300);
		}
	}

	@Test
	void theDigestDoesNotDependOnTheOrderOfRows() {
		List<Object[]> rows = parents(50);
		TableDigest forward = new TableDigest();
		TableDigest backward = new TableDigest();
		RowCodec codec = new RowCodec(PARENT.columns());
		for (int i = 0; i < rows.size(); i++) {
			RowCodec.Buffer a = codec.encode(rows.get(i));
			forward.add(a.array(), a.length());
			RowCodec.Buffer b = codec.encode(rows.get(rows.size() - 1 - i));
			backward.add(b.array(), b.length());
		}
		assertThat(forward.hex()).isEqualTo(backward.hex()).hasSize(64);
		TableDigest fewer = new TableDigest();
		RowCodec.Buffer one = codec.encode(rows.get(0));
		fewer.add(one.array(), one.length());
		assertThat(fewer.hex()).isNotEqualTo(forward.hex());
	}

	@Test
	void anEncryptedFileIsRefusedWithoutItsKey() throws IOException {
		Path file = write(true, KEY, parents(10), children(2));
		assertThatThrownBy(() -> ArchiveReader.open(file, null)).isInstanceOf(BackupRefused.class)
			.hasMessageContaining("encrypted and no key is configured")
			.extracting((ex) -> ((BackupRefused) ex).reason())
			.isEqualTo(BackupRefused.Reason.WRONG_KEY);
		assertThatThrownBy(() -> ArchiveReader.open(file, OTHER_KEY)).isInstanceOf(BackupRefused.class)
			.hasMessageContaining("another key")
			.extracting((ex) -> ((BackupRefused) ex).reason())
			.isEqualTo(BackupRefused.Reason.WRONG_KEY);
	}

	@ParameterizedTest
	@CsvSource({ "false,false", "true,false", "true,true" })
	void aChangedByteIsFound(boolean compressed, boolean encrypted) throws IOException {
		Path file = write(compressed, encrypted ? KEY : null, parents(2000), children(10));
		byte[] bytes = Files.readAllBytes(file);
		bytes[bytes.length / 2] ^= 0x20;
		Files.write(file, bytes);
		assertThatThrownBy(() -> readEverything(file, encrypted ? KEY : null)).isInstanceOf(BackupRefused.class)
			.extracting((ex) -> ((BackupRefused) ex).reason())
			.isEqualTo(BackupRefused.Reason.DAMAGED);
	}

	@ParameterizedTest
	@CsvSource({ "false,false", "true,true" })
	void aFileCutShortIsFound(boolean compressed, boolean encrypted) throws IOException {
		Path file = write(compressed, encrypted ? KEY : null, parents(2000), children(10));
		byte[] bytes = Files.readAllBytes(file);
		Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
		assertThatThrownBy(() -> readEverything(file, encrypted ? KEY : null)).isInstanceOf(BackupRefused.class)
			.extracting((ex) -> ((BackupRefused) ex).reason())
			.isEqualTo(BackupRefused.Reason.DAMAGED);
	}

	@Test
	void otherFilesAreNotBackups() throws IOException {
		Path text = this.directory.resolve("notes.pbk");
		Files.writeString(text, "these are not the rows you are looking for");
		assertThatThrownBy(() -> ArchiveReader.open(text, null)).isInstanceOf(BackupRefused.class)
			.extracting((ex) -> ((BackupRefused) ex).reason())
			.isEqualTo(BackupRefused.Reason.NOT_A_BACKUP);
		Path empty = Files.createFile(this.directory.resolve("empty.pbk"));
		assertThatThrownBy(() -> ArchiveReader.open(empty, null)).isInstanceOf(BackupRefused.class)
			.extracting((ex) -> ((BackupRefused) ex).reason())
			.isEqualTo(BackupRefused.Reason.NOT_A_BACKUP);
		assertThatThrownBy(() -> ArchiveReader.open(this.directory.resolve("missing.pbk"), null))
			.isInstanceOf(BackupRefused.class)
			.extracting((ex) -> ((BackupRefused) ex).reason())
			.isEqualTo(BackupRefused.Reason.NOT_A_BACKUP);
	}

	@Test
	void aFileOfAnotherFormatIsRefused() throws IOException {
		Path file = this.directory.resolve("future.pbk");
		ArchiveContents.Info info = new ArchiveContents.Info(2, "9.0", "99", "H2", "LOGICAL", 0, "Acme", List.of());
		try (ArchiveWriter writer = ArchiveWriter.create(file, info, null, true)) {
			writer.finish();
		}
		assertThatThrownBy(() -> ArchiveReader.open(file, null)).isInstanceOf(BackupRefused.class)
			.extracting((ex) -> ((BackupRefused) ex).reason())
			.isEqualTo(BackupRefused.Reason.FOREIGN_VERSION);
	}

	@Test
	void aFailedWriteLeavesNoFile() throws IOException {
		Path file = this.directory.resolve("failed.pbk");
		ArchiveContents.Info info = new ArchiveContents.Info(1, "1", "18.4", "H2", "LOGICAL", 0, "Acme",
				List.of("parent"));
		try (ArchiveWriter writer = ArchiveWriter.create(file, info, null, true)) {
			ArchiveWriter.TableSink sink = writer.table(PARENT);
			sink.row(parents(1).get(0));
			// the export fails here: no finish()
		}
		try (var files = Files.list(this.directory)) {
			assertThat(files).isEmpty();
		}
	}

	private Path write(boolean compressed, BackupCipher cipher, List<Object[]> parents, List<Object[]> children)
			throws IOException {
		Path file = this.directory.resolve("backup-" + compressed + "-" + (cipher != null) + ".pbk");
		ArchiveContents.Info info = new ArchiveContents.Info(1, "1.0", "18.4", "H2", "LOGICAL", 1, "Acme",
				List.of("parent", "child"));
		try (ArchiveWriter writer = ArchiveWriter.create(file, info, cipher, compressed)) {
			ArchiveWriter.TableSink parent = writer.table(PARENT);
			for (Object[] row : parents) {
				parent.row(row);
			}
			parent.close();
			ArchiveWriter.TableSink child = writer.table(CHILD);
			for (Object[] row : children) {
				child.row(row);
			}
			child.close();
			ArchiveWriter.Written written = writer.finish();
			assertThat(written.size()).isEqualTo(Files.size(file));
			assertThat(written.sha256()).isEqualTo(BackupFiles.sha256(file));
		}
		return file;
	}

	private static void assertSameRows(List<Object[]> actual, List<Object[]> expected) {
		assertThat(actual).hasSameSizeAs(expected);
		for (int i = 0; i < expected.size(); i++) {
			assertThat(java.util.Arrays.deepEquals(actual.get(i), expected.get(i))).as("row %d", i).isTrue();
		}
	}

	private static void readEverything(Path file, BackupCipher cipher) throws IOException {
		try (ArchiveReader reader = ArchiveReader.open(file, cipher)) {
			ArchiveReader.TableSource table;
			while ((table = reader.nextTable()) != null) {
				readAll(table);
			}
			reader.finish();
		}
	}

	private static List<Object[]> readAll(ArchiveReader.TableSource table) throws IOException {
		List<Object[]> rows = new ArrayList<>();
		Object[] row;
		while ((row = table.next()) != null) {
			rows.add(row);
		}
		table.close();
		return rows;
	}

	private static List<Object[]> parents(int count) {
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			rows.add(new Object[] { (long) i + Integer.MAX_VALUE, (i % 7 == 0) ? null : "名字 \"quoted\"\n line " + i,
					i % 2 == 0, (i % 5 == 0) ? null : i - 100 });
		}
		return rows;
	}

	private static List<Object[]> children(int count) {
		Random random = new Random(42);
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			byte[] content = new byte[random.nextInt(200_000)];
			random.nextBytes(content);
			rows.add(new Object[] { (long) i, (long) i % 3 + Integer.MAX_VALUE, (i == 3) ? null : content });
		}
		return rows;
	}

}
