package dev.parley.analytics.web;

import dev.parley.analytics.internal.ConversationRows;
import dev.parley.analytics.internal.ReportExports;
import dev.parley.analytics.internal.Reports;
import dev.parley.analytics.internal.textmining.MiningExports;
import dev.parley.analytics.internal.textmining.TopicReport;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The reports and their conversations, and text mining, as CSV or XLSX files
 * (docs/api.md, "Exports" and "Text mining"), with what the exporter may see in the
 * reports, headers in the request's language.
 */
@RestController
@RequiresPermission(Permission.STATISTICS_EXPORT)
class ReportExportController {

	private final ReportExports exports;

	private final MiningExports mining;

	ReportExportController(ReportExports exports, MiningExports mining) {
		this.exports = exports;
		this.mining = mining;
	}

	@GetMapping("/api/v1/reports/overview/export")
	ResponseEntity<StreamingResponseBody> overview(@RequestParam(required = false) String format,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String hours, @RequestParam(required = false) String timeZone,
			@RequestParam(required = false) Long channelId, @RequestParam(required = false) Long groupId,
			StaffActor actor) {
		return file(this.exports.overview(actor, new Reports.Query(from, to, hours, timeZone, channelId, groupId, null),
				format, LocaleContextHolder.getLocale()));
	}

	@GetMapping("/api/v1/reports/by/{dimension}/export")
	ResponseEntity<StreamingResponseBody> breakdown(@PathVariable String dimension,
			@RequestParam(required = false) String format, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String hours,
			@RequestParam(required = false) String timeZone, @RequestParam(required = false) Long channelId,
			@RequestParam(required = false) Long groupId, @RequestParam(required = false) Long agentId,
			StaffActor actor) {
		return file(this.exports.breakdown(actor, dimension,
				new Reports.Query(from, to, hours, timeZone, channelId, groupId, agentId), format,
				LocaleContextHolder.getLocale()));
	}

	@GetMapping("/api/v1/reports/conversations/export")
	ResponseEntity<StreamingResponseBody> conversations(@RequestParam(required = false) String format,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String hours, @RequestParam(required = false) String timeZone,
			@RequestParam(required = false) Long channelId, @RequestParam(required = false) Long groupId,
			@RequestParam(required = false) Long agentId, @RequestParam(required = false) String only,
			@RequestParam(required = false) Integer rating, @RequestParam(required = false) Integer weekday,
			@RequestParam(required = false) Integer hour, @RequestParam(required = false) Long topicId,
			@RequestParam(required = false) String sort, @RequestParam(required = false) Long minimum,
			StaffActor actor) {
		return file(this.exports.conversations(actor,
				new ConversationRows.Request(new Reports.Query(from, to, hours, timeZone, channelId, groupId, agentId),
						only, rating, weekday, hour, topicId, sort, minimum, null, null),
				format, LocaleContextHolder.getLocale()));
	}

	@GetMapping("/api/v1/text-mining/export")
	ResponseEntity<StreamingResponseBody> textMining(@RequestParam(required = false) String format,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Long channelId, @RequestParam(required = false) Long groupId,
			@RequestParam(required = false) String side, @RequestParam(required = false) String timeZone,
			StaffActor actor) {
		return file(this.mining.export(actor, new TopicReport.Query(from, to, channelId, groupId, side, timeZone),
				format, LocaleContextHolder.getLocale()));
	}

	static ResponseEntity<StreamingResponseBody> file(ReportExports.Export export) {
		StreamingResponseBody body = export.body()::accept;
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(export.fileName()).build().toString())
			.contentType(MediaType.parseMediaType(export.format().contentType))
			.body(body);
	}

}
