package dev.parley.customers.internal;

import dev.parley.testing.MariaDbRepositoryTest;

@MariaDbRepositoryTest
class MariaDbCustomerQueryTests extends CustomerQueryContract {

}
