package dev.parley.notifications.web;

import java.security.Principal;
import java.util.List;

import dev.parley.notifications.internal.NotificationTemplates;
import dev.parley.notifications.internal.TemplateTexts;
import dev.parley.notifications.internal.Templates;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Notification templates per event and language: read, change, reset, preview. */
@RestController
@RequestMapping("/api/v1/notification-templates")
@RequiresPermission(Permission.NOTIFICATION_MANAGE)
class NotificationTemplateController {

	private final NotificationTemplates templates;

	NotificationTemplateController(NotificationTemplates templates) {
		this.templates = templates;
	}

	@GetMapping
	List<NotificationTemplates.Summary> list() {
		return this.templates.list();
	}

	@GetMapping("/{key}/{language}")
	NotificationTemplates.Detail get(@PathVariable String key, @PathVariable String language) {
		return this.templates.get(key, language);
	}

	@PutMapping("/{key}/{language}")
	NotificationTemplates.Detail save(@PathVariable String key, @PathVariable String language,
			@RequestBody TemplateTexts texts, Principal principal) {
		return this.templates.save(key, language, texts, principal.getName());
	}

	@DeleteMapping("/{key}/{language}")
	NotificationTemplates.Detail reset(@PathVariable String key, @PathVariable String language, Principal principal) {
		return this.templates.reset(key, language, principal.getName());
	}

	@PostMapping("/{key}/{language}/preview")
	Templates.Rendered preview(@PathVariable String key, @PathVariable String language,
			@RequestBody TemplateTexts texts) {
		return this.templates.preview(key, language, texts);
	}

}
