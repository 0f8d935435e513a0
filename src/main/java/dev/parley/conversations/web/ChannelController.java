package dev.parley.conversations.web;

import java.util.List;

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
	List<Channel> list() {
		return this.channels.list();
	}

	@GetMapping("/{id}")
	Channel get(@PathVariable long id) {
		return this.channels.get(id);
	}

	@PostMapping
	ResponseEntity<Channel> create(@RequestBody ChannelForm form, java.security.Principal principal) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.channels.create(form.kind(), form.settings(), principal.getName()));
	}

	@PutMapping("/{id}")
	Channel update(@PathVariable long id, @RequestBody ChannelForm form, java.security.Principal principal) {
		return this.channels.update(id, form.settings(), principal.getName());
	}

	@PostMapping("/{id}/secret")
	Channel rotate(@PathVariable long id, java.security.Principal principal) {
		return this.channels.rotateSecret(id, principal.getName());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id, java.security.Principal principal) {
		this.channels.delete(id, principal.getName());
		return ResponseEntity.noContent().build();
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
