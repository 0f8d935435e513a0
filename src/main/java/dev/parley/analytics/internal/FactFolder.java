package dev.parley.analytics.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parley.administration.Settings;
import dev.parley.agents.BusinessCalendars;
import dev.parley.agents.BusinessCalendars.WorkingTime;
import dev.parley.conversations.ConversationFacts;
import dev.parley.conversations.ConversationFacts.Line;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the facts of a batch of conversations up to date with their transcripts, and the
 * totals with them, in one transaction: each fact's old contribution is taken back and
 * its new one given ({@link Contribution}). Only lines after a fact's {@code lastSeq} are
 * read and folded, so folding a conversation again when nothing happened changes nothing.
 */
@Component
class FactFolder {

	private static final int LINE_PAGE = 1000;

	private final ConversationFacts conversations;

	private final FactRepository facts;

	private final RollupRepository totals;

	private final BusinessCalendars calendars;

	private final Settings settings;

	private final TransactionTemplate transactions;

	FactFolder(ConversationFacts conversations, FactRepository facts, RollupRepository totals,
			BusinessCalendars calendars, Settings settings, TransactionTemplate transactions) {
		this.conversations = conversations;
		this.facts = facts;
		this.totals = totals;
		this.calendars = calendars;
		this.settings = settings;
		this.transactions = transactions;
	}

	/**
	 * @return how many of the conversations changed
	 */
	int fold(Collection<Long> conversationIds) {
		if (conversationIds.isEmpty()) {
			return 0;
		}
		Integer changed = this.transactions.execute((tx) -> foldInTransaction(conversationIds));
		return (changed != null) ? changed : 0;
	}

	private int foldInTransaction(Collection<Long> conversationIds) {
		ZoneId zone = ZoneId.of(this.settings.get("organisation.timeZone"));
		Map<Long, ConversationFact> stored = this.facts.load(conversationIds);
		Map<Long, WorkingTime> hoursByGroup = new HashMap<>();
		Map<Tally.Key, Tally> changes = new LinkedHashMap<>();
		List<ConversationFact> toSave = new ArrayList<>();
		// conversations never folded are read whole in one query (a rebuild's batches)
		List<Long> fresh = conversationIds.stream().filter((id) -> !stored.containsKey(id)).toList();
		Map<Long, List<Line>> freshLines = fresh.isEmpty() ? Map.of() : this.conversations.allLines(fresh);
		for (ConversationFacts.Facts now : this.conversations.facts(conversationIds)) {
			ConversationFact fact = stored.get(now.id());
			if (fact == null) {
				fact = new ConversationFact(now.id());
			}
			Map<Tally.Key, Tally> before = Contribution.of(fact);
			String beforeState = FactRepository.fingerprint(fact);
			WorkingTime hours = hoursByGroup.computeIfAbsent((now.groupId() != null) ? now.groupId() : 0L,
					(g) -> this.calendars.of((g != 0) ? g : null));
			if (fact.lastSeq == 0 && !stored.containsKey(now.id())) {
				ConversationFold.apply(fact, now, freshLines.getOrDefault(now.id(), List.of()), zone, hours);
			}
			List<Line> lines;
			do {
				lines = (fact.lastSeq < now.lastSeq()) ? this.conversations.lines(now.id(), fact.lastSeq, LINE_PAGE)
						: List.of();
				ConversationFold.apply(fact, now, lines, zone, hours);
			}
			while (lines.size() == LINE_PAGE);
			if (beforeState.equals(FactRepository.fingerprint(fact)) && stored.containsKey(now.id())) {
				continue;
			}
			before.forEach((key, tally) -> changes.computeIfAbsent(key, (k) -> new Tally()).add(tally, -1));
			Contribution.add(fact, 1, changes);
			toSave.add(fact);
		}
		this.facts.save(toSave, stored.keySet());
		this.totals.apply(changes);
		return toSave.size();
	}

}
