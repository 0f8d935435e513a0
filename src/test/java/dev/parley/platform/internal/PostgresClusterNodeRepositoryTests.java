package dev.parley.platform.internal;

import dev.parley.testing.PostgresRepositoryTest;

@PostgresRepositoryTest
class PostgresClusterNodeRepositoryTests extends ClusterNodeRepositoryContract {

}
