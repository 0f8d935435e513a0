package dev.parley.tickets.web;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import dev.parley.tickets.internal.TicketAttachments;
import dev.parley.tickets.internal.TicketAttachments.Attachment;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A ticket's file as a download, for staff and the portal alike: always an attachment
 * (never shown in the page), a type outside a short safe list as octet-stream, no
 * sniffing, a sandbox, not stored by caches.
 */
public final class FileResponses {

	private static final Set<String> SAFE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
			"application/pdf", "text/plain", "text/csv", "application/zip");

	private FileResponses() {
	}

	public static ResponseEntity<byte[]> of(TicketAttachments.Download download) {
		Attachment attachment = download.attachment();
		MediaType type = SAFE_TYPES.contains(attachment.contentType())
				? MediaType.parseMediaType(attachment.contentType()) : MediaType.APPLICATION_OCTET_STREAM;
		ContentDisposition disposition = ContentDisposition.attachment()
			.filename(attachment.fileName(), StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.cacheControl(CacheControl.noStore())
			.body(download.content());
	}

}
