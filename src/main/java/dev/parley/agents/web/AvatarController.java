package dev.parley.agents.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import dev.parley.agents.internal.Avatars;
import dev.parley.platform.ApiException;
import dev.parley.platform.StaffActor;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Avatars (docs/api.md, "Avatars"): one's own, or anyone's with {@code user.manage}; the
 * pictures themselves are public (visitors see them), under URLs that carry their
 * version.
 */
@RestController
class AvatarController {

	private final Avatars avatars;

	AvatarController(Avatars avatars) {
		this.avatars = avatars;
	}

	/** One's own avatar URL (null when none), for the console's top bar. */
	@GetMapping("/api/v1/agents/me/avatar")
	Map<String, String> own(StaffActor actor) {
		Map<String, String> body = new java.util.HashMap<>();
		body.put("avatarUrl", this.avatars.url(actor.id()).orElse(null));
		return body;
	}

	@PostMapping("/api/v1/agents/me/avatar")
	Map<String, String> uploadOwn(@RequestPart("file") MultipartFile file, StaffActor actor) throws IOException {
		return Map.of("avatarUrl", this.avatars.upload(actor, actor.id(), file.getBytes()));
	}

	@PostMapping("/api/v1/agents/{userId}/avatar")
	Map<String, String> upload(@PathVariable long userId, @RequestPart("file") MultipartFile file, StaffActor actor)
			throws IOException {
		return Map.of("avatarUrl", this.avatars.upload(actor, userId, file.getBytes()));
	}

	@DeleteMapping("/api/v1/agents/me/avatar")
	ResponseEntity<Void> removeOwn(StaffActor actor) {
		this.avatars.remove(actor, actor.id());
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/v1/agents/{userId}/avatar")
	ResponseEntity<Void> remove(@PathVariable long userId, StaffActor actor) {
		this.avatars.remove(actor, userId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/avatars/{userId}/{version}")
	ResponseEntity<byte[]> image(@PathVariable long userId, @PathVariable long version) {
		Avatars.Image image = this.avatars.image(userId, version).orElseThrow(() -> ApiException.notFound("Avatar"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(image.contentType()))
			.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
			.eTag("\"" + userId + "-" + version + "\"")
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.body(image.content());
	}

}
