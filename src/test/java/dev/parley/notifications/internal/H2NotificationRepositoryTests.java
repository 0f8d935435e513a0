package dev.parley.notifications.internal;

import dev.parley.testing.H2RepositoryTest;

@H2RepositoryTest
class H2NotificationRepositoryTests extends NotificationRepositoryContract {

}
