package dev.parley.conversations.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.conversations.internal.Channel;
import dev.parley.conversations.internal.Channels;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Channel administration (docs/api.md, "Channels"). */
@RestController
@RequestMapping("/api/v1/channels")
@RequiresPermission(Permission.CHANNEL_MANAGE)
class ChannelController {

	private final Channels channels;

	ChannelController(Channels channels) {
		this.channels = channels;
	}

	@GetMapping
	List<ChannelView> list() {
		return this.channels.list().stream().map(ChannelView::withoutSecret).toList();
	}

	@GetMapping("/{id}")
	ChannelView get(@PathVariable long id) {
		return ChannelView.withoutSecret(this.channels.get(id));
	}

	/** The only response besides {@link #rotate} that shows the identity secret. */
	@PostMapping
	ResponseEntity<ChannelView> create(@RequestBody ChannelForm form, java.security.Principal principal) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(ChannelView.withSecret(this.channels.create(form.kind(), form.settings(), principal.getName())));
	}

	@PutMapping("/{id}")
	ChannelView update(@PathVariable long id, @RequestBody ChannelForm form, java.security.Principal principal) {
		return ChannelView.withoutSecret(this.channels.update(id, form.settings(), principal.getName()));
	}

	@PostMapping("/{id}/secret")
	ChannelView rotate(@PathVariable long id, java.security.Principal principal) {
		return ChannelView.withSecret(this.channels.rotateSecret(id, principal.getName()));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id, java.security.Principal principal) {
		this.channels.delete(id, principal.getName());
		return ResponseEntity.noContent().build();
	}

	/**
	 * A channel as the API shows it: the identity secret only in the response that
	 * created or regenerated it (shown once), otherwise only that there is one.
	 */
	record ChannelView(long id, String kind, String name, String key, List<String> allowedOrigins, String greeting,
			String color, boolean prechatEnabled, List<String> prechatFields,
			@JsonInclude(JsonInclude.Include.NON_NULL) String identitySecret, boolean identitySecretSet,
			boolean enabled, java.time.Instant createdAt, List<Channel.Topic> topics, List<String> uploadTypes) {

		static ChannelView withoutSecret(Channel c) {
			return of(c, null);
		}

		static ChannelView withSecret(Channel c) {
			return of(c, c.identitySecret());
		}

		private static ChannelView of(Channel c, String secret) {
			return new ChannelView(c.id(), c.kind(), c.name(), c.key(), c.allowedOrigins(), c.greeting(), c.color(),
					c.prechatEnabled(), c.prechatFields(), secret, c.identitySecret() != null, c.enabled(),
					c.createdAt(), c.topics(), c.uploadTypes());
		}

	}

	record ChannelForm(String kind, String name, List<String> allowedOrigins, String greeting, String color,
			Boolean prechatEnabled, List<String> prechatFields, Boolean enabled,
			List<dev.parley.conversations.internal.Channel.Topic> topics, List<String> uploadTypes) {

		Channels.Settings settings() {
			return new Channels.Settings(this.name, this.allowedOrigins, this.greeting, this.color,
					Boolean.TRUE.equals(this.prechatEnabled), this.prechatFields, !Boolean.FALSE.equals(this.enabled),
					this.topics, this.uploadTypes);
		}

	}

}
