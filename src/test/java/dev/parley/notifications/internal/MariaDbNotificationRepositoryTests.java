package dev.parley.notifications.internal;

import dev.parley.testing.MariaDbRepositoryTest;

@MariaDbRepositoryTest
class MariaDbNotificationRepositoryTests extends NotificationRepositoryContract {

}
