package dev.parley.security.internal;

import dev.parley.testing.MariaDbRepositoryTest;

@MariaDbRepositoryTest
class MariaDbSecurityRepositoryTests extends SecurityRepositoryContract {

}
