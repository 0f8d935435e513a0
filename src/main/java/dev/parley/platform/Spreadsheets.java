package dev.parley.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Tables for people to open in a spreadsheet, as CSV (UTF-8 with a byte order mark, so
 * that Excel reads the Chinese right) or XLSX, written as they are made (nothing held in
 * memory but the current rows). Text that a spreadsheet would take for a formula
 * (beginning with = + - @, a tab or a carriage return) is written with a leading
 * apostrophe (OWASP: CSV injection); numbers and booleans are written as values, so a
 * negative number stays a number.
 */
public final class Spreadsheets {

	/** XLSX rows are handed to the output stream every this many rows. */
	private static final int FLUSH_EVERY = 500;

	private Spreadsheets() {
	}

	public enum Format {

		CSV("text/csv; charset=UTF-8"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

		public final String contentType;

		Format(String contentType) {
			this.contentType = contentType;
		}

		/**
		 * @param value {@code csv} or {@code xlsx} (any case); blank is CSV
		 * @throws ApiException {@code validation_failed} on {@code format} for anything
		 * else
		 */
		public static Format of(String value) {
			if (value == null || value.isBlank()) {
				return CSV;
			}
			try {
				return valueOf(value.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw ApiException.invalid("format", "csv or xlsx");
			}
		}

		public String extension() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * A table being written: rows of cells (text, numbers, booleans or null for an empty
	 * cell), in one or more sheets. I/O errors are thrown as
	 * {@link UncheckedIOException}, so rows can be written from a callback.
	 */
	public interface Table {

		/**
		 * Starts another sheet: a worksheet of its own in XLSX; in CSV an empty line and
		 * a line with the title.
		 */
		void sheet(String title);

		void row(List<?> cells);

		/** Writes what is left; the stream stays open. */
		void finish();

	}

	/**
	 * @param firstSheet the title of the first sheet (XLSX; a CSV starts with its first
	 * row, no title)
	 */
	public static Table open(Format format, OutputStream out, String firstSheet) {
		return (format == Format.CSV) ? new CsvTable(out) : new XlsxTable(out, firstSheet);
	}

	/**
	 * @return the text, with a leading apostrophe when a spreadsheet would read it as a
	 * formula; empty for null
	 */
	public static String neutralised(String cell) {
		if (cell == null || cell.isEmpty()) {
			return "";
		}
		char first = cell.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
				? "'" + cell : cell;
	}

	private static final class CsvTable implements Table {

		private final CSVPrinter csv;

		CsvTable(OutputStream out) {
			try {
				Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				writer.write('\uFEFF');
				this.csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void sheet(String title) {
			try {
				this.csv.println();
				this.csv.printRecord(neutralised(title));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void row(List<?> cells) {
			List<Object> values = new ArrayList<>(cells.size());
			for (Object cell : cells) {
				values.add((cell instanceof BigDecimal decimal) ? decimal.toPlainString()
						: (cell instanceof Number || cell instanceof Boolean) ? cell.toString()
								: neutralised((cell != null) ? cell.toString() : null));
			}
			try {
				this.csv.printRecord(values);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void finish() {
			try {
				this.csv.flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	private static final class XlsxTable implements Table {

		private final Workbook workbook;

		private final Set<String> titles = new HashSet<>();

		private Worksheet sheet;

		private int row;

		XlsxTable(OutputStream out, String firstSheet) {
			this.workbook = new Workbook(out, "Parley", "1.0");
			this.sheet = this.workbook.newWorksheet(title(firstSheet));
		}

		@Override
		public void sheet(String title) {
			try {
				this.sheet.finish();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.sheet = this.workbook.newWorksheet(title(title));
			this.row = 0;
		}

		/**
		 * A sheet's name as Excel allows it: at most 31 characters, none of
		 * {@code []:*?/\}, unique in the workbook.
		 */
		private String title(String wanted) {
			String base = wanted.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
			base = base.isEmpty() ? "Sheet" : base;
			base = (base.length() > 28) ? base.substring(0, 28) : base;
			String title = base;
			for (int n = 2; !this.titles.add(title.toLowerCase(Locale.ROOT)); n++) {
				title = base + " " + n;
			}
			return title;
		}

		@Override
		public void row(List<?> cells) {
			for (int column = 0; column < cells.size(); column++) {
				Object cell = cells.get(column);
				if (cell instanceof Number number) {
					this.sheet.value(this.row, column, number);
				}
				else if (cell instanceof Boolean bool) {
					this.sheet.value(this.row, column, bool);
				}
				else if (cell != null) {
					this.sheet.inlineString(this.row, column, neutralised(cell.toString()));
				}
			}
			this.row++;
			if (this.row % FLUSH_EVERY == 0) {
				try {
					this.sheet.flush();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}

		@Override
		public void finish() {
			try {
				this.workbook.finish();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
