package dev.parley.analytics.internal.mining;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Support, confidence and lift worked out by hand on four documents: 退款 in three, 到账 in
 * two (both with 退款), 物流 in two, 客服 and 快递 in one each.
 */
class AssociationsTests {

	private static final List<List<String>> DOCUMENTS = List.of(List.of("退款", "到账", "退款"), List.of("退款", "到账", "客服"),
			List.of("退款", "物流"), List.of("物流", "快递"));

	@Test
	void measuresEachDirectionOfAPair() {
		List<Association> rules = Associations.find(DOCUMENTS, 2, 0.5);
		assertThat(rules).extracting(Association::antecedent, Association::consequent)
			.containsExactly(tuple("到账", "退款"), tuple("退款", "到账"));
		// 到账 → 退款: both in 2 of 4, 到账 in 2, 退款 in 3
		Association first = rules.get(0);
		assertThat(first.documents()).isEqualTo(2);
		assertThat(first.support()).isEqualTo(0.5);
		assertThat(first.confidence()).isEqualTo(1.0);
		assertThat(first.lift()).isCloseTo(1.0 / (3.0 / 4), within(1e-9));
		// 退款 → 到账: 2 of the 3 with 退款
		Association second = rules.get(1);
		assertThat(second.confidence()).isCloseTo(2.0 / 3, within(1e-9));
		assertThat(second.lift()).isCloseTo((2.0 / 3) / (2.0 / 4), within(1e-9));
	}

	@Test
	void keepsOnlyRulesReachingBothThresholds() {
		assertThat(Associations.find(DOCUMENTS, 2, 0.7)).extracting(Association::antecedent).containsExactly("到账");
		assertThat(Associations.find(DOCUMENTS, 3, 0.0)).isEmpty();
	}

	@Test
	void ordersByConfidenceSupportLiftThenTerms() {
		assertThat(Associations.find(DOCUMENTS, 1, 1.0))
			.extracting((rule) -> rule.antecedent() + "→" + rule.consequent())
			.containsExactly("到账→退款", "客服→到账", "快递→物流", "客服→退款");
		List<List<String>> reversed = new ArrayList<>(DOCUMENTS);
		Collections.reverse(reversed);
		assertThat(Associations.find(reversed, 1, 1.0)).isEqualTo(Associations.find(DOCUMENTS, 1, 1.0));
	}

	@Test
	void findsNothingWithoutDocumentsAndRefusesAZeroCount() {
		assertThat(Associations.find(List.of(), 1, 0.0)).isEmpty();
		assertThat(Associations.find(List.of(Set.of("退款")), 1, 0.0)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> Associations.find(DOCUMENTS, 0, 0.5));
	}

}
