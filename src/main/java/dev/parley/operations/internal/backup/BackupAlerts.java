package dev.parley.operations.internal.backup;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.parley.administration.Settings;
import dev.parley.identity.StaffDirectory;
import dev.parley.notifications.NotificationChannel;
import dev.parley.notifications.NotificationRequest;
import dev.parley.notifications.Notifications;
import dev.parley.operations.BackupFinished;
import dev.parley.operations.BackupVerified;
import dev.parley.platform.Permission;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells whoever holds {@code backup.run} by e-mail when a backup fails or fails its
 * verification: a failed backup means no new copy of the data, a failed verification a
 * copy that may not restore.
 */
@Component
class BackupAlerts {

	static final String TEMPLATE = "backup-problem";

	private final StaffDirectory staff;

	private final Notifications notifications;

	private final BackupCatalogue catalogue;

	private final Settings settings;

	BackupAlerts(StaffDirectory staff, Notifications notifications, BackupCatalogue catalogue, Settings settings) {
		this.staff = staff;
		this.notifications = notifications;
		this.catalogue = catalogue;
		this.settings = settings;
	}

	@ApplicationModuleListener
	void on(BackupFinished event) {
		if (!event.succeeded()) {
			alert("backup-failed:" + event.backupId(), event.backupId(), false, event.error());
		}
	}

	@ApplicationModuleListener
	void on(BackupVerified event) {
		if (!event.passed()) {
			alert("backup-verification-failed:" + event.backupId() + ":" + event.at().toEpochMilli(), event.backupId(),
					true, event.detail());
		}
	}

	private void alert(String key, long backupId, boolean verification, String detail) {
		String file = this.catalogue.find(backupId).map(BackupRun::fileName).orElse("#" + backupId);
		String link = this.settings.get("organisation.publicUrl") + "/console/backups";
		for (StaffDirectory.StaffContact contact : this.staff.holdersOf(Permission.BACKUP_RUN)) {
			if (contact.email() == null) {
				continue;
			}
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("name", contact.displayName());
			values.put("verification", verification);
			values.put("file", file);
			values.put("detail", detail);
			values.put("link", link);
			this.notifications.enqueue(NotificationRequest.toStaff(key + ":" + contact.id(), NotificationChannel.EMAIL,
					contact.email(), contact.id(), TEMPLATE, contact.language(), values, null));
		}
	}

}
