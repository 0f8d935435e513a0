package dev.parley.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text exists in English, Simplified and Traditional Chinese. */
class I18nSyncTests {

	@Test
	void everyKeyExistsInEveryLanguage() throws IOException {
		Set<String> english = keys("");
		assertThat(english).isNotEmpty();
		for (String suffix : new String[] { "_zh_CN", "_zh_TW" }) {
			Set<String> other = keys(suffix);
			Set<String> missing = new TreeSet<>(english);
			missing.removeAll(other);
			Set<String> extra = new TreeSet<>(other);
			extra.removeAll(english);
			assertThat(missing).as("keys missing in messages%s", suffix).isEmpty();
			assertThat(extra).as("keys only in messages%s", suffix).isEmpty();
		}
	}

	@Test
	void everyPermissionRoleAndErrorCodeHasAText() throws IOException {
		Set<String> english = keys("");
		for (var module : dev.parley.identity.Permissions.CATALOG) {
			assertThat(english).contains("module." + module.name());
			module.permissions().forEach((permission) -> assertThat(english).contains("permission." + permission));
		}
		for (String role : new String[] { "administrator", "supervisor", "agent", "support" }) {
			assertThat(english).contains("role." + role);
		}
		for (String code : new String[] { "validation_failed", "malformed_request", "password_policy",
				"bad_credentials", "sign_in_throttled", "account_disabled", "forbidden", "csrf_refused", "not_found",
				"duplicate_username", "duplicate_role", "conflict", "internal_error" }) {
			assertThat(english).contains("error." + code);
		}
	}

	@Test
	void everyTextTheFrontEndAsksForExists() throws IOException {
		Set<String> english = keys("");
		Pattern literal = Pattern.compile("\\bt\\('([A-Za-z0-9_.-]+)'");
		Set<String> missing = new TreeSet<>();
		Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath*:web/**/*.js");
		assertThat(scripts).isNotEmpty();
		for (Resource script : scripts) {
			Matcher matcher = literal.matcher(script.getContentAsString(StandardCharsets.UTF_8));
			while (matcher.find()) {
				String key = matcher.group(1);
				if (!key.endsWith(".") && !english.contains(key)) {
					missing.add(key + " (" + script.getFilename() + ")");
				}
			}
		}
		assertThat(missing).as("texts used by the front end but missing in messages.properties").isEmpty();
	}

	private static Set<String> keys(String suffix) throws IOException {
		Properties properties = PropertiesLoaderUtils.loadProperties(new EncodedResource(
				new ClassPathResource("i18n/messages" + suffix + ".properties"), StandardCharsets.UTF_8));
		return new TreeSet<>(properties.stringPropertyNames());
	}

}
