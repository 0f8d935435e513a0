package dev.parley.conversations.internal;

import dev.parley.testing.H2RepositoryTest;

@H2RepositoryTest
class H2VisitorConversationsTests extends VisitorConversationsContract {

}
