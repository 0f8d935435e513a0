package dev.parley.conversations.internal;

import dev.parley.testing.PostgresRepositoryTest;

@PostgresRepositoryTest
class PostgresVisitorConversationsTests extends VisitorConversationsContract {

}
