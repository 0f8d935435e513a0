package dev.parley.conversations.internal;

import dev.parley.testing.PostgresRepositoryTest;

@PostgresRepositoryTest
class PostgresConversationRepositoryTests extends ConversationRepositoryContract {

}
