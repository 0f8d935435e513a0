package dev.parley.platform.internal;

import dev.parley.testing.MariaDbRepositoryTest;

@MariaDbRepositoryTest
class MariaDbClusterNodeRepositoryTests extends ClusterNodeRepositoryContract {

}
