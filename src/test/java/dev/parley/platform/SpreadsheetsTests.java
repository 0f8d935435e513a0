package dev.parley.platform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tables as CSV and XLSX: text a spreadsheet would run as a formula comes out inert,
 * numbers stay numbers (a negative one too), sheets follow one another.
 */
class SpreadsheetsTests {

	private static final List<Object> FORMULAS = Arrays.asList("=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "plain",
			null);

	@Test
	void csvTextIsInertAndNumbersAreNumbers() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Spreadsheets.Table table = Spreadsheets.open(Spreadsheets.Format.CSV, out, "First");
		table.row(FORMULAS);
		table.row(List.of(-5, new BigDecimal("50"), new BigDecimal("1.5"), true));
		table.sheet("=Second");
		table.row(List.of("x"));
		table.finish();
		String text = out.toString(StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(text.substring(1))).getRecords();
		assertThat(records.get(0).toList()).containsExactly("'=1+1", "'+SUM(A1)", "'-2+3", "'@cmd", "'\tx", "plain",
				"");
		assertThat(records.get(1).toList()).containsExactly("-5", "50", "1.5", "true");
		assertThat(text).as("a title line after an empty one").contains("\r\n\r\n'=Second\r\nx\r\n");
		assertThat(records.get(2).toList()).containsExactly("'=Second");
		assertThat(records.get(3).toList()).containsExactly("x");
	}

	@Test
	void xlsxTextIsInertNumbersAreNumbersAndSheetsHaveNamesExcelTakes() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Spreadsheets.Table table = Spreadsheets.open(Spreadsheets.Format.XLSX, out, "Figures");
		table.row(FORMULAS);
		table.row(List.of(-5, new BigDecimal("1.5")));
		table.sheet("By weekday / hour: [all]");
		table.row(List.of("x"));
		table.sheet("figures");
		table.finish();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			List<Sheet> sheets = workbook.getSheets().toList();
			assertThat(sheets).extracting(Sheet::getName)
				.containsExactly("Figures", "By weekday   hour   all", "figures 2");
			List<Row> rows = sheets.get(0).read();
			assertThat(rows.get(0).getCellText(0)).isEqualTo("'=1+1");
			assertThat(rows.get(0).getCellText(2)).isEqualTo("'-2+3");
			assertThat(rows.get(0).getCellText(3)).isEqualTo("'@cmd");
			assertThat(rows.get(1).getCell(0).getType()).isEqualTo(CellType.NUMBER);
			assertThat(rows.get(1).getCellAsNumber(0)).contains(new BigDecimal("-5"));
			assertThat(rows.get(1).getCellAsNumber(1)).contains(new BigDecimal("1.5"));
		}
	}

	@Test
	void aFormatIsCsvOrXlsx() {
		assertThat(Spreadsheets.Format.of(null)).isEqualTo(Spreadsheets.Format.CSV);
		assertThat(Spreadsheets.Format.of("XLSX")).isEqualTo(Spreadsheets.Format.XLSX);
		assertThatThrownBy(() -> Spreadsheets.Format.of("pdf")).isInstanceOf(ApiException.class);
	}

}
