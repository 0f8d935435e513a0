package dev.parley.customers.internal;

import dev.parley.testing.PostgresRepositoryTest;

@PostgresRepositoryTest
class PostgresCustomerQueryTests extends CustomerQueryContract {

}
