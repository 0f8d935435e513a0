package dev.parley.administration;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every audit action the code can write has a label in every language of the console, so
 * the audit log never shows a raw action name. (Settings are checked against the running
 * application in {@link SettingsAndAuditTests}.)
 */
class ConsoleLabelTests {

	static final List<String> BUNDLES = List.of("messages", "messages_zh_CN", "messages_zh_TW");

	/** {@code auditLog.record(actor, "action", ...)}, the action written as a literal. */
	private static final Pattern RECORDED = Pattern
		.compile("\\.record\\(\\s*[^,;]+?,\\s*(?:[^,;]*\\?\\s*)?\"([a-z_.]+)\"");

	/** The second literal of a conditional action ({@code cond ? "a.b" : "c.d"}). */
	private static final Pattern ALTERNATIVE = Pattern
		.compile("\\.record\\(\\s*[^,;]+?,[^,;]*?\"[a-z_.]+\"\\s*:\\s*\"([a-z_.]+)\"");

	@Test
	void everyAuditActionHasALabelInEveryLanguage() throws IOException {
		Set<String> actions = auditActions();
		assertThat(actions).contains("login", "group.hours", "user.created", "access.denied");
		for (String bundle : BUNDLES) {
			Properties texts = bundle(bundle);
			List<String> missing = new ArrayList<>();
			for (String action : actions) {
				if (!texts.containsKey("audit.action." + action)) {
					missing.add(action);
				}
			}
			assertThat(missing).as("audit actions without a label in %s", bundle).isEmpty();
		}
	}

	private static Set<String> auditActions() throws IOException {
		Set<String> actions = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				if (!source.contains("AuditLog") && !source.contains("auditLog")) {
					continue;
				}
				for (Pattern pattern : List.of(RECORDED, ALTERNATIVE)) {
					Matcher matcher = pattern.matcher(source);
					while (matcher.find()) {
						actions.add(matcher.group(1));
					}
				}
			}
		}
		return actions;
	}

	static Properties bundle(String name) {
		try (InputStream in = ConsoleLabelTests.class.getResourceAsStream("/i18n/" + name + ".properties")) {
			Properties properties = new Properties();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
