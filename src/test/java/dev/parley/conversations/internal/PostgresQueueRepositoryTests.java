package dev.parley.conversations.internal;

import dev.parley.testing.PostgresRepositoryTest;

@PostgresRepositoryTest
class PostgresQueueRepositoryTests extends QueueRepositoryContract {

}
