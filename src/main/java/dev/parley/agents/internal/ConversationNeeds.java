package dev.parley.agents.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.parley.conversations.ConversationQueue;

/**
 * What a waiting conversation asks of its agent: to speak the customer's language and to
 * have the skills of his level and of the group (the topic) it waits in. An agent matches
 * when he meets them all; of agents who do not, those who meet more come first.
 *
 * <p>
 * Languages are BCP 47 tags compared by prefix at a subtag boundary, either way: an agent
 * who speaks "zh" matches a customer in "zh-CN", one who speaks "zh-CN" a customer who
 * only says "zh"; "zh-CN" and "zh-TW" do not match.
 *
 * @param language the customer's language, or null (anyone speaks it)
 * @param skills lower-case skills the agent needs
 */
record ConversationNeeds(String language, List<String> skills) {

	static final ConversationNeeds NONE = new ConversationNeeds(null, List.of());

	/** The needs of a waiting conversation in a group (null: in no group). */
	static ConversationNeeds of(ConversationQueue.Waiting waiting, AgentGroup group) {
		List<String> skills = new ArrayList<>();
		for (String skill : waiting.skills()) {
			add(skills, skill);
		}
		if (group != null) {
			group.requiredSkills().forEach((skill) -> add(skills, skill));
		}
		String language = (waiting.language() != null && !waiting.language().isBlank()) ? waiting.language() : null;
		return new ConversationNeeds(language, List.copyOf(skills));
	}

	private static void add(List<String> skills, String skill) {
		String clean = skill.strip().toLowerCase(Locale.ROOT);
		if (!clean.isEmpty() && !skills.contains(clean)) {
			skills.add(clean);
		}
	}

	/** Whether anything is asked at all. */
	boolean any() {
		return this.language != null || !this.skills.isEmpty();
	}

	/** Whether the agent speaks the language and has every skill. */
	boolean metBy(AgentProfile agent) {
		return speaks(agent) && agent.skills().containsAll(this.skills);
	}

	/** How much of it the agent meets: the language counts one, and each skill one. */
	int score(AgentProfile agent) {
		int score = speaks(agent) ? 1 : 0;
		for (String skill : this.skills) {
			if (agent.skills().contains(skill)) {
				score++;
			}
		}
		return score;
	}

	private boolean speaks(AgentProfile agent) {
		return this.language == null || agent.languages().stream().anyMatch((l) -> sameLanguage(l, this.language));
	}

	/** Whether two BCP 47 tags name the same language, one a prefix of the other. */
	static boolean sameLanguage(String a, String b) {
		String x = a.strip().replace('_', '-').toLowerCase(Locale.ROOT);
		String y = b.strip().replace('_', '-').toLowerCase(Locale.ROOT);
		return !x.isEmpty() && !y.isEmpty() && (x.equals(y) || x.startsWith(y + "-") || y.startsWith(x + "-"));
	}

}
