package dev.parley.analytics.internal.textmining;

import dev.parley.testing.H2RepositoryTest;

@H2RepositoryTest
class H2MiningRepositoryTests extends MiningRepositoryContract {

}
