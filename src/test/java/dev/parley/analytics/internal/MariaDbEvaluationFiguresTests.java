package dev.parley.analytics.internal;

import dev.parley.testing.MariaDbRepositoryTest;

@MariaDbRepositoryTest
class MariaDbEvaluationFiguresTests extends EvaluationFiguresContract {

}
