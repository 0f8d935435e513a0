package dev.parley.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Eventually;
import dev.parley.testing.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each type of log line goes as ECS JSON to a file of its own under the data directory's
 * {@code logs}, with the correlation id of the request that caused it; a slow statement
 * with its duration and caller, never its values. Parley runs in a JVM of its own: the
 * logging system is set up once per JVM.
 */
class LogFilesTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path data;

	@Test
	void writesEachTypeToItsOwnFileWithTheRequestsCorrelationId() {
		try (ServerProcess server = ServerProcess.start(this.data, "--logging.level.dev.parley=INFO",
				"--parley.logs.slow-query-threshold=1ms")) {
			ApiClient.Response refused = new ApiClient(server.port()).withHeader("X-Request-Id", "files-test-1")
				.login(ServerProcess.ADMIN, "wrong-password");
			assertThat(refused.header("X-Request-Id")).isEqualTo("files-test-1");
			Path logs = this.data.resolve("logs");
			Eventually.within(Duration.ofSeconds(20), () -> {
				assertThat(lines(logs.resolve("access.json"))).anySatisfy((line) -> {
					assertThat(line.path("log").path("logger").asString()).isEqualTo("parley.access");
					assertThat(line.path("correlation").path("id").asString()).isEqualTo("files-test-1");
					assertThat(line.path("message").asString())
						.isEqualTo(line.path("http").path("request").path("method").asString() + " /api/v1/session 401 "
								+ line.path("event").path("duration").asLong() / 1_000_000 + " ms");
					assertThat(line.path("url").path("path").asString()).isEqualTo("/api/v1/session");
				});
				assertThat(lines(logs.resolve("security.json"))).anySatisfy((line) -> {
					assertThat(line.path("log").path("logger").asString()).isEqualTo("parley.security");
					assertThat(line.path("log").path("level").asString()).isEqualTo("WARN");
					assertThat(line.path("correlation").path("id").asString()).isEqualTo("files-test-1");
					assertThat(line.path("event").path("action").asString()).isEqualTo("login.failed");
					assertThat(line.path("user").path("name").asString()).isEqualTo(ServerProcess.ADMIN);
				});
				return logs;
			});
			assertThat(lines(logs.resolve("application.json"))).allSatisfy(LogFilesTests::isEcs)
				.anySatisfy(
						(line) -> assertThat(line.path("message").asString()).startsWith("Started ParleyApplication"))
				.noneSatisfy((line) -> assertThat(line.path("log").path("logger").asString()).startsWith("parley."));
			assertThat(lines(logs.resolve("access.json"))).allSatisfy(LogFilesTests::isEcs);
			assertThat(lines(logs.resolve("security.json"))).allSatisfy(LogFilesTests::isEcs);
			assertThat(lines(logs.resolve("slow-query.json"))).allSatisfy(LogFilesTests::isEcs).anySatisfy((line) -> {
				assertThat(line.path("log").path("logger").asString()).isEqualTo("parley.slow-query");
				assertThat(line.path("event").path("duration").asLong()).isGreaterThanOrEqualTo(1_000_000);
				assertThat(line.path("code").path("caller").asString()).startsWith("dev.parley.");
				assertThat(line.path("message").asString()).startsWith("Slow query ")
					.contains(" ms by dev.parley.")
					.doesNotContainPattern("'admin'|Crash-Proof");
			});
			// the values bound to a statement are never logged, whatever its duration
			assertThat(read(logs.resolve("slow-query.json"))).doesNotContain(ServerProcess.ADMIN_PASSWORD);
		}
	}

	private static void isEcs(JsonNode line) {
		assertThat(line.path("@timestamp").asString()).isNotBlank();
		assertThat(line.path("ecs").path("version").asString()).isNotBlank();
		assertThat(line.path("log").path("level").asString()).isNotBlank();
	}

	private static List<JsonNode> lines(Path file) {
		return read(file).lines().map(json::readTree).toList();
	}

	private static String read(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
