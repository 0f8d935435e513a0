package dev.parley.conversations.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.parley.conversations.internal.ChatAttachments;
import dev.parley.conversations.internal.ChatAttachments.Download;
import dev.parley.platform.StaffActor;
import dev.parley.conversations.internal.VisitorTokens;
import dev.parley.identity.StaffPrincipal;
import dev.parley.platform.ApiException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hands out attachments, checked on every download: a visitor (by the token header) sees
 * the files of their own conversations, staff those of conversations they may read;
 * anyone else gets 404. Files never run in Parley's origin: non-images are downloads, and
 * everything is served with {@code nosniff} and a sandboxing CSP.
 */
@RestController
class AttachmentController {

	private final ChatAttachments attachments;

	private final VisitorTokens tokens;

	AttachmentController(ChatAttachments attachments, VisitorTokens tokens) {
		this.attachments = attachments;
		this.tokens = tokens;
	}

	@GetMapping("/api/v1/attachments/{id}")
	ResponseEntity<byte[]> file(@PathVariable String id, HttpServletRequest request) {
		return respond(download(id, false, request), false);
	}

	@GetMapping("/api/v1/attachments/{id}/thumbnail")
	ResponseEntity<byte[]> thumbnail(@PathVariable String id, HttpServletRequest request) {
		return respond(download(id, true, request), true);
	}

	private Download download(String id, boolean thumbnail, HttpServletRequest request) {
		if (request.getHeader(VisitorHeader.NAME) != null) {
			return this.attachments.forVisitor(VisitorHeader.require(request, this.tokens), id, thumbnail);
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof StaffPrincipal)) {
			throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign in first");
		}
		return this.attachments.forStaff(StaffActor.of(authentication), id, thumbnail);
	}

	private static ResponseEntity<byte[]> respond(Download download, boolean thumbnail) {
		var attachment = download.attachment();
		MediaType type = thumbnail ? MediaType.IMAGE_PNG : MediaType.parseMediaType(attachment.contentType());
		ContentDisposition disposition = (attachment.image() ? ContentDisposition.inline()
				: ContentDisposition.attachment())
			.filename(attachment.fileName(), StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
			.body(download.content());
	}

}
