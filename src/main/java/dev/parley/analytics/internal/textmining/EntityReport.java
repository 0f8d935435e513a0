package dev.parley.analytics.internal.textmining;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.parley.analytics.internal.mining.EntityKind;
import dev.parley.platform.ApiException;
import dev.parley.platform.StaffActor;

import org.springframework.stereotype.Service;

/**
 * The named things customers wrote about in a period, for the "Entities" view of the
 * text-mining screen: places, organisations, products and order numbers, each with the
 * conversations it was found in and the newest of them as examples. People, phone numbers
 * and e-mail addresses are personal data: never stored, only counted (how many
 * conversations had any, and how many pieces were left out). Read from the stored terms
 * of the period's documents ({@code mining_term}, kind E), with the same scope as the
 * topics.
 */
@Service
public class EntityReport {

	/** The kinds shown: those that are not personal data. */
	public static final List<String> KINDS = List.of(EntityKind.PLACE.name(), EntityKind.ORGANISATION.name(),
			EntityKind.PRODUCT.name(), EntityKind.ORDER_NUMBER.name());

	static final int TOP = 10;

	static final int MAX_TOP = 50;

	private final TopicReport topics;

	private final MiningQueries queries;

	EntityReport(TopicReport topics, MiningQueries queries) {
		this.topics = topics;
		this.queries = queries;
	}

	public record Item(String text, int documents, List<Long> examples) {
	}

	public record Group(String kind, List<Item> items) {
	}

	/**
	 * Personal data found and left out.
	 *
	 * @param documents conversations in which any was found
	 * @param pieces how many pieces (names, phone numbers, e-mail addresses)
	 */
	public record Personal(int documents, long pieces) {
	}

	public record Entities(TopicReport.Range range, String side, List<Group> kinds, Personal personal) {
	}

	/**
	 * @param kind one kind ({@link #KINDS}), or null for all
	 * @param limit at most this many of each kind, {@value #TOP} when null
	 */
	public Entities entities(StaffActor actor, TopicReport.Query query, String kind, Integer limit) {
		MiningFilter filter = this.topics.filter(actor, query);
		List<String> kinds = (kind != null && !kind.isBlank()) ? List.of(kind(kind)) : KINDS;
		int top = (limit != null) ? limit : TOP;
		if (top < 1 || top > MAX_TOP) {
			throw ApiException.invalid("limit", "must be between 1 and " + MAX_TOP);
		}
		Map<String, List<Item>> byKind = new LinkedHashMap<>();
		kinds.forEach((k) -> byKind.put(k, new ArrayList<>()));
		for (MiningQueries.EntityCount count : this.queries.entities(filter, kinds, top)) {
			List<Long> examples = this.queries.withEntity(filter, count.entity(), count.text(), TopicReport.EXAMPLES)
				.stream()
				.map(MiningQueries.Found::conversationId)
				.toList();
			byKind.get(count.entity()).add(new Item(count.text(), count.documents(), examples));
		}
		List<Group> groups = new ArrayList<>();
		byKind.forEach((k, items) -> groups.add(new Group(k, items)));
		MiningQueries.Personal personal = this.queries.personal(filter);
		return new Entities(TopicReport.range(filter.range()), filter.side().value, groups,
				new Personal(personal.documents(), personal.pieces()));
	}

	/** A kind of named thing as asked for. */
	static String kind(String kind) {
		String upper = kind.strip().toUpperCase(Locale.ROOT);
		if (!KINDS.contains(upper)) {
			throw ApiException.invalid("entity", "must be PLACE, ORGANISATION, PRODUCT or ORDER_NUMBER");
		}
		return upper;
	}

}
