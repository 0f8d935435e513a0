package dev.parley.administration;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SettingDefinitionTests {

	@Test
	void integersMustBeWholeNumbersWithinBounds() {
		SettingDefinition definition = SettingDefinition.integer("login.maxFailures", 5, 1, 100);
		assertThat(definition.problemWith("5")).isEmpty();
		assertThat(definition.problemWith(" 7 ")).isEmpty();
		assertThat(definition.normalise(" 7 ")).isEqualTo("7");
		assertThat(definition.problemWith("0")).isPresent();
		assertThat(definition.problemWith("101")).isPresent();
		assertThat(definition.problemWith("5.5")).isPresent();
		assertThat(definition.problemWith("99999999999")).isPresent();
		assertThat(definition.problemWith(null)).isPresent();
	}

	@Test
	void textMustNotBeBlankNorTooLong() {
		SettingDefinition definition = SettingDefinition.text("organisation.name", "Parley", 10);
		assertThat(definition.problemWith("Acme")).isEmpty();
		assertThat(definition.problemWith("   ")).isPresent();
		assertThat(definition.problemWith("x".repeat(11))).isPresent();
	}

	@Test
	void choicesAndZonesAreChecked() {
		assertThat(SettingDefinition.choice("l", "en", List.of("en", "zh-CN")).problemWith("zh-CN")).isEmpty();
		assertThat(SettingDefinition.choice("l", "en", List.of("en", "zh-CN")).problemWith("de")).isPresent();
		assertThat(SettingDefinition.zone("z", "UTC").problemWith("Asia/Shanghai")).isEmpty();
		assertThat(SettingDefinition.zone("z", "UTC").problemWith("Asia/Atlantis")).isPresent();
		assertThat(SettingDefinition.bool("b", true).problemWith("yes")).isPresent();
	}

}
