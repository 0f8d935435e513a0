package dev.parley.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.parley.platform.Permission;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue lists only permissions that guard something: each is named by the code
 * that checks it ({@code @RequiresPermission}, a permission check, the security
 * configuration), so an administrator never ticks a permission that opens nothing.
 */
class PermissionCatalogueTests {

	private static final Path SOURCES = Path.of("src/main/java");

	private static final List<String> CATALOGUE_SOURCES = List.of("Permission.java", "Permissions.java");

	@Test
	void everyPermissionInTheCatalogueGuardsSomething() throws IOException {
		String code = guardingCode();
		List<String> guardingNothing = Stream.of(Permission.values())
			.filter((permission) -> !Pattern.compile("\\bPermission\\." + permission.name() + "\\b")
				.matcher(code)
				.find())
			.map(Permission::code)
			.toList();
		assertThat(guardingNothing).as("permissions in the catalogue that no endpoint or check names").isEmpty();
		assertThat(Permissions.all()).hasSize(Permission.values().length);
	}

	private static String guardingCode() throws IOException {
		StringBuilder code = new StringBuilder();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> !CATALOGUE_SOURCES.contains(file.getFileName().toString()))
				.forEach((file) -> {
					try {
						code.append(Files.readString(file)).append('\n');
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
		}
		return code.toString();
	}

}
