package dev.parley.security.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.parley.administration.Settings;
import dev.parley.identity.StaffDirectory;
import dev.parley.notifications.NotificationChannel;
import dev.parley.notifications.NotificationRequest;
import dev.parley.notifications.Notifications;
import dev.parley.platform.Permission;
import dev.parley.security.SourceBlocked;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells whoever holds {@code security.manage} by e-mail when Parley blocked an address by
 * itself (a manual block is the administrator's own doing).
 */
@Component
class BlockAlerts {

	static final String TEMPLATE = "source-blocked";

	private final StaffDirectory staff;

	private final Notifications notifications;

	private final Settings settings;

	BlockAlerts(StaffDirectory staff, Notifications notifications, Settings settings) {
		this.staff = staff;
		this.notifications = notifications;
		this.settings = settings;
	}

	@ApplicationModuleListener
	void on(SourceBlocked event) {
		if (!event.reason().automatic()) {
			return;
		}
		String link = this.settings.get("organisation.publicUrl") + "/console/security";
		for (StaffDirectory.StaffContact contact : this.staff.holdersOf(Permission.SECURITY_MANAGE)) {
			if (contact.email() == null) {
				continue;
			}
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("name", contact.displayName());
			values.put("address", event.address());
			values.put("reason", event.reason().name().toLowerCase(Locale.ROOT));
			values.put("signals", event.signals());
			values.put("until", event.until().toString());
			values.put("link", link);
			this.notifications.enqueue(NotificationRequest.toStaff(
					"source-blocked:" + event.blockId() + ":" + contact.id(), NotificationChannel.EMAIL,
					contact.email(), contact.id(), TEMPLATE, contact.language(), values, null));
		}
	}

}
