package dev.parley.analytics.internal.evaluation;

import dev.parley.testing.PostgresRepositoryTest;

@PostgresRepositoryTest
class PostgresEvaluationRepositoryTests extends EvaluationRepositoryContract {

}
