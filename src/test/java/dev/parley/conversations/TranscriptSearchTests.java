package dev.parley.conversations;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.conversations.internal.TranscriptIndex;
import dev.parley.testing.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transcript search through the term index: Chinese fragments and English prefixes, new
 * messages found before they are indexed, and an agent finds only what he may open.
 */
class TranscriptSearchTests extends ChatTest {

	@Autowired
	TranscriptIndex index;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAgentFindsHisOwnTranscriptsByAChineseFragmentAndAPrefixButNotAnotherAgents() {
		String word = "zq" + UUID.randomUUID().toString().replaceAll("[^a-f]", "") + "parcel";
		ApiClient ann = signedInAs("agent");
		ApiClient bob = signedInAs("agent");
		TestVisitor hers = saying("我想查询王小明的包裹 " + word);
		take(ann, hers.conversationId());
		TestVisitor his = saying("陳大文的訂單 " + word);
		take(bob, his.conversationId());
		indexEverything();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM conversation_term WHERE conversation_id = ? AND term = ?")
			.params(hers.conversationId(), "小明")
			.query(Integer.class)
			.single()).as("indexed").isEqualTo(1);

		assertThat(found(ann, "小明")).contains(hers.conversationId()).doesNotContain(his.conversationId());
		assertThat(found(ann, word.substring(0, 8))).containsExactly(hers.conversationId());
		assertThat(found(bob, word.substring(0, 8))).containsExactly(his.conversationId());
		assertThat(found(bob, "大文")).contains(his.conversationId()).doesNotContain(hers.conversationId());
		assertThat(found(admin(), word)).containsExactlyInAnyOrder(hers.conversationId(), his.conversationId());

		String fresh = "zq" + UUID.randomUUID().toString().replaceAll("[^a-f]", "") + "fresh";
		ApiClient.Response sent = hers.api()
			.post("/api/v1/widget/conversations/" + hers.conversationId() + "/messages",
					Map.of("clientId", "w-2", "text", "还有 " + fresh));
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		assertThat(found(ann, fresh)).as("a message not indexed yet").containsExactly(hers.conversationId());
		indexEverything();
		assertThat(found(ann, fresh.substring(0, 10))).as("and once indexed, by a prefix")
			.containsExactly(hers.conversationId());
		assertThat(found(bob, fresh)).isEmpty();
	}

	private void indexEverything() {
		while (this.index.indexPending(500) == 500) {
			// the next batch
		}
	}

	private TestVisitor saying(String text) {
		TestVisitor visitor = visitorWithConversation(channelKey());
		ApiClient.Response sent = visitor.api()
			.post("/api/v1/widget/conversations/" + visitor.conversationId() + "/messages",
					Map.of("clientId", "w-1", "text", text));
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		return visitor;
	}

	private static List<Long> found(ApiClient staff, String text) {
		ApiClient.Response page = staff
			.get("/api/v1/conversations/search?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		page.json().path("items").forEach((item) -> ids.add(item.path("id").asLong()));
		return ids;
	}

}
