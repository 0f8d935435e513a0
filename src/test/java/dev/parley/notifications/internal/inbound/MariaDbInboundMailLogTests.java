package dev.parley.notifications.internal.inbound;

import dev.parley.testing.MariaDbRepositoryTest;

@MariaDbRepositoryTest
class MariaDbInboundMailLogTests extends InboundMailLogContract {

}
