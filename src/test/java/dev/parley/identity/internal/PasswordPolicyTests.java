package dev.parley.identity.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy(10, 3, 5, 90);

	@Test
	void acceptsALongPasswordWithThreeClasses() {
		assertThat(this.policy.violations("li.na", "Harbour-lights-42")).isEmpty();
	}

	@Test
	void refusesShortPasswords() {
		assertThat(this.policy.violations("li.na", "Ab1-xyz")).containsExactly(PasswordPolicy.MIN_LENGTH);
	}

	@Test
	void countsCharactersNotUtf16Units() {
		// nine emoji are 18 UTF-16 units but nine characters
		assertThat(this.policy.violations(null, "A1" + "😀".repeat(7))).contains(PasswordPolicy.MIN_LENGTH);
	}

	@Test
	void refusesTooFewCharacterClasses() {
		assertThat(this.policy.violations("li.na", "onlylowercaseletters"))
			.containsExactly(PasswordPolicy.CHARACTER_CLASSES);
		assertThat(this.policy.violations("li.na", "lowercase12345")).containsExactly(PasswordPolicy.CHARACTER_CLASSES);
		assertThat(this.policy.violations("li.na", "lowercase-12345")).isEmpty();
	}

	@Test
	void countsChineseCharactersAsOtherCharacters() {
		assertThat(PasswordPolicy.characterClasses("密码abc123")).isEqualTo(3);
	}

	@Test
	void refusesPasswordsContainingTheUsernameInAnyCase() {
		assertThat(this.policy.violations("li.na", "My-LI.NA-password-1")).contains(PasswordPolicy.CONTAINS_USERNAME);
	}

	@Test
	void reportsEveryRuleBroken() {
		assertThat(this.policy.violations("abc", "abc")).containsExactlyInAnyOrder(PasswordPolicy.MIN_LENGTH,
				PasswordPolicy.CHARACTER_CLASSES, PasswordPolicy.CONTAINS_USERNAME);
	}

}
