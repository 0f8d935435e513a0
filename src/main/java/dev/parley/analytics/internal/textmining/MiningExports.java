package dev.parley.analytics.internal.textmining;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.analytics.internal.ExportLabels;
import dev.parley.analytics.internal.ReportExports;
import dev.parley.analytics.internal.mining.Association;
import dev.parley.platform.Sentences;
import dev.parley.platform.Spreadsheets;
import dev.parley.platform.Spreadsheets.Format;
import dev.parley.platform.StaffActor;

import org.springframework.stereotype.Service;

/**
 * Text mining of a period as a CSV or XLSX file: its hot topics, keywords and phrases,
 * associations and named things (with the count of personal data left out), what the
 * staff member may see on the screen, headers in his language. Every cell from the texts
 * goes through the spreadsheet's formula neutralisation ({@link Spreadsheets}), since a
 * customer may have written "=HYPERLINK(...)". Everything is checked before the first
 * byte; every export is audited ({@code statistics.exported}).
 */
@Service
public class MiningExports {

	private final TopicReport topics;

	private final EntityReport entities;

	private final Sentences sentences;

	private final AuditLog audit;

	MiningExports(TopicReport topics, EntityReport entities, Sentences sentences, AuditLog audit) {
		this.topics = topics;
		this.entities = entities;
		this.sentences = sentences;
		this.audit = audit;
	}

	public ReportExports.Export export(StaffActor actor, TopicReport.Query query, String format, Locale locale) {
		Format f = Format.of(format);
		TopicReport.Topics topics = this.topics.topics(actor, query);
		EntityReport.Entities found = this.entities.entities(actor, query, null, EntityReport.MAX_TOP);
		ExportLabels l = new ExportLabels(this.sentences, locale);
		String name = "parley-text-mining-" + topics.range().from() + "-" + topics.range().to() + "." + f.extension();
		ReportExports.Export export = new ReportExports.Export(f, name, (out) -> {
			Spreadsheets.Table table = Spreadsheets.open(f, out, l.text("mining.hot", "Hot topics"));
			write(table, l, topics, found);
			table.finish();
		});
		StringBuilder detail = new StringBuilder(name).append(", side=").append(topics.side());
		if (query.channelId() != null) {
			detail.append(", channelId=").append(query.channelId());
		}
		if (query.groupId() != null) {
			detail.append(", groupId=").append(query.groupId());
		}
		this.audit.record(actor.username(), "statistics.exported", null, AuditResult.SUCCESS, detail.toString());
		return export;
	}

	static void write(Spreadsheets.Table table, ExportLabels l, TopicReport.Topics topics,
			EntityReport.Entities found) {
		String term = l.text("mining.term", "Term");
		String conversations = l.text("mining.conversations", "Conversations");
		String examples = l.text("mining.examples", "Example conversations");
		table.row(List.of(term, conversations, l.text("mining.previousConversations", "Conversations, previous period"),
				l.text("mining.share", "Share"), l.text("mining.previousShare", "Share, previous period"),
				l.text("mining.score", "Score"), examples));
		for (TopicReport.Hot hot : topics.hot()) {
			table.row(List.of(hot.term(), hot.documents(), hot.previousDocuments(), hot.share(), hot.previousShare(),
					hot.score(), ids(hot.examples())));
		}
		table.sheet(l.text("mining.keywords", "Keywords and phrases"));
		table.row(List.of(term, conversations));
		for (TopicReport.Count count : topics.keywords()) {
			table.row(List.of(count.term(), count.documents()));
		}
		table.sheet(l.text("mining.associations", "Associations"));
		table.row(List.of(l.text("mining.antecedent", "Keyword"), l.text("mining.consequent", "Also"), conversations,
				l.text("mining.support", "Support"), l.text("mining.confidence", "Confidence"),
				l.text("mining.lift", "Lift")));
		for (Association rule : topics.associations()) {
			table.row(List.of(rule.antecedent(), rule.consequent(), rule.documents(), rule.support(), rule.confidence(),
					rule.lift()));
		}
		table.sheet(l.text("mining.entities", "Entities"));
		table.row(List.of(l.text("mining.kind", "Kind"), l.text("mining.entity", "Entity"), conversations, examples));
		for (EntityReport.Group group : found.kinds()) {
			String kind = l.text("mining.kind." + group.kind(), group.kind());
			for (EntityReport.Item item : group.items()) {
				table.row(List.of(kind, item.text(), item.documents(), ids(item.examples())));
			}
		}
		List<Object> personal = new ArrayList<>();
		personal.add(l.text("mining.personal", "Personal data left out (names, phones, e-mail addresses)"));
		personal.add("");
		personal.add(found.personal().documents());
		personal.add(found.personal().pieces());
		table.row(personal);
	}

	private static String ids(List<Long> ids) {
		return ids.stream().map((id) -> "#" + id).collect(Collectors.joining(" "));
	}

}
