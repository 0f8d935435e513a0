package dev.parley.analytics.internal.mining;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.hankcs.hanlp.dictionary.CustomDictionary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the analyzer reads in customers' chat text: words and their classes in Chinese
 * (simplified and traditional) and English, the administrators' dictionary, keywords,
 * phrases and entities, and that personal data never becomes a keyword.
 */
class TextAnalyzerTests {

	private static final MiningDictionary DICTIONARY = MiningDictionary.of(DictionaryEntry.product("小米手環8"),
			DictionaryEntry.term("退款慢"), DictionaryEntry.product("X200"));

	private final TextAnalyzer analyzer = new TextAnalyzer(DICTIONARY);

	@Test
	void segmentsChineseWithWordClassesAndFlagsStopWords() {
		Analysis analysis = this.analyzer.analyse("你好，我要退款，退款什么时候到账？", 5);
		assertThat(analysis.tokens()).extracting(Token::term, Token::wordClass, Token::stopWord)
			.containsExactly(tuple("你好", WordClass.VERB, true), tuple("我", WordClass.PRONOUN, true),
					tuple("要", WordClass.VERB, true), tuple("退款", WordClass.VERB, false),
					tuple("退款", WordClass.VERB, false), tuple("什么", WordClass.PRONOUN, true),
					tuple("时候", WordClass.NOUN, true), tuple("到", WordClass.VERB, true),
					tuple("账", WordClass.NOUN, false));
		assertThat(analysis.keywordTerms()).containsExactly("退款");
	}

	@Test
	void readsTraditionalChineseInSimplifiedForm() {
		Analysis analysis = this.analyzer.analyse("「我要退貨」請問退款進度怎麼查？", 5);
		assertThat(terms(analysis)).containsExactly("我", "要", "退货", "请问", "退款", "进度", "怎么", "查");
		assertThat(analysis.keywordTerms()).containsExactly("退货", "退款", "进度");
		assertThat(analysis.tokens()).filteredOn((token) -> token.term().equals("查"))
			.extracting(Token::wordClass)
			.containsExactly(WordClass.VERB);
	}

	@Test
	void keepsProductCodesWholeInMixedText() {
		Analysis analysis = this.analyzer.analyse("我的iPhone15 screen 坏了，ｉＰＨＯＮＥ１５ Pro也是", 5);
		assertThat(analysis.tokens()).extracting(Token::term, Token::wordClass)
			.startsWith(tuple("我", WordClass.PRONOUN), tuple("的", WordClass.OTHER), tuple("iphone15", WordClass.LATIN),
					tuple("screen", WordClass.LATIN), tuple("坏", WordClass.ADJECTIVE));
		assertThat(terms(analysis)).containsSubsequence("iphone15", "pro").doesNotContain("15", "iphone");
		assertThat(analysis.keywordTerms()).containsExactly("iphone15", "screen", "pro");
		assertThat(analysis.phrases()).contains("iphone15 screen", "screen 坏");
	}

	@Test
	void dropsEmojiAndPunctuation() {
		Analysis analysis = this.analyzer.analyse("物流太慢了😡👍🏻!!! 👨‍👩‍👧", 5);
		assertThat(terms(analysis)).containsExactly("物流", "太慢", "了");
		assertThat(analysis.keywordTerms()).containsExactly("物流");
		assertThat(analysis.phrases()).containsExactly("物流 太慢");
	}

	@Test
	void findsNothingInEmptyOrBlankText() {
		assertThat(this.analyzer.analyse(null, 5)).isEqualTo(Analysis.EMPTY);
		assertThat(this.analyzer.analyse("", 5)).isEqualTo(Analysis.EMPTY);
		assertThat(this.analyzer.analyse(" \n\t\u3000 ", 5)).isEqualTo(Analysis.EMPTY);
		assertThat(this.analyzer.analyse("😡😡，。！", 5).tokens()).isEmpty();
	}

	@Test
	void readsEnglishInLowerCaseWithoutGreetings() {
		Analysis analysis = this.analyzer.analyse("Hi, the DELIVERY is late again, please help! Thanks", 10);
		assertThat(terms(analysis)).containsExactly("hi", "the", "delivery", "is", "late", "again", "please", "help",
				"thanks");
		assertThat(analysis.keywordTerms()).containsExactlyInAnyOrder("delivery", "late");
		assertThat(analysis.phrases()).containsExactly("delivery late");
	}

	@Test
	void dictionaryWordsStayWholeAndProductsAreEntities() {
		String text = "小米手环8退款慢，X200也是";
		Analysis plain = new TextAnalyzer(MiningDictionary.EMPTY).analyse(text, 5);
		assertThat(terms(plain)).containsExactly("小米", "手环", "8", "退款", "慢", "x200", "也", "是");
		assertThat(plain.entities()).isEmpty();

		Analysis analysis = this.analyzer.analyse(text, 5);
		assertThat(analysis.tokens()).extracting(Token::term, Token::wordClass)
			.containsExactly(tuple("小米手环8", WordClass.PRODUCT), tuple("退款慢", WordClass.DICTIONARY_TERM),
					tuple("x200", WordClass.PRODUCT), tuple("也", WordClass.ADVERB), tuple("是", WordClass.VERB));
		assertThat(analysis.entities(EntityKind.PRODUCT)).containsExactly("小米手环8", "x200");
		assertThat(analysis.keywordTerms()).containsExactlyInAnyOrder("小米手环8", "退款慢", "x200");
	}

	@Test
	void analyzersWithDifferentDictionariesLiveSideBySideWithoutChangingHanLps() {
		TextAnalyzer other = this.analyzer.withDictionary(DICTIONARY.without("退款慢").with(DictionaryEntry.term("手环8")));
		assertThat(terms(other.analyse("小米手环8退款慢", 5))).containsExactly("小米手环8", "退款", "慢");
		assertThat(terms(
				this.analyzer.withDictionary(MiningDictionary.of(DictionaryEntry.term("手环8"))).analyse("小米手环8退款慢", 5)))
			.containsExactly("小米", "手环8", "退款", "慢");
		assertThat(terms(this.analyzer.analyse("小米手环8退款慢", 5))).containsExactly("小米手环8", "退款慢");
		assertThat(CustomDictionary.DEFAULT.contains("小米手环8")).isFalse();
		assertThat(CustomDictionary.DEFAULT.contains("退款慢")).isFalse();
	}

	@Test
	void findsEntitiesAndKeepsPersonalDataOutOfKeywordsAndPhrases() {
		Analysis analysis = this.analyzer.analyse(
				"我叫张伟，住在北京市朝阳区，订单号SO20240512345还没发货，" + "电话13812345678，邮箱zhang.wei@example.com，顺丰速运有限公司送错了。请张伟签收", 20);
		assertThat(analysis.entities()).containsExactly(new Entity(EntityKind.PERSON, "张伟"),
				new Entity(EntityKind.PLACE, "北京市"), new Entity(EntityKind.PLACE, "朝阳区"),
				new Entity(EntityKind.ORGANISATION, "顺丰速运有限公司"), new Entity(EntityKind.ORDER_NUMBER, "SO20240512345"),
				new Entity(EntityKind.PHONE, "13812345678"), new Entity(EntityKind.EMAIL, "zhang.wei@example.com"));
		assertThat(analysis.keywordTerms()).contains("发货", "北京市", "顺丰速运有限公司", "签收")
			.noneMatch((term) -> term.contains("张伟") || term.contains("1381") || term.contains("2024")
					|| term.contains("zhang") || term.contains("example") || term.contains("so"));
		assertThat(String.join("|", analysis.phrases())).doesNotContain("张伟", "zhang", "1381", "so2024");
		assertThat(terms(analysis)).doesNotContain("so", "20240512345", "13812345678", "zhang", "wei", "example");
	}

	@Test
	void englishSelfIntroductionsNeverGiveKeywords() {
		List<String> texts = List.of("My name is Jane Doe and my parcel never arrived",
				"Hello, I am Peter Parker, the parcel never arrived", "hi I'm Tom. parcel never arrived",
				"Hi, this is Mary Ann Smith: parcel never arrived", "Call me Ann, my parcel never arrived",
				"MY NAME IS Bob Stone; parcel never arrived", "I’m Zoë O'Neill, parcel never arrived");
		for (String text : texts) {
			Analysis analysis = this.analyzer.analyse(text, 10);
			assertThat(terms(analysis)).as(text)
				.doesNotContain("jane", "doe", "peter", "parker", "tom", "mary", "ann", "smith", "bob", "stone", "zoë",
						"o'neill", "neill")
				.contains("parcel", "arrived");
			assertThat(analysis.keywordTerms()).as(text).contains("parcel").doesNotContain("name");
			assertThat(analysis.entities(EntityKind.PERSON)).as(text).hasSize(1);
		}
	}

	@Test
	void aNameIntroducedOnceIsTakenOutEverywhereButLowerCaseWordsAreNoNames() {
		Analysis analysis = this.analyzer.analyse("My name is Jane Doe. Please tell jane when the refund comes, doe",
				10);
		assertThat(terms(analysis)).doesNotContain("jane", "doe").contains("refund");
		assertThat(analysis.keywordTerms()).contains("refund").doesNotContain("name", "jane", "doe");
		Analysis plain = this.analyzer.analyse("i am waiting for the refund, this is urgent, call me back", 10);
		assertThat(terms(plain)).contains("waiting", "refund", "urgent", "back");
		assertThat(plain.entities(EntityKind.PERSON)).isEmpty();
	}

	@Test
	void namesKnownForTheConversationAreTakenOutInAnyCase() {
		Analysis analysis = this.analyzer.analyse(
				"Hello Jane, Anna here. JANE asked about the refund; doe said the refund is late. Thanks Anna", 10,
				List.of("Jane Doe", "Anna Smith"));
		assertThat(terms(analysis)).doesNotContain("jane", "doe", "anna", "smith").contains("refund", "late");
		assertThat(analysis.keywordTerms()).contains("refund", "late")
			.noneMatch((t) -> t.contains("jane") || t.contains("anna") || t.contains("doe"));
		assertThat(String.join("|", analysis.phrases())).doesNotContain("jane", "anna", "doe");
		assertThat(analysis.entities(EntityKind.PERSON)).isNotEmpty();
	}

	@Test
	void chineseNamesKnownForTheConversationAreTakenOutInBothScripts() {
		Analysis analysis = this.analyzer.analyse("小明说退款没到账，王小明的订单还没发货，歐陽娜娜也在等退款", 10, List.of("王小明", "欧阳娜娜"));
		assertThat(terms(analysis)).noneMatch((t) -> t.contains("小明") || t.contains("娜娜") || t.contains("欧阳"))
			.contains("退款", "发货");
		assertThat(analysis.keywordTerms()).contains("退款").noneMatch((t) -> t.contains("明") || t.contains("娜"));
	}

	@Test
	void namesInMixedTextAreTakenOut() {
		Analysis analysis = this.analyzer.analyse("你好，我是Li Lei的同事，my name is Han Meimei，我们的iPhone15屏幕坏了", 10,
				List.of("Li Lei", "韩梅梅"));
		assertThat(terms(analysis)).doesNotContain("li", "lei", "han", "meimei").contains("iphone15", "屏幕");
		assertThat(analysis.keywordTerms()).contains("iphone15", "屏幕");
	}

	@Test
	void englishPlacesOrganisationsAndProductsComeFromTheDictionary() {
		TextAnalyzer english = new TextAnalyzer(MiningDictionary.of(DictionaryEntry.place("New York"),
				DictionaryEntry.organisation("Acme Corp"), DictionaryEntry.product("Parley Pro"),
				DictionaryEntry.place("London"), DictionaryEntry.organisation("DHL")));
		Analysis analysis = english
			.analyse("My Parley Pro order was sent by DHL from London and Acme Corp says it is in NEW YORK", 10);
		assertThat(analysis.entities(EntityKind.PLACE)).containsExactly("london", "new york");
		assertThat(analysis.entities(EntityKind.ORGANISATION)).containsExactly("dhl", "acme corp");
		assertThat(analysis.entities(EntityKind.PRODUCT)).containsExactly("parley pro");
		assertThat(analysis.keywordTerms()).contains("parley pro", "london", "dhl", "new york", "acme corp");
		assertThat(new TextAnalyzer(MiningDictionary.EMPTY).analyse("sent by DHL from London", 5).entities()).isEmpty();
	}

	@Test
	void englishWordsAreWordsNumbersOrCodes() {
		Analysis analysis = this.analyzer.analyse("I ordered 3 X200 chargers and 2 iPhone15 cases", 10);
		assertThat(analysis.tokens()).extracting(Token::term, Token::wordClass)
			.contains(tuple("ordered", WordClass.LATIN), tuple("3", WordClass.NUMBER), tuple("x200", WordClass.PRODUCT),
					tuple("chargers", WordClass.LATIN), tuple("iphone15", WordClass.LATIN));
		assertThat(analysis.keywordTerms()).doesNotContain("3", "2", "i", "and");
	}

	@Test
	void findsOrganisationsByHanLpsRecogniser() {
		Analysis analysis = this.analyzer.analyse("我在北京大学买的华为手机，中国银行的卡付不了款", 10);
		assertThat(analysis.entities(EntityKind.ORGANISATION)).containsExactly("北京大学", "华为", "中国银行");
		assertThat(analysis.entities(EntityKind.PERSON)).isEmpty();
	}

	@Test
	void ranksCentralWordsFirstAndKeepsTheLimit() {
		Analysis analysis = this.analyzer.analyse("退款进度查不到，退款申请提交三天了，退款还没到账，客服说退款要等审核，审核太慢", 3);
		assertThat(analysis.keywords()).hasSize(3);
		assertThat(analysis.keywords().get(0).term()).isEqualTo("退款");
		assertThat(analysis.keywords()).isSortedAccordingTo((a, b) -> Double.compare(b.weight(), a.weight()));
		assertThat(this.analyzer.analyse("退款", 0).keywords()).isEmpty();
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void givesTheSameAnswersFromManyThreads() throws Exception {
		List<String> texts = ChatCorpus.TEXTS;
		List<Analysis> expected = texts.stream().map((text) -> this.analyzer.analyse(text, 8)).toList();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Analysis>> futures = IntStream.range(0, 400)
				.mapToObj((i) -> pool.submit(() -> this.analyzer.analyse(texts.get(i % texts.size()), 8)))
				.toList();
			for (int i = 0; i < futures.size(); i++) {
				assertThat(futures.get(i).get()).isEqualTo(expected.get(i % texts.size()));
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static List<String> terms(Analysis analysis) {
		return analysis.tokens().stream().map(Token::term).toList();
	}

}
