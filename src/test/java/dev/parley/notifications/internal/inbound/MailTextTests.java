package dev.parley.notifications.internal.inbound;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The text of a reply: quotes of the common clients stripped, HTML turned into text
 * without markup, and what the log keeps of a mail that cannot be read.
 */
class MailTextTests {

	@Test
	void theQuotedMailOfCommonClientsIsStripped() {
		assertThat(QuotedText.strip("Thanks!\n\nOn Mon, 7 Dec 2026 at 10:00, Support <s@example.com>\nwrote:\n> hi"))
			.isEqualTo("Thanks!");
		assertThat(QuotedText.strip("好的，谢谢\n\n发件人: 客服 <s@example.com>\n发送时间: 2026年12月7日 10:00\n主题: 您的问题\n原文"))
			.isEqualTo("好的，谢谢");
		assertThat(QuotedText.strip("好的\n------------------ 原始邮件 ------------------\n发件人: \"客服\"")).isEqualTo("好的");
		assertThat(QuotedText.strip("收到\n\n客服 <s@example.com> 于2026年12月7日周一 10:00写道：\n> 你好")).isEqualTo("收到");
		assertThat(QuotedText.strip("OK\n寄件者: 客服\n寄件日期: 2026年12月7日\n收件者: 我")).isEqualTo("OK");
		assertThat(QuotedText.strip("Fine\n\nFrom: Support <s@example.com>\nSent: Monday\nTo: Carol\n\nold text"))
			.isEqualTo("Fine");
		assertThat(QuotedText.strip("Fine\n-----Original Message-----\nold")).isEqualTo("Fine");
		assertThat(QuotedText.strip("Inline\n> quoted\nanswer\n-- \nCarol, Acme")).isEqualTo("Inline\nanswer");
		assertThat(QuotedText.strip("From: my own words are not a header block"))
			.isEqualTo("From: my own words are not a header block");
	}

	@Test
	void htmlBecomesTextWithoutMarkupScriptsOrQuotes() {
		assertThat(HtmlText.toText("<div>Hello&nbsp;<b>there</b></div><div>&lt;script&gt; &#35895; &#x1F600;</div>"
				+ "<script>alert('x')</script><style>.a{}</style><!-- hidden --><blockquote>old</blockquote>"))
			.isEqualTo("Hello there\n<script> 谷 \uD83D\uDE00");
		assertThat(HtmlText.toText("Reply<div class=\"gmail_quote\">On Monday ... wrote: old</div>"))
			.isEqualTo("Reply");
		assertThat(HtmlText.toText("<style>" + "<style>".repeat(100_000))).as("unclosed, quickly").isEmpty();
	}

	@Test
	@org.junit.jupiter.api.Timeout(30)
	void htmlMadeToSlowDownTheReaderIsReadInOnePass() {
		// half a megabyte of unclosed tags, or of blanks without a line end: a regular
		// expression would backtrack over every position (about 10^11 steps)
		assertThat(HtmlText.toText("<".repeat(HtmlText.MAX_HTML))).hasSize(HtmlText.MAX_HTML);
		assertThat(HtmlText.toText("a" + " ".repeat(HtmlText.MAX_HTML - 2) + "b"))
			.isEqualTo("a" + " ".repeat(HtmlText.MAX_HTML - 2) + "b");
		assertThat(HtmlText.toText("<p>one</p>\n\n\n<p>  two  </p><br><br><br>three")).isEqualTo("one\ntwo\n\nthree");
	}

	@Test
	void anUnreadableMailIsMalformedAndTheLogStillGetsItsHeaders() {
		byte[] raw = "From: a@example.com, b@example.com\r\nSubject: two\r\nMessage-ID: <two@example.com>\r\n\r\nx"
			.getBytes(StandardCharsets.US_ASCII);
		assertThatExceptionOfType(MalformedMail.class).isThrownBy(() -> MailParser.parse(raw, Set.of()));
		MailParser.Summary summary = MailParser.summary(raw);
		assertThat(summary.key()).isEqualTo(MailParser.sha256("id:<two@example.com>"));
		assertThat(summary.from()).isEqualTo("a@example.com, b@example.com");
		assertThat(summary.subject()).isEqualTo("two");
	}

}
