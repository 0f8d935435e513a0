package dev.parley.platform.internal;

import java.io.PrintStream;
import java.util.List;

import javax.sql.DataSource;

import dev.parley.platform.PersonalData;
import dev.parley.platform.SealedColumns;
import dev.parley.platform.SecretBox;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * The key rotation of the command line: starts only the data source, the personal data
 * keys and every module's {@link SealedColumns}, then rotates and prints what it did.
 */
public final class CommandLineRotation {

	static final int DONE = 0;

	static final int USAGE = 1;

	static final int FAILED = 2;

	private CommandLineRotation() {
	}

	public static int run(String[] args, PrintStream out) {
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				out.println("Usage: java -jar parley.jar rotate-personal-data [--spring.datasource.url=...] "
						+ "[--parley.personal-data.rotation-batch-size=500]");
				out.println("  Re-encrypts every personal value and stored secret sealed with another key than "
						+ "parley.personal-data.current-key, and overwrites the plain copies of secrets an earlier "
						+ "release read (run it once every node runs this release).");
				return USAGE;
			}
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Configuration.class)
			.properties("logging.level.root=WARN", "spring.flyway.enabled=false")
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run(args)) {
			int batchSize = context.getEnvironment()
				.getProperty("parley.personal-data.rotation-batch-size", Integer.class, 500);
			PersonalDataRotation rotation = new PersonalDataRotation(context.getBean(DataSource.class),
					context.getBean(PersonalData.class), context.getBean(SecretBox.class),
					List.copyOf(context.getBeansOfType(SealedColumns.class).values()), batchSize);
			return report(rotation, out);
		}
		catch (Exception ex) {
			out.println("Not rotated: " + describe(ex));
			return FAILED;
		}
	}

	static int report(PersonalDataRotation rotation, PrintStream out) throws java.sql.SQLException {
		out.println("Rotating the personal data and secrets of " + rotation.columns().size() + " columns");
		PersonalDataRotation.Result result = rotation.rotate(out::println);
		for (PersonalDataRotation.ColumnResult column : result.columns()) {
			out.println("  " + column.column() + ": " + column.rotated() + " rotated, " + column.changedMeanwhile()
					+ " changed meanwhile, " + column.unreadable() + " unreadable"
					+ ((column.column().plainCopy() != null)
							? ", " + column.plainCopiesReplaced() + " plain copies overwritten" : ""));
		}
		out.println("Rotated " + result.rotated() + " values to key " + result.keyId());
		if (result.unreadable() > 0) {
			out.println(result.unreadable() + " values could not be opened: their key is not configured "
					+ "(parley.personal-data.keys) or they were altered; they were left as they are");
			return FAILED;
		}
		return DONE;
	}

	private static String describe(Exception ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
	}

	/** The data source, the keys and the modules' sealed columns: nothing else runs. */
	@ImportAutoConfiguration(DataSourceAutoConfiguration.class)
	@Import({ SecretKeyMaterial.class, PersonalDataKeys.class, AesGcmSecretBox.class })
	@ComponentScan(basePackages = "dev.parley", useDefaultFilters = false,
			includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = SealedColumns.class))
	static class Configuration {

	}

}
