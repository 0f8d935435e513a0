package dev.parley.security.internal;

import dev.parley.testing.H2RepositoryTest;

@H2RepositoryTest
class H2SecurityRepositoryTests extends SecurityRepositoryContract {

}
