package dev.parley.analytics.internal.textmining;

import java.util.ArrayList;
import java.util.List;

import dev.parley.analytics.internal.mining.DictionaryEntry;
import dev.parley.analytics.internal.mining.EntityPatterns;
import dev.parley.analytics.internal.mining.MiningDictionary;
import dev.parley.analytics.internal.mining.StopWords;
import dev.parley.analytics.internal.mining.TermKind;
import dev.parley.analytics.internal.mining.TextAnalyzer;

import org.springframework.stereotype.Component;

/**
 * The analyzer with the administrators' current words. Built on first use, not at
 * start-up: the first analyzer of a JVM loads HanLP's dictionaries (about 1.5 s and 43
 * MB). The words are read on every use (a small table), so an edit on any node of the
 * cluster is picked up by the next batch; only then is a new analyzer built (cheap once
 * HanLP is loaded).
 */
@Component
class MiningAnalyzers {

	private record Built(List<MiningWords.Word> words, TextAnalyzer analyzer, List<String> stops) {
	}

	private final MiningWords words;

	private volatile Built built;

	MiningAnalyzers(MiningWords words) {
		this.words = words;
	}

	TextAnalyzer current() {
		List<MiningWords.Word> now = this.words.words();
		Built last = this.built;
		if (last != null && last.words().equals(now)) {
			return last.analyzer();
		}
		List<DictionaryEntry> entries = new ArrayList<>();
		List<String> stops = new ArrayList<>();
		for (MiningWords.Word word : now) {
			switch (word.kind()) {
				case PRODUCT -> entries.add(new DictionaryEntry(word.word(), TermKind.PRODUCT));
				case TERM -> entries.add(new DictionaryEntry(word.word(), TermKind.TERM));
				case PLACE -> entries.add(new DictionaryEntry(word.word(), TermKind.PLACE));
				case ORGANISATION -> entries.add(new DictionaryEntry(word.word(), TermKind.ORGANISATION));
				case STOP -> stops.add(word.word());
			}
		}
		MiningDictionary dictionary = MiningDictionary.of(entries);
		TextAnalyzer analyzer = (last != null && last.stops().equals(stops))
				? last.analyzer().withDictionary(dictionary)
				: new TextAnalyzer(dictionary, StopWords.defaults().with(stops), EntityPatterns.defaults());
		this.built = new Built(now, analyzer, stops);
		return analyzer;
	}

}
