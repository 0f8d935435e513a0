package dev.parley.analytics.internal.textmining;

import dev.parley.testing.MariaDbRepositoryTest;

@MariaDbRepositoryTest
class MariaDbMiningRepositoryTests extends MiningRepositoryContract {

}
