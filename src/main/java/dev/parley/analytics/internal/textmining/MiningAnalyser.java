package dev.parley.analytics.internal.textmining;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.administration.Settings;
import dev.parley.analytics.internal.ReportRange;
import dev.parley.analytics.internal.mining.Analysis;
import dev.parley.analytics.internal.mining.Entity;
import dev.parley.analytics.internal.mining.Keyword;
import dev.parley.analytics.internal.mining.TextAnalyzer;
import dev.parley.conversations.ConversationFacts;
import dev.parley.conversations.ConversationStatus;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Analyses a batch of conversations in one transaction: reads the texts of both sides,
 * replaces each conversation's documents and terms, and corrects the daily rollup (the
 * old documents taken back, the new ones added). A conversation without texts
 * (anonymised, deleted, or only files) loses its rows; one that is open again keeps its
 * rows until it closes again. Personal data (people, phones, e-mail addresses, order
 * numbers) is never stored, only how many pieces of it were found; the names of the
 * conversation's people ({@link MiningNames}) are taken out of its texts before they are
 * read.
 */
@Component
class MiningAnalyser {

	static final int MAX_KEYWORDS = 20;

	static final int MAX_PHRASES = 20;

	static final int MAX_TERM = 100;

	private final ConversationFacts conversations;

	private final MiningDocuments documents;

	private final MiningDays days;

	private final MiningAnalyzers analyzers;

	private final MiningNames names;

	private final Settings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	MiningAnalyser(ConversationFacts conversations, MiningDocuments documents, MiningDays days,
			MiningAnalyzers analyzers, MiningNames names, Settings settings, TransactionTemplate transactions,
			Clock clock) {
		this.conversations = conversations;
		this.documents = documents;
		this.days = days;
		this.analyzers = analyzers;
		this.names = names;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * @return how many of the conversations were analysed or forgotten
	 */
	int analyse(Collection<Long> conversationIds) {
		if (conversationIds.isEmpty()) {
			return 0;
		}
		Integer done = this.transactions.execute((tx) -> analyseInTransaction(new LinkedHashSet<>(conversationIds)));
		return (done != null) ? done : 0;
	}

	private int analyseInTransaction(Set<Long> ids) {
		ZoneId zone = ZoneId.of(this.settings.get("organisation.timeZone"));
		Map<Long, ConversationFacts.Facts> facts = new HashMap<>();
		this.conversations.facts(ids).forEach((f) -> facts.put(f.id(), f));
		Map<Long, ConversationFacts.Texts> texts = this.conversations.texts(ids, true);
		Map<Long, List<MiningDocuments.Document>> stored = this.documents.rolledUp(ids);
		Map<Long, Set<String>> people = texts.isEmpty() ? Map.of() : this.names.of(texts.keySet());
		Map<MiningDays.Key, Long> changes = new LinkedHashMap<>();
		List<Long> replaced = new ArrayList<>();
		List<MiningDocuments.Document> fresh = new ArrayList<>();
		TextAnalyzer analyzer = null;
		for (Long id : ids) {
			ConversationFacts.Facts now = facts.get(id);
			ConversationFacts.Texts text = (now != null) ? texts.get(id) : null;
			if (text != null && now.status() != ConversationStatus.CLOSED) {
				continue;
			}
			List<MiningDocuments.Document> before = stored.getOrDefault(id, List.of());
			contribute(before, -1, changes);
			List<MiningDocuments.Document> after = new ArrayList<>();
			if (text != null) {
				if (analyzer == null) {
					analyzer = this.analyzers.current();
				}
				int day = ReportRange.period(LocalDate.ofInstant(now.createdAt(), zone));
				long group = (now.groupId() != null) ? now.groupId() : 0;
				// a name one side gives ("I'm Tom") is known to the other ("Thanks Tom")
				Set<String> known = new LinkedHashSet<>(people.getOrDefault(id, Set.of()));
				known.addAll(TextAnalyzer.introducedNames(String.join("\n", text.visitor())));
				known.addAll(TextAnalyzer.introducedNames(String.join("\n", text.agents())));
				document(analyzer, now, MiningSide.VISITOR, text.visitor(), known, day, group).ifPresent(after::add);
				document(analyzer, now, MiningSide.AGENT, text.agents(), known, day, group).ifPresent(after::add);
			}
			contribute(after, 1, changes);
			if (!before.isEmpty() || !after.isEmpty()) {
				replaced.add(id);
				fresh.addAll(after);
			}
		}
		this.documents.replace(replaced, fresh, this.clock.millis());
		this.days.apply(changes);
		return replaced.size();
	}

	private static java.util.Optional<MiningDocuments.Document> document(TextAnalyzer analyzer,
			ConversationFacts.Facts conversation, MiningSide side, List<String> texts, Set<String> names, int day,
			long group) {
		if (texts.isEmpty()) {
			return java.util.Optional.empty();
		}
		Analysis analysis = analyzer.analyse(String.join("\n", texts), MAX_KEYWORDS, names);
		List<MiningDocuments.Term> terms = new ArrayList<>();
		for (Keyword keyword : analysis.keywords()) {
			if (fits(keyword.term())) {
				terms.add(new MiningDocuments.Term(MiningDocuments.KEYWORD, keyword.term(), null, keyword.weight()));
			}
		}
		analysis.phrases()
			.stream()
			.filter(MiningAnalyser::fits)
			.limit(MAX_PHRASES)
			.forEach((p) -> terms.add(new MiningDocuments.Term(MiningDocuments.PHRASE, p, null, 0)));
		int personal = 0;
		Set<String> entities = new LinkedHashSet<>();
		for (Entity entity : analysis.entities()) {
			if (entity.kind().personal()) {
				personal++;
			}
			else if (fits(entity.text()) && entities.add(entity.text())) {
				terms.add(new MiningDocuments.Term(MiningDocuments.ENTITY, entity.text(), entity.kind().name(), 0));
			}
		}
		return java.util.Optional
			.of(new MiningDocuments.Document(conversation.id(), side.value, conversation.createdAt().toEpochMilli(),
					day, conversation.channelId(), group, personal, MiningDocuments.ROLLED_UP_PHRASES, terms));
	}

	private static boolean fits(String term) {
		return !term.isBlank() && term.length() <= MAX_TERM;
	}

	/**
	 * Adds (or with {@code sign} -1 takes back) a conversation's documents to the rollup:
	 * each side's keywords and phrases (a term counts a document once), and for the side
	 * {@code all} those of either side once.
	 */
	static void contribute(List<MiningDocuments.Document> documents, long sign, Map<MiningDays.Key, Long> changes) {
		if (documents.isEmpty()) {
			return;
		}
		Set<String> either = new LinkedHashSet<>();
		MiningDocuments.Document first = documents.get(0);
		for (MiningDocuments.Document d : documents) {
			add(changes, new MiningDays.Key(d.startDay(), d.channelId(), d.groupId(), d.side(), null), sign);
			Set<String> terms = d.rolledUpTerms();
			for (String term : terms) {
				add(changes, new MiningDays.Key(d.startDay(), d.channelId(), d.groupId(), d.side(), term), sign);
			}
			either.addAll(terms);
		}
		String all = MiningSide.ALL.value;
		add(changes, new MiningDays.Key(first.startDay(), first.channelId(), first.groupId(), all, null), sign);
		for (String term : either) {
			add(changes, new MiningDays.Key(first.startDay(), first.channelId(), first.groupId(), all, term), sign);
		}
	}

	private static void add(Map<MiningDays.Key, Long> changes, MiningDays.Key key, long sign) {
		changes.merge(key, sign, Long::sum);
	}

}
