package dev.parley.operations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.parley.ParleyApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One property turns the console log into ECS JSON lines for ELK (R9.1). Parley runs in
 * its own JVM here: the logging system is set up once per JVM, so an in-process test
 * would see whichever format an earlier test context chose.
 */
class StructuredLoggingTests {

	@TempDir
	Path data;

	@Test
	void writesEcsJsonLines() throws Exception {
		Process parley = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), ParleyApplication.class.getName(),
				"--logging.structured.format.console=ecs", "--parley.data-dir=" + this.data, "--server.port=0",
				"--spring.main.banner-mode=off")
			.redirectErrorStream(true)
			.start();
		try {
			CompletableFuture<List<String>> startup = CompletableFuture.supplyAsync(() -> readUntilStarted(parley));
			List<String> lines = startup.get(90, TimeUnit.SECONDS);
			String started = lines.get(lines.size() - 1);
			assertThat(started).startsWith("{")
				.contains("\"ecs\":{\"version\"")
				.contains("\"log\":{\"level\":\"INFO\"")
				.contains("Started ParleyApplication");
			assertThat(lines).filteredOn((line) -> line.contains("\"log\":{\"level\"")).isNotEmpty();
			assertThat(Files.exists(this.data)).isTrue();
		}
		finally {
			parley.destroy();
			if (!parley.waitFor(20, TimeUnit.SECONDS)) {
				parley.destroyForcibly();
			}
		}
	}

	private static List<String> readUntilStarted(Process process) {
		List<String> lines = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				lines.add(line);
				if (line.contains("Started ParleyApplication")) {
					return lines;
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		throw new AssertionError("Parley stopped before it started:\n" + String.join("\n", lines));
	}

}
