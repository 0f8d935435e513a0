package dev.parley.conversations.web;

import java.io.IOException;
import java.security.Principal;
import java.util.Map;

import dev.parley.conversations.internal.ChannelPresentation;
import dev.parley.conversations.internal.ChannelPresentations;
import dev.parley.conversations.internal.Channels;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** What visitors see of a channel (docs/api.md, "Channels"): title, logo, texts. */
@RestController
@RequestMapping("/api/v1/channels/{id}")
@RequiresPermission(Permission.CHANNEL_MANAGE)
class ChannelPresentationController {

	private final ChannelPresentations presentations;

	private final Channels channels;

	ChannelPresentationController(ChannelPresentations presentations, Channels channels) {
		this.presentations = presentations;
		this.channels = channels;
	}

	/**
	 * @param logoUrl where the widget loads the logo (null: none)
	 */
	record PresentationView(String publicTitle, Map<String, ChannelPresentation.Texts> texts, String logoUrl) {
	}

	@GetMapping("/presentation")
	PresentationView get(@PathVariable long id) {
		return view(id, this.presentations.get(id));
	}

	@PutMapping("/presentation")
	PresentationView update(@PathVariable long id, @RequestBody ChannelPresentations.Form form, Principal principal) {
		return view(id, this.presentations.update(id, form, principal.getName()));
	}

	@PostMapping("/logo")
	PresentationView logo(@PathVariable long id, @RequestPart("file") MultipartFile file, Principal principal)
			throws IOException {
		return view(id, this.presentations.setLogo(id, file.getBytes(), principal.getName()));
	}

	@DeleteMapping("/logo")
	PresentationView deleteLogo(@PathVariable long id, Principal principal) {
		return view(id, this.presentations.deleteLogo(id, principal.getName()));
	}

	private PresentationView view(long id, ChannelPresentation presentation) {
		return new PresentationView(presentation.publicTitle(), presentation.texts(),
				logoUrl(this.channels.get(id).key(), presentation));
	}

	/** The public address of a channel's logo, versioned so a new one is not cached. */
	static String logoUrl(String key, ChannelPresentation presentation) {
		return presentation.hasLogo()
				? "/api/v1/widget/channels/" + key + "/logo?v=" + presentation.logoUpdatedAt().toEpochMilli() : null;
	}

}
