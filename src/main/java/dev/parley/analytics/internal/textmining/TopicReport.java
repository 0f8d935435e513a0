package dev.parley.analytics.internal.textmining;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.parley.administration.Settings;
import dev.parley.analytics.internal.ReportRange;
import dev.parley.analytics.internal.ReportScope;
import dev.parley.analytics.internal.mining.Association;
import dev.parley.analytics.internal.mining.Associations;
import dev.parley.analytics.internal.mining.HotTopic;
import dev.parley.analytics.internal.mining.HotTopics;
import dev.parley.analytics.internal.mining.TopicCluster;
import dev.parley.analytics.internal.mining.TopicClusters;
import dev.parley.conversations.GroupDirectory;
import dev.parley.platform.ApiException;
import dev.parley.platform.StaffActor;

import org.springframework.stereotype.Service;

/**
 * What customers write about, for the console's "Text mining" screen: hot topics (rising
 * against the period before of the same length), the top keywords and phrases, topic
 * clusters and associations, trends, and the conversations with a keyword or phrase.
 * Counts come from the daily rollup, which holds phrases like keywords; clusters and
 * associations from the keywords of the latest {@value #SAMPLE} documents of the period
 * (the response says when it was capped).
 */
@Service
public class TopicReport {

	static final int SAMPLE = 5000;

	static final int HOT = 20;

	static final int KEYWORDS = 80;

	static final int EXAMPLES = 3;

	static final int MAX_TERMS = 5;

	static final int MAX_PAGE = 200;

	private final MiningQueries queries;

	private final GroupDirectory groups;

	private final Settings settings;

	TopicReport(MiningQueries queries, GroupDirectory groups, Settings settings) {
		this.queries = queries;
		this.groups = groups;
		this.settings = settings;
	}

	/**
	 * The filters of every text mining request.
	 *
	 * @param timeZone the zone the client cuts days in, or null: the organisation's,
	 * which is the only one accepted (the rollup is by day in it)
	 */
	public record Query(String from, String to, Long channelId, Long groupId, String side, String timeZone) {
	}

	public record Range(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo, String timeZone) {
	}

	public record Hot(String term, int documents, int previousDocuments, double share, double previousShare,
			double score, List<Long> examples) {
	}

	public record Count(String term, int documents) {
	}

	/** How many documents clusters and associations were computed from. */
	public record Sample(int documents, int cap, boolean capped) {
	}

	public record Topics(Range range, String side, int documents, int previousDocuments, List<Hot> hot,
			List<Count> keywords, List<TopicCluster> clusters, List<Association> associations, Sample sample) {
	}

	public record Series(String term, List<Integer> documents) {
	}

	public record Trend(Range range, String side, List<LocalDate> days, List<Integer> documents, List<Series> series) {
	}

	public record Conversation(long conversationId, Instant startedAt, long channelId, Long groupId) {
	}

	public record Conversations(String term, List<Conversation> items) {
	}

	public Topics topics(StaffActor actor, Query query) {
		MiningFilter filter = filter(actor, query);
		ReportRange previous = filter.range().previous();
		MiningQueries.Counts now = this.queries.counts(filter);
		MiningQueries.Counts before = this.queries.counts(filter.during(previous));
		List<Hot> hot = new ArrayList<>();
		for (HotTopic topic : HotTopics.rank(new HotTopics.Period(now.byTerm(), now.documents()),
				new HotTopics.Period(before.byTerm(), before.documents()), 2, HOT)) {
			List<Long> examples = this.queries.withTerm(filter, topic.term(), EXAMPLES)
				.stream()
				.map(MiningQueries.Found::conversationId)
				.toList();
			hot.add(new Hot(topic.term(), topic.documents(), topic.previousDocuments(),
					share(topic.documents(), now.documents()), share(topic.previousDocuments(), before.documents()),
					topic.score(), examples));
		}
		List<Count> keywords = now.byTerm()
			.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(KEYWORDS)
			.map((e) -> new Count(e.getKey(), e.getValue()))
			.toList();
		List<Set<String>> documents = this.queries.latest(filter, SAMPLE + 1);
		boolean capped = documents.size() > SAMPLE;
		if (capped) {
			documents = documents.subList(0, SAMPLE);
		}
		int minDocuments = Math.max(2, documents.size() / 200);
		List<TopicCluster> clusters = TopicClusters.find(documents, minDocuments, 0.2, 2);
		List<Association> associations = Associations.find(documents, minDocuments, 0.3);
		return new Topics(range(filter.range()), filter.side().value, now.documents(), before.documents(), hot,
				keywords, clusters.subList(0, Math.min(12, clusters.size())),
				associations.subList(0, Math.min(30, associations.size())),
				new Sample(documents.size(), SAMPLE, capped));
	}

	public Trend trend(StaffActor actor, Query query, String terms) {
		MiningFilter filter = filter(actor, query);
		List<String> wanted = terms(terms);
		Map<Integer, Map<String, Integer>> daily = this.queries.daily(filter, wanted);
		List<LocalDate> days = new ArrayList<>();
		List<Integer> totals = new ArrayList<>();
		List<List<Integer>> counts = new ArrayList<>();
		wanted.forEach((t) -> counts.add(new ArrayList<>()));
		for (LocalDate day = filter.range().from(); !day.isAfter(filter.range().to()); day = day.plusDays(1)) {
			// the day's documents under the null key and per term; a day without any is
			// absent
			Map<String, Integer> of = daily.get(ReportRange.period(day));
			days.add(day);
			totals.add((of != null) ? of.getOrDefault(null, 0) : 0);
			for (int i = 0; i < wanted.size(); i++) {
				counts.get(i).add((of != null) ? of.getOrDefault(wanted.get(i), 0) : 0);
			}
		}
		List<Series> series = new ArrayList<>();
		for (int i = 0; i < wanted.size(); i++) {
			series.add(new Series(wanted.get(i), counts.get(i)));
		}
		return new Trend(range(filter.range()), filter.side().value, days, totals, series);
	}

	/**
	 * The conversations with a keyword or phrase, or with a named thing of a kind.
	 * @param entity null for a keyword or phrase, else the kind of named thing
	 * ({@link EntityReport#KINDS}); its text is compared as stored (order numbers as
	 * written)
	 */
	public Conversations conversations(StaffActor actor, Query query, String term, String entity, Integer limit) {
		MiningFilter filter = filter(actor, query);
		String kind = (entity != null && !entity.isBlank()) ? EntityReport.kind(entity) : null;
		String wanted = (kind != null) ? text(term, "term") : term(term, "term");
		int max = (limit != null) ? limit : 50;
		if (max < 1 || max > MAX_PAGE) {
			throw ApiException.invalid("limit", "must be between 1 and " + MAX_PAGE);
		}
		List<MiningQueries.Found> found = (kind != null) ? this.queries.withEntity(filter, kind, wanted, max)
				: this.queries.withTerm(filter, wanted, max);
		List<Conversation> items = found.stream()
			.map((f) -> new Conversation(f.conversationId(), Instant.ofEpochMilli(f.startedAt()), f.channelId(),
					(f.groupId() != 0) ? f.groupId() : null))
			.toList();
		return new Conversations(wanted, items);
	}

	/** The request's filters, checked: what the staff member may see in its period. */
	MiningFilter filter(StaffActor actor, Query query) {
		ReportScope scope = ReportScope.of(actor, this.groups);
		ReportRange range = ReportRange.parse(query.from(), query.to(), null, query.timeZone(), zone());
		return MiningFilter.of(scope, range, MiningSide.of(query.side()), query.channelId(), query.groupId());
	}

	private ZoneId zone() {
		return ZoneId.of(this.settings.get("organisation.timeZone"));
	}

	private static List<String> terms(String terms) {
		if (terms == null || terms.isBlank()) {
			throw ApiException.invalid("terms", "must not be blank");
		}
		Set<String> wanted = new LinkedHashSet<>();
		for (String term : terms.split(",")) {
			wanted.add(term(term, "terms"));
		}
		if (wanted.size() > MAX_TERMS) {
			throw ApiException.invalid("terms", "at most " + MAX_TERMS);
		}
		return List.copyOf(wanted);
	}

	private static String term(String term, String field) {
		return text(term, field).toLowerCase(Locale.ROOT);
	}

	private static String text(String term, String field) {
		if (term == null || term.isBlank()) {
			throw ApiException.invalid(field, "must not be blank");
		}
		String stripped = term.strip();
		if (stripped.length() > MiningAnalyser.MAX_TERM) {
			throw ApiException.invalid(field, "must be at most " + MiningAnalyser.MAX_TERM + " characters");
		}
		return stripped;
	}

	static Range range(ReportRange range) {
		ReportRange previous = range.previous();
		return new Range(range.from(), range.to(), previous.from(), previous.to(), range.zone().getId());
	}

	private static double share(int documents, int of) {
		return (of > 0) ? Math.round(10000.0 * documents / of) / 10000.0 : 0;
	}

}
