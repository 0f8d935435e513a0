package dev.parley.analytics.internal;

import dev.parley.testing.PostgresRepositoryTest;

@PostgresRepositoryTest
class PostgresEvaluationFiguresTests extends EvaluationFiguresContract {

}
