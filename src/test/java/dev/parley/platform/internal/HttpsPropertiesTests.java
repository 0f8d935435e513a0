package dev.parley.platform.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpsPropertiesTests {

	@Test
	void aNegativeHstsAgeIsRefusedAtStartUp() {
		assertThatThrownBy(() -> new HttpsProperties(Duration.ofDays(-1), false))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("parley.https.hsts-max-age");
	}

}
