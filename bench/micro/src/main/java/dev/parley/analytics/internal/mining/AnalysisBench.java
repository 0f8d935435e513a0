package dev.parley.analytics.internal.mining;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Text mining of one conversation's visitor messages ({@link #CHARACTERS} characters of
 * mixed Chinese, simplified and traditional, and English chat, with emoji, an order
 * number, a phone and an e-mail address): HanLP's segmentation alone, as HanLP sets it up
 * by default and as the analyzer sets it up (part-of-speech tags and the person, place
 * and organisation recognisers), against the whole {@link TextAnalyzer#analyse}
 * (normalisation, patterns, segmentation, keywords, phrases, entities). Characters per
 * second = {@link #CHARACTERS} × 10⁹ / (ns/op).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// HanLP's code takes long to compile: after 3 × 2 s of warm-up analyse still ran at
// 10-20 ms, against about 5 ms after 8 × 3 s (on a busy 2-core machine)
@Warmup(iterations = 8, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class AnalysisBench {

	static final String TEXT = String.join("\n", List.of("你好，在吗？我上周五买的小米手环8到现在还没收到，物流信息三天没更新了😡",
			"订单号是SO20240512345，麻烦帮我查一下快递到哪里了。", "顺丰速运的快递员说明天送到，但是昨天也是这么说的，物流太慢了。",
			"Hi, I ordered an X200 last week and the delivery is late again. Tracking says it is still in Shenzhen.",
			"Can you check the parcel status please? My phone is 13812345678 and email li.na@example.com",
			"另外手环的屏幕有划痕，充电也充不进去，可以换货吗？", "如果不能换货的话我要退款，退款大概多久能到账？上次退款等了两个星期。", "請問你們的退貨流程是怎樣的？需要我自己寄回去嗎？運費誰出？",
			"我在北京市朝阳区，附近有没有售后服务点？华为的售后就在我家旁边。",
			"Also my account login fails, the verification code never arrives on my iPhone15.",
			"I reset the password twice but it still says wrong password. This is really frustrating 😤",
			"账号登录不了，验证码收不到，密码重置了也没用，APP一直闪退。", "我已经等了很久了，客服回复太慢，能不能转人工？",
			"The refund for my previous order has not arrived either.", "上个月的退款也没到账，银行说没有收到你们的退款记录。",
			"小米手环8的表带断了，保修期内能免费换吗？", "发票什么时候开？我需要增值税专用发票，公司抬头是深圳市某某科技有限公司。",
			"Please send the invoice to my email as well. Thanks a lot!", "另外想问一下，下单时用的优惠券没有抵扣，少优惠了二十块钱。",
			"你们的活动规则写的是满三百减五十，我买了三百二十块，结果没减。", "希望尽快处理，谢谢！如果今天还不能解决，我会投诉到消费者协会。", "物流太慢了，客服也不回复，体验非常差。",
			"One more thing: the charger in the box is the wrong plug type for the UK.", "可以补发一个国标的充电器吗？或者给我退差价也行。",
			"刚才又试了一下，还是登录不了，提示网络异常，可是我的WiFi是好的，别的APP都能用。", "我朋友在广州天河区买的同一款手环也有这个问题，是不是这一批货有质量问题？",
			"If this is a known issue with the batch, I would rather get a full refund than a replacement.",
			"我看到网上很多人都说小米手环8的屏幕容易刮花，你们有没有官方的说明？", "另外会员积分也没有到账，买东西送的两百积分一直显示处理中。",
			"Your app shows the order as delivered but I never received anything. Nobody rang the bell.",
			"快递柜里也没有，物业说没见过这个快递员，我怀疑是被别人拿走了。", "麻烦帮我联系一下快递公司，看看到底送到哪里去了，如果丢了请给我重新发货或者退款。",
			"請盡快處理，我這邊已經等了快兩個星期了，真的很著急，謝謝。",
			"The customer service hotline was busy for forty minutes this morning, so I am writing here instead.",
			"总之现在有三个问题：物流太慢、手环屏幕划痕、账号登录不了，请分别给我一个处理方案。", "如果明天之前没有回复，我只能申请平台介入了。",
			"补充一下，我的收货地址是上海市浦东新区，联系电话不变，收件人还是王芳。",
			"I also noticed that the tracking number on the email differs from the one in the app, which one is right?",
			"上次你们的客服说会有专人回电，结果一直没有人联系我，这次希望不要再这样了。",
			"By the way, can I change the colour of the replacement band to black instead of pink?",
			"如果换货需要我先寄回，能不能提供上门取件？我白天上班，没时间去快递点。", "好的，那我等你们的消息，麻烦尽快，谢谢🙏"));

	static final int CHARACTERS = TEXT.length();

	private final TextAnalyzer analyzer = new TextAnalyzer(
			MiningDictionary.of(DictionaryEntry.product("小米手环8"), DictionaryEntry.product("X200")));

	private final Segment standard = HanLP.newSegment();

	private final Segment configured = new ViterbiSegment().enablePartOfSpeechTagging(true)
		.enableNameRecognize(true)
		.enableTranslatedNameRecognize(false)
		.enablePlaceRecognize(true)
		.enableOrganizationRecognize(true)
		.enableOffset(true);

	private final String normalised = Normaliser.normalise(TEXT);

	@Benchmark
	public List<Term> hanlpStandardSegment() {
		return this.standard.seg(this.normalised);
	}

	@Benchmark
	public List<Term> hanlpTaggedWithEntities() {
		return this.configured.seg(this.normalised);
	}

	@Benchmark
	public Analysis analyse() {
		return this.analyzer.analyse(TEXT, 10);
	}

}
