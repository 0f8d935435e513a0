package dev.parley.tickets.web;

import java.io.IOException;
import java.util.List;

import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;
import dev.parley.tickets.internal.TicketActor;
import dev.parley.tickets.internal.TicketAttachments;
import dev.parley.tickets.internal.TicketAttachments.Attachment;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files on tickets (docs/api.md, "Ticket attachments"). Downloads are always downloads
 * ({@code Content-Disposition: attachment}), with {@code nosniff}, a sandboxing CSP and a
 * type a browser does not run.
 */
@RestController
class TicketAttachmentController {

	/** Types served as detected; anything else as application/octet-stream. */
	private final TicketAttachments attachments;

	TicketAttachmentController(TicketAttachments attachments) {
		this.attachments = attachments;
	}

	@PostMapping("/api/v1/tickets/{id}/attachments")
	@RequiresPermission(Permission.TICKET_REPLY)
	ResponseEntity<Attachment> upload(@PathVariable long id, @RequestPart("file") MultipartFile file,
			@RequestParam(required = false) Long articleId, StaffActor staff) throws IOException {
		Attachment stored = this.attachments.attach(id, articleId, file.getOriginalFilename(), file.getContentType(),
				file.getBytes(), TicketActor.of(staff));
		return ResponseEntity.status(HttpStatus.CREATED).body(stored);
	}

	record AttachmentList(List<Attachment> items) {
	}

	@GetMapping("/api/v1/tickets/{id}/attachments")
	@RequiresPermission(Permission.TICKET_VIEW)
	AttachmentList list(@PathVariable long id, StaffActor staff) {
		return new AttachmentList(this.attachments.list(id, TicketActor.of(staff)));
	}

	@GetMapping("/api/v1/ticket-attachments/{publicId}")
	@RequiresPermission(Permission.TICKET_VIEW)
	ResponseEntity<byte[]> download(@PathVariable String publicId, StaffActor staff) {
		return FileResponses.of(this.attachments.download(publicId, TicketActor.of(staff)));
	}

}
