package dev.parley.analytics.internal.textmining;

import dev.parley.testing.PostgresRepositoryTest;

@PostgresRepositoryTest
class PostgresMiningRepositoryTests extends MiningRepositoryContract {

}
