package dev.parley.notifications.internal.inbound;

import dev.parley.testing.H2RepositoryTest;

@H2RepositoryTest
class H2InboundMailLogTests extends InboundMailLogContract {

}
