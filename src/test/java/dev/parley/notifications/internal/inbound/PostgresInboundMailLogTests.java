package dev.parley.notifications.internal.inbound;

import dev.parley.testing.PostgresRepositoryTest;

@PostgresRepositoryTest
class PostgresInboundMailLogTests extends InboundMailLogContract {

}
