package dev.parley.notifications.internal;

import dev.parley.testing.PostgresRepositoryTest;

@PostgresRepositoryTest
class PostgresSmsGatewayRepositoryTests extends SmsGatewayRepositoryContract {

}
