package dev.parley.analytics.internal.mining;

import java.util.List;

/**
 * A dozen visitors' texts made for the tests: refunds, late deliveries, login problems
 * and a product of the dictionary, in simplified and traditional Chinese and English.
 */
final class ChatCorpus {

	static final MiningDictionary DICTIONARY = MiningDictionary.of(DictionaryEntry.product("小米手環8"));

	static final List<String> TEXTS = List.of("你好，我要退款，退款什么时候到账？", "請問退款進度怎麼查？我的退款還沒到賬",
			"refund not received yet, when will the refund arrive?", "物流太慢了😡 快递三天了还没到",
			"The delivery is late, the parcel is still not here", "快递太慢了，物流信息一直不更新", "登录不了，密码错误，验证码收不到",
			"I cannot login, the verification code never arrives", "账号登录失败，提示密码错误", "小米手环8屏幕坏了，可以换货吗", "小米手环8充不进电，申请换货",
			"我的iPhone15 screen 坏了，要维修");

	private ChatCorpus() {
	}

}
