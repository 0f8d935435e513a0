package dev.parley.security.internal;

import dev.parley.testing.PostgresRepositoryTest;

@PostgresRepositoryTest
class PostgresSecurityRepositoryTests extends SecurityRepositoryContract {

}
