package dev.parley.notifications.internal;

import dev.parley.testing.PostgresRepositoryTest;

@PostgresRepositoryTest
class PostgresNotificationRepositoryTests extends NotificationRepositoryContract {

}
