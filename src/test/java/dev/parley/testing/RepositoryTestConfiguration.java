package dev.parley.testing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

import dev.parley.ParleyApplication;
import dev.parley.platform.PersonalData;
import dev.parley.platform.SecretBox;
import dev.parley.platform.internal.FlywayPlaceholders;
import dev.parley.platform.internal.TestPersonalData;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Repository;

/**
 * Every repository of every module, and the placeholders the shared migrations need: one
 * configuration for all repository contract tests, so those of all modules share one
 * Spring context per database engine instead of starting one per repository.
 */
@TestConfiguration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = ParleyApplication.class, useDefaultFilters = false,
		includeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = Repository.class))
@Import(FlywayPlaceholders.class)
public class RepositoryTestConfiguration {

	/** The clock repositories stamp rows with. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** The real personal data sealing, with the test installations' key. */
	@Bean
	PersonalData personalData() {
		return TestPersonalData.standard();
	}

	/**
	 * Stands in for the AES-GCM box (platform internal): reversible and recognisable, so
	 * a contract can see that a secret was sealed before it was stored.
	 */
	@Bean
	SecretBox secretBox() {
		return new SecretBox() {

			@Override
			public String seal(String plainText) {
				return "sealed:" + Base64.getEncoder().encodeToString(plainText.getBytes(StandardCharsets.UTF_8));
			}

			@Override
			public String open(String sealedText) {
				if (!sealedText.startsWith("sealed:")) {
					throw new IllegalStateException("not sealed");
				}
				return new String(Base64.getDecoder().decode(sealedText.substring("sealed:".length())),
						StandardCharsets.UTF_8);
			}

		};
	}

}
