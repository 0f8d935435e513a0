package dev.parley.platform.internal;

import dev.parley.testing.H2RepositoryTest;

@H2RepositoryTest
class H2ClusterNodeRepositoryTests extends ClusterNodeRepositoryContract {

}
