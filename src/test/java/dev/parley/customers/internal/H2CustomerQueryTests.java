package dev.parley.customers.internal;

import dev.parley.testing.H2RepositoryTest;

@H2RepositoryTest
class H2CustomerQueryTests extends CustomerQueryContract {

}
