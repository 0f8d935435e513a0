package dev.parley.analytics.internal.mining;

import java.util.List;
import java.util.regex.Pattern;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Phones, e-mail addresses and order numbers, and what is none of them. */
class EntityPatternsTests {

	private final EntityPatterns patterns = EntityPatterns.defaults();

	@Test
	void findsMainlandAndInternationalPhones() {
		assertThat(found("电话13812345678，或者+86 139-1234-5678，英国+44 20 7946 0958")).containsExactly(
				tuple(EntityKind.PHONE, "13812345678"), tuple(EntityKind.PHONE, "+86 139-1234-5678"),
				tuple(EntityKind.PHONE, "+44 20 7946 0958"));
	}

	@Test
	void aLongNumberThatIsNoMobileIsAnOrderNumber() {
		assertThat(found("单号12345678901和1381234567")).containsExactly(tuple(EntityKind.ORDER_NUMBER, "12345678901"),
				tuple(EntityKind.ORDER_NUMBER, "1381234567"));
	}

	@Test
	void findsOrderNumbersButNotProductCodes() {
		assertThat(found("订单SO20240512345和DD-1234567，iPhone15、X200、2024-05-12 都不是")).containsExactly(
				tuple(EntityKind.ORDER_NUMBER, "SO20240512345"), tuple(EntityKind.ORDER_NUMBER, "DD-1234567"));
	}

	@Test
	void findsEmailAddressesBeforeTheNumbersInThem() {
		assertThat(found("邮箱li.na+shop@mail.example.cn谢谢，13812345678@qq.com")).containsExactly(
				tuple(EntityKind.EMAIL, "li.na+shop@mail.example.cn"), tuple(EntityKind.EMAIL, "13812345678@qq.com"));
	}

	@Test
	void takesAnOrganisationsOwnOrderNumbers() {
		EntityPatterns own = new EntityPatterns(Pattern.compile("#\\d{6}"));
		assertThat(own.find("订单#123456，不是SO20240512345").stream().map(EntityPatterns.Match::text))
			.containsExactly("#123456");
	}

	@Test
	void masksWithSpacesOfTheSameLength() {
		String text = "电话13812345678谢谢";
		assertThat(EntityPatterns.mask(text, this.patterns.find(text))).isEqualTo("电话           谢谢");
	}

	private List<Tuple> found(String text) {
		return this.patterns.find(text).stream().map((match) -> tuple(match.kind(), match.text())).toList();
	}

}
