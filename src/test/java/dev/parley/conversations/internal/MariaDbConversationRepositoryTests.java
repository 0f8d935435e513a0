package dev.parley.conversations.internal;

import dev.parley.testing.MariaDbRepositoryTest;

@MariaDbRepositoryTest
class MariaDbConversationRepositoryTests extends ConversationRepositoryContract {

}
