package dev.parley.analytics.internal.evaluation;

import dev.parley.testing.MariaDbRepositoryTest;

@MariaDbRepositoryTest
class MariaDbEvaluationRepositoryTests extends EvaluationRepositoryContract {

}
